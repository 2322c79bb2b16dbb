package io.contentpipeline.intake;

import io.contentpipeline.files.HomeLayout;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks at the inbox folders before each poll of their file consumers (it is their
 * {@code pollStrategy}), and in the --once idle check, for what the consumers cannot or will
 * not take, which used to stay there without a word:
 * <ul>
 * <li>a file whose name holds a backslash, a line break or another control character, or
 * bytes that are not UTF-8 (names from a zip made on Windows): Camel reads a backslash as a
 * path separator, the include expression does not match a line break, and a name Java cannot
 * decode cannot be opened by it. The file is renamed in its folder, each such character
 * becoming {@code _}, or dropped at its end (numbered like rejected copies when the name is
 * taken: {@code a_b.2.md}),
 * with one WARN line naming both names, and is taken under its new name;</li>
 * <li>a folder in inbox/ (an unzipped batch): its files are not taken; one WARN line says so
 * and where to put them, once the folder holds a file;</li>
 * <li>a file whose name the include setting does not take ({@code notes.mdx}, a {@code .docx}
 * return): one WARN line naming what is taken.</li>
 * </ul>
 * Hidden files and editor or transfer leftovers stay silent. A WARN line is given once per
 * path while the path is there (and again by a new process).
 */
public final class InboxScan extends DefaultPollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(InboxScan.class);

    /**
     * Files nobody meant for the pipeline, passed over in silence: hidden files and folders,
     * Office locks ({@code ~$x.docx}, {@code .~lock.x#}), Emacs autosaves ({@code #x#}),
     * swap, backup and temporary files, downloads in progress, Windows' folder files.
     */
    static final Pattern LEFTOVER = Pattern.compile(
            "(?i)[.~#$].*|.*(~|#|\\.swp|\\.swo|\\.swx|\\.tmp|\\.temp|\\.bak|\\.part|\\.partial|\\.crdownload|\\.download)|thumbs\\.db|desktop\\.ini");
    /** The include settings' defaults (application.properties), described in words in the WARN lines. */
    static final String DEFAULT_INCLUDE = "(?i)[^.~$].*\\.(md|markdown|txt|xlf|xliff)";

    private final HomeLayout layout;
    private final Pattern articles;
    private final Pattern returns;
    private final ReturnsFilter returnsFilter;
    private final String articlesTaken;
    private final String returnsTaken;
    private final Set<Path> warnedInInbox = new HashSet<>();
    private final Set<Path> warnedInReturns = new HashSet<>();

    public InboxScan(HomeLayout layout, String articleInclude, String returnInclude, ReturnsFilter returnsFilter) {
        this.layout = layout;
        this.articles = Pattern.compile(articleInclude);
        this.returns = Pattern.compile(returnInclude);
        this.returnsFilter = returnsFilter;
        this.articlesTaken = DEFAULT_INCLUDE.equals(articleInclude) ? "only .md, .markdown and .txt files are articles"
                : "only file names matching " + articleInclude + " are taken";
        this.returnsTaken = DEFAULT_INCLUDE.equals(returnInclude)
                ? "only .md, .markdown, .txt (Markdown) and .xlf, .xliff (XLIFF) files are returns"
                : "only file names matching " + returnInclude + " are taken";
    }

    /** Before each poll of a file consumer: the folder it is about to read. Never stops the poll. */
    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        if (endpoint instanceof FileEndpoint file) {
            Path folder = file.getFile().toPath().toAbsolutePath().normalize();
            try {
                if (folder.equals(layout.inbox())) {
                    inbox(false);
                } else if (folder.equals(layout.returnsInbox())) {
                    returns(false);
                }
            } catch (IOException | RuntimeException e) {
                // The consumer's own poll of the folder meets the same trouble and reports it.
                LOG.debug("inbox scan of {} failed: {}", folder, e.toString());
            }
        }
        return super.begin(consumer, endpoint);
    }

    /** Both inbox folders, as before a poll; with {@code count}, the files left there that will not be taken. */
    public int scan(boolean count) throws IOException {
        return inbox(count) + returns(count);
    }

    /**
     * inbox/: renames names the consumer cannot read, names once each folder (but
     * inbox/translations/) and each file of another kind. With {@code count}, returns the files
     * that will stay (those of such folders counted one by one, which costs a walk of them).
     */
    synchronized int inbox(boolean count) throws IOException {
        Path inbox = layout.inbox();
        if (!Files.isDirectory(inbox)) {
            return 0;
        }
        Set<Path> seen = new HashSet<>();
        int untaken = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean readable = isReadable(name);
                if (isBrokenLink(entry)) {
                    untaken += notTaken(entry, true, articles, seen, warnedInInbox, brokenLink(entry));
                    continue;
                }
                if (readable && articles.matcher(name).matches() || LEFTOVER.matcher(name).matches() || entry.equals(layout.returnsInbox())) {
                    continue;
                }
                if (Files.isSymbolicLink(entry) && Files.isDirectory(entry)) {
                    seen.add(entry);
                    untaken++;
                    if (warnedInInbox.add(entry)) {
                        LOG.warn("inbox.not-taken folder={}/: a link to a folder, which is not followed; move the articles into inbox/ itself",
                                shown(entry));
                    }
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    if (!count && warnedInInbox.contains(entry)) {
                        // Named already: no walk through an unzipped batch at every poll.
                        seen.add(entry);
                        continue;
                    }
                    List<Path> files = filesIn(entry);
                    if (!files.isEmpty()) {
                        seen.add(entry);
                        untaken += files.size();
                        if (warnedInInbox.add(entry)) {
                            LOG.warn("inbox.not-taken folder={}/: files in a folder under inbox/ are not taken ({} in it now, such as {});"
                                            + " move the articles into inbox/ itself (returned translations go in inbox/translations/<LANG>/)",
                                    shown(entry), files.size(), example(files));
                        }
                    }
                    continue;
                }
                untaken += notTaken(entry, readable, articles, seen, warnedInInbox,
                        "not taken: " + articlesTaken + " (pipeline.inbox.include); if it is one, save it as Markdown under a .md name"
                                + " (renaming is enough when it is Markdown already, not for a .docx)");
            }
        }
        warnedInInbox.retainAll(seen);
        return count ? untaken : 0;
    }

    /**
     * inbox/translations/ at every depth the returns consumer looks into: renames names it
     * cannot read, names once each file of another kind. Returns the files that will stay.
     */
    synchronized int returns(boolean count) throws IOException {
        Path root = layout.returnsInbox();
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Set<Path> seen = new HashSet<>();
        int untaken = returnsIn(root, seen);
        warnedInReturns.retainAll(seen);
        return count ? untaken : 0;
    }

    private int returnsIn(Path folder, Set<Path> seen) throws IOException {
        int untaken = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean readable = isReadable(name);
                if (isBrokenLink(entry)) {
                    untaken += notTaken(entry, true, returns, seen, warnedInReturns, brokenLink(entry));
                    continue;
                }
                if (readable && returns.matcher(name).matches()) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    if (!returnsFilter.isFollowed(entry)) {
                        continue;
                    }
                    // A folder the consumer cannot read into (EN\done, from a zip): renamed like a file.
                    Path folderToRead = readable ? entry : rename(entry, seen);
                    if (folderToRead == null) {
                        continue;
                    }
                    try {
                        untaken += returnsIn(folderToRead, seen);
                    } catch (IOException | UncheckedIOException unreadable) {
                        // A folder the pipeline may not read: the consumer cannot take its files either.
                        LOG.debug("inbox scan of {} failed: {}", folderToRead, unreadable.toString());
                    }
                    continue;
                }
                if (LEFTOVER.matcher(name).matches()) {
                    continue;
                }
                untaken += notTaken(entry, readable, returns, seen, warnedInReturns,
                        "not taken: " + returnsTaken + " (pipeline.returns.include); save the translation in one of these formats");
            }
        }
        return untaken;
    }

    /**
     * A file the consumer would not take as it is: one with an unreadable name is renamed, and
     * taken if its new name is of the kind taken; any other is named once ({@code why}).
     * Returns 1 when the file stays, 0 when the consumer will take it.
     */
    private int notTaken(Path entry, boolean readable, Pattern taken, Set<Path> seen, Set<Path> warned, String why) {
        Path file = entry;
        if (!readable) {
            file = rename(entry, seen);
            if (file == null) {
                return 1;
            }
            if (taken.matcher(file.getFileName().toString()).matches()) {
                return 0;
            }
        }
        seen.add(file);
        if (warned.add(file)) {
            LOG.warn("inbox.not-taken file={}: {}", shown(file), why);
        }
        return 1;
    }

    /**
     * A symbolic link whose target does not exist (moved or deleted since): the consumers do not
     * see it, so it stayed in its folder without a word, while a link to a file is rejected.
     */
    private static boolean isBrokenLink(Path entry) {
        return Files.isSymbolicLink(entry) && !Files.exists(entry);
    }

    private static String brokenLink(Path entry) {
        String target;
        try {
            target = Files.readSymbolicLink(entry).toString();
        } catch (IOException e) {
            target = "a file";
        }
        return "a symbolic link to " + target + ", which does not exist; links are not followed: drop the file itself";
    }

    /**
     * Whether the file consumers can take a file of this name: no backslash (a path separator
     * to Camel), no control character (the include expression's {@code .} does not match a line
     * break, nor do U+2028 and U+2029), no U+FFFD (bytes that are not UTF-8: such a name
     * cannot be turned back into the file's).
     */
    public static boolean isReadable(String name) {
        return name.chars().noneMatch(InboxScan::isUnreadable);
    }

    private static boolean isUnreadable(int c) {
        return c == '\\' || Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFFFD';
    }

    /**
     * The name with each character the consumers cannot read made {@code _}, but those at its
     * end dropped: {@code article.md\r}, from a script with Windows line ends, is {@code article.md}.
     */
    static String readableName(String name) {
        int end = name.length();
        while (end > 1 && isUnreadable(name.charAt(end - 1))) {
            end--;
        }
        StringBuilder readable = new StringBuilder(end);
        name.substring(0, end).chars().forEach(c -> readable.append(isUnreadable(c) ? '_' : (char) c));
        return readable.toString();
    }

    /**
     * Renames the file in its folder to a readable name that no file has, never over another
     * file. Null when it could not be renamed (gone meanwhile, or a read-only folder: said once).
     */
    private Path rename(Path file, Set<Path> seen) {
        String readable = readableName(file.getFileName().toString());
        for (int n = 1; n < 10_000; n++) {
            Path target = file.resolveSibling(Rejections.copyName(readable, n));
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                // Without REPLACE_EXISTING: a file that took the name meanwhile is never replaced.
                Files.move(file, target);
                LOG.warn("inbox.renamed folder={}/ from={} to={}: a backslash, a line break or another control character, or bytes"
                                + " that are not UTF-8, in a file name keep the pipeline from reading the file; it is taken under its new name",
                        shown(file.getParent()), quoted(file.getFileName().toString()), quoted(target.getFileName().toString()));
                return target;
            } catch (FileAlreadyExistsException taken) {
                // Try the next number.
            } catch (NoSuchFileException gone) {
                return null;
            } catch (IOException | RuntimeException e) {
                seen.add(file);
                Set<Path> warned = file.startsWith(layout.returnsInbox()) ? warnedInReturns : warnedInInbox;
                if (warned.add(file)) {
                    LOG.warn("inbox.not-taken folder={}/ file={}: its name holds a backslash, a control character or bytes that are not UTF-8,"
                                    + " which keep the pipeline from reading the file, and renaming it to {} failed ({}); rename it",
                            shown(file.getParent()), quoted(file.getFileName().toString()), quoted(target.getFileName().toString()), e.toString());
                }
                return null;
            }
        }
        return null;
    }

    /**
     * The files in a folder dropped into inbox/, at every depth, leftovers aside; links are not
     * followed. A folder the pipeline may not read counts as one file: it is named all the same.
     */
    private static List<Path> filesIn(Path folder) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && !isUnderLeftover(folder.relativize(path)))
                    .forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            return files.isEmpty() ? List.of(folder) : files;
        }
        return files;
    }

    private static boolean isUnderLeftover(Path relative) {
        for (Path part : relative) {
            if (LEFTOVER.matcher(part.toString()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The first article-like name in the folder, else its first file's: what the operator will recognise. */
    private String example(List<Path> files) {
        return files.stream().map(path -> path.getFileName().toString()).sorted()
                .filter(name -> articles.matcher(name).matches()).findFirst()
                .orElse(files.stream().map(path -> path.getFileName().toString()).sorted().findFirst().orElse("-"));
    }

    /** A path of the home as people read it: inbox/notes.mdx; quoted when it holds a character that would break the line. */
    private String shown(Path path) {
        String shown = layout.home().relativize(path).toString();
        return isReadable(shown) ? shown : quoted(shown);
    }

    /** A name in quotes, with a backslash, a quote and control characters escaped so that it stays on one line. */
    static String quoted(String name) {
        StringBuilder quoted = new StringBuilder("\"");
        name.chars().forEach(c -> {
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '"' -> quoted.append("\\\"");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        quoted.append(String.format("\\u%04X", c));
                    } else {
                        quoted.append((char) c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}
