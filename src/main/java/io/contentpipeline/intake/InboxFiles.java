package io.contentpipeline.intake;

import io.contentpipeline.article.InputInBundle;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.files.FileNames;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.translate.XliffMerge;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a consumed file goes when its exchange completes. The file consumers' {@code move}
 * option reads the {@value #MOVE_TO} header: the archive by default, rejected/ when a
 * stage rejects the input. The file is moved only after the route finished, so an input
 * leaves the inbox only once its outputs are on disk, and only if it is still the file read
 * ({@link InboxCommit}). An accepted input is archived under the time its bundle took it in
 * ({@code accepted_at}), any other under the time it was read.
 */
public final class InboxFiles {

    private static final Logger LOG = LoggerFactory.getLogger(InboxFiles.class);

    public static final String MOVE_TO = "PipelineMoveTo";
    public static final String RETURN_LANGUAGE = "PipelineReturnLanguage";
    /** Exchange property: the archive folder of the input's kind ({@code articles}, {@code translations}). */
    private static final String KIND = "PipelineInputArchive";
    /** Exchange property, true when the input is the very file its bundle took in (see {@link #recordTakenIn}). */
    private static final String TAKEN_IN = "PipelineInputTakenIn";
    /** Exchange property: what {@link #read} took from the inbox ({@link Read}), for the move at the end (InboxCommit). */
    private static final String READ = "PipelineInputRead";
    /** Exchange property, true when the file was gone before it could be read ({@link InputGoneException}). */
    private static final String GONE_UNREAD = "PipelineInputGoneUnread";
    /** Reads of a file that changes while it is read (saved again at that moment) before the attempt fails. */
    private static final int READ_ATTEMPTS = 3;
    /**
     * Hidden files and editor leftovers ({@code ~$draft.md}), which no intake takes whatever
     * its include setting says: the routes' {@code exclude} option holds the same expression.
     */
    public static final Pattern NEVER_TAKEN = Pattern.compile("[.~].*");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final HomeLayout layout;
    private final long maxBytes;
    private final long maxReturnBytes;
    private final long maxXliffBytes;

    /**
     * @param maxBytes       larger files are rejected unread (pipeline.max-file-bytes)
     * @param maxReturnBytes the same for Markdown returns, which can be longer than their source (pipeline.max-return-bytes)
     * @param maxXliffBytes  the same for XLIFF files, which hold every segment twice once filled (pipeline.max-xliff-bytes)
     */
    public InboxFiles(HomeLayout layout, long maxBytes, long maxReturnBytes, long maxXliffBytes) {
        this.layout = layout;
        this.maxBytes = maxBytes;
        this.maxReturnBytes = maxReturnBytes;
        this.maxXliffBytes = maxXliffBytes;
    }

    /**
     * What the intake read of its input: the file's identity when it was read, and its bytes (null
     * when the file was rejected unread: a symbolic link, too large). At the end of the exchange,
     * only these bytes leave the inbox: a file saved again under the name meanwhile is another
     * input, left there (InboxCommit).
     */
    public record Read(FileIdentity identity, byte[] bytes) {
    }

    /** What {@link #read} took from the inbox for this exchange; null when it did not run. */
    public static Read readOf(Exchange exchange) {
        return exchange.getProperty(READ, Read.class);
    }

    /**
     * The identity of the file this exchange took: as {@link #read} saw it (its inode too), else
     * as the file consumer did (size and modification time only); null when neither is known.
     */
    public static FileIdentity takenIdentity(Exchange exchange) {
        Read read = readOf(exchange);
        return read != null && read.identity() != null ? read.identity()
                : FileIdentity.taken(exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class),
                exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, Long.class));
    }

    /** Whether the exchange's file was gone before it could be read: nothing to move at its end. */
    public static boolean goneUnread(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.getProperty(GONE_UNREAD, Boolean.class));
    }

    /**
     * Reads the consumed file and sets its default destination: the archive for its kind.
     *
     * @throws InputGoneException when the file is no longer there (moved or deleted since the
     *                            poll, or the home moved away): it used to be rejected as "a
     *                            special file, not a file", and the move of that rejection then
     *                            failed, logged again as a file that "stays in the inbox"
     */
    public SourceFile read(Exchange exchange, String kind) throws IOException, InputGoneException {
        try {
            return readTaken(exchange, kind);
        } catch (NoSuchFileException gone) {
            throw gone(exchange);
        }
    }

    private InputGoneException gone(Exchange exchange) {
        exchange.setProperty(GONE_UNREAD, true);
        String name = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class)).getFileName().toString();
        LOG.info("inbox.gone file={}: the file was taken out of the inbox (or the home moved away) before the pipeline read it;"
                + " nothing was processed, and nothing is kept of it", name);
        return new InputGoneException(name);
    }

    private SourceFile readTaken(Exchange exchange, String kind) throws IOException, InputGoneException {
        Path path = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath();
        String name = path.getFileName().toString();
        // The destination is set first, so that a rejection below still moves the file to rejected/.
        exchange.getMessage().setHeader(MOVE_TO, archiveName(kind, path, Instant.now()).toString());
        exchange.setProperty(KIND, kind);
        // Known before the checks, so that a file rejected unread is moved only if it is still the one taken.
        FileIdentity taken = FileIdentity.of(path);
        if (taken == null) {
            throw gone(exchange);
        }
        exchange.setProperty(READ, new Read(taken, null));
        if (Files.isSymbolicLink(path)) {
            throw new RejectedInputException(Problem.error("symbolic-link", null,
                    "symbolic links are not followed; drop the file itself", null));
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.notExists(path, LinkOption.NOFOLLOW_LINKS)) {
                // Gone in the instant since its identity was read: no special file.
                throw gone(exchange);
            }
            // Opened, a named pipe waits for a writer: the worker waited forever, and every input
            // after it waited its turn behind it (--once never ended).
            throw new RejectedInputException(Problem.error("not-a-file", null,
                    "this is " + kindOfSpecialFile(path) + ", not a file: drop the article itself", null));
        }
        long size = Files.size(path);
        SizeLimit limit = sizeLimit(path);
        if (size > limit.bytes()) {
            throw new RejectedInputException(Problem.error("file-too-large", null, "the file is " + size
                    + " bytes; the limit" + limit.forWhat() + " is " + limit.bytes() + " (setting " + limit.setting() + ")", null));
        }
        Read read = readWhole(path, taken);
        exchange.setProperty(READ, read);
        if ("translations".equals(kind)) {
            // None for a file outside a language folder: the returns stage rejects it for its place.
            exchange.getMessage().setHeader(RETURN_LANGUAGE, layout.returnsFolderOf(path).orElse(null));
        }
        return new SourceFile(name, path, read.bytes(), read.identity().modified().toInstant());
    }

    /**
     * Whether {@link #read} rejects the file unread, from its attributes (read without following
     * a link): a link, a named pipe or another special file, or a file over its kind's limit.
     * Whoever looks into an input before the intake must not read such a one either.
     */
    public boolean rejectedUnread(Path path, BasicFileAttributes attributes) {
        return !attributes.isRegularFile() || attributes.size() > sizeLimit(path).bytes();
    }

    /** The size over which a file is rejected unread, and the setting that says so, for messages. */
    public record SizeLimit(long bytes, String setting, String forWhat) {
    }

    /**
     * The size over which this file is rejected unread: XLIFF files, wherever they are dropped,
     * and Markdown returns have limits of their own.
     */
    public SizeLimit sizeLimit(Path path) {
        if (isXliff(path.getFileName().toString())) {
            return new SizeLimit(maxXliffBytes, "pipeline.max-xliff-bytes", " for XLIFF files");
        }
        if (path.toAbsolutePath().startsWith(layout.returnsInbox())) {
            return new SizeLimit(maxReturnBytes, "pipeline.max-return-bytes", " for returned translations");
        }
        return new SizeLimit(maxBytes, "pipeline.max-file-bytes", "");
    }

    /** XLIFF files, returns (or returns dropped in the article inbox), have a limit of their own. */
    private static boolean isXliff(String name) {
        return XliffMerge.isXliff(name);
    }

    /** What a path that is no regular file is, in words, from the type bits of its mode where the file system gives them. */
    private static String kindOfSpecialFile(Path path) {
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe";
                case 0140000 -> "a socket";
                case 0020000, 0060000 -> "a device";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    /**
     * The file's bytes, with its identity as it was while they were read: the same before and
     * after the read, else the file was being saved again at that moment (its bytes may be half
     * of each version), and it is read again. A file that keeps changing fails the attempt as an
     * I/O failure: it stays in the inbox and is taken again later.
     */
    private static Read readWhole(Path path, FileIdentity before) throws IOException {
        for (int attempt = 1; ; attempt++) {
            byte[] bytes = Files.readAllBytes(path);
            FileIdentity after = FileIdentity.of(path);
            if (before != null && after != null && before.equals(after)) {
                return new Read(after, bytes);
            }
            if (attempt == READ_ATTEMPTS) {
                throw new IOException("the file changed each time it was read (" + READ_ATTEMPTS + " times): it is still being written");
            }
            before = after;
        }
    }

    /**
     * Route step after a stage that found, or put, the input's content in its bundle. When this
     * file is the input the bundle took in (its name, not changed since it was taken in, and not
     * archived under that time yet), it is archived under the time the bundle took it in, and
     * marked: its events are logged as that input's, not as the same content dropped again
     * ({@link #isTakenIn}). That is the input just accepted, or the same one replayed after a
     * crash before it left the inbox (the bundle written, its events maybe not). A copy dropped
     * again is another file: the first is in the archive under that time (or was taken in under
     * another name, or changed since).
     */
    public void recordTakenIn(Exchange exchange) throws IOException {
        Object result = exchange.getMessage().getBody();
        String kind = exchange.getProperty(KIND, String.class);
        if (!(result instanceof InputInBundle.Named named) || kind == null) {
            return;
        }
        InputInBundle taken = named.inputInBundle();
        if (taken == null || taken.acceptedAt() == null) {
            return;
        }
        Path path = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath();
        String name = path.getFileName().toString();
        Path archived = archiveName(kind, path, taken.acceptedAt());
        if (!name.equals(taken.file()) || Files.exists(archived, LinkOption.NOFOLLOW_LINKS)
                || Files.exists(archiveNameWithoutLanguage(kind, name, taken.acceptedAt()), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // The file as it was read: one saved again under the name since is another input, which
        // does not change where this one goes (InboxCommit leaves the newer one in the inbox).
        Read read = readOf(exchange);
        try {
            Instant modified = read != null && read.identity() != null ? read.identity().modified().toInstant()
                    : Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
            if (modified.isAfter(taken.acceptedAt())) {
                return;
            }
        } catch (NoSuchFileException gone) {
            return;
        }
        exchange.getMessage().setHeader(MOVE_TO, archived.toString());
        exchange.setProperty(TAKEN_IN, true);
    }

    /** Whether the exchange's file is the input its bundle took in (not the same content dropped again). */
    public static boolean isTakenIn(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.getProperty(TAKEN_IN, Boolean.class));
    }

    /**
     * archive/&lt;kind&gt;/&lt;UTC time&gt;_&lt;name&gt;, and for a return in a language folder
     * &lt;UTC time&gt;_&lt;lang&gt;_&lt;name&gt; ({@code 20261128T082214.609Z_en_role.md}): translators of
     * two languages name their files alike, and without the language two languages' returns of
     * one slug and version could only be told apart by opening them. The name is shortened
     * when the whole would not fit the file system.
     */
    private Path archiveName(String kind, Path path, Instant time) {
        String language = "translations".equals(kind)
                ? layout.returnsFolderOf(path).map(folder -> folder.toLowerCase(Locale.ROOT) + "_").orElse("") : "";
        return layout.archive().resolve(kind).resolve(FileNames.around(STAMP.format(time) + "_" + language, path.getFileName().toString(), ""));
    }

    /** The name a return was archived under before the language was in it, so that one archived then is still found. */
    private Path archiveNameWithoutLanguage(String kind, String name, Instant time) {
        return layout.archive().resolve(kind).resolve(FileNames.around(STAMP.format(time) + "_", name, ""));
    }
}
