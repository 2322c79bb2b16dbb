package io.contentpipeline.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The folder contract: where authors drop articles, where translators return files and
 * where every output goes. One place names the folders so no stage builds paths by hand.
 */
public record HomeLayout(Path home) {

    public HomeLayout {
        home = home.toAbsolutePath().normalize();
    }

    public Path inbox() {
        return home.resolve("inbox");
    }

    public Path returnsInbox() {
        return inbox().resolve("translations");
    }

    public Path returnsInbox(String language) {
        return home.resolve(returnsFolder(language));
    }

    /**
     * The language folder a file under inbox/translations/ is in: "EN" for
     * inbox/translations/EN/x.md; empty for a file anywhere else (in inbox/translations/ itself,
     * or in a subfolder of a language folder), which is no return until it is moved.
     */
    public Optional<String> returnsFolderOf(Path file) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        return folder != null && returnsInbox().equals(folder.getParent()) ? Optional.of(folder.getFileName().toString()) : Optional.empty();
    }

    /** "inbox/translations/EN": the returns folder of a language, as messages name it to people. */
    public static String returnsFolder(String language) {
        return "inbox/translations/" + language.toUpperCase(Locale.ROOT);
    }

    public Path outbox() {
        return home.resolve("outbox");
    }

    /** A path as a log line names it to an operator: from the home when it is inside it, else whole. */
    public String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(home) ? home.relativize(absolute).toString() : absolute.toString();
    }

    public Path rejected() {
        return outbox().resolve("rejected");
    }

    /** Handled originals are kept here, never deleted. */
    public Path archive() {
        return outbox().resolve("archive");
    }

    public Path drafts(String language) {
        return allDrafts().resolve(language.toUpperCase(Locale.ROOT));
    }

    /** outbox/translations/&lt;LANG&gt;/&lt;slug&gt;.md: an article's Markdown draft in a language, its XLIFF file beside it. */
    public Path draft(String language, String slug) {
        return drafts(language).resolve(slug + ".md");
    }

    public Path allDrafts() {
        return outbox().resolve("translations");
    }

    public Path allSources() {
        return outbox().resolve("sources");
    }

    public Path published() {
        return outbox().resolve("published");
    }

    public Path bundle(String slug) {
        return published().resolve(oneName(slug));
    }

    /**
     * A slug as one folder name: never a path that would lead out of its parent folder, even
     * if a check upstream let a crafted one through ("../../etc" in a return's block).
     */
    private static String oneName(String slug) {
        if (slug.isEmpty() || slug.equals(".") || slug.equals("..") || slug.indexOf('/') >= 0 || slug.indexOf('\\') >= 0
                || slug.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a slug: '" + slug + "'");
        }
        return slug;
    }

    /** Every accepted source version, kept to check returns made for older versions. */
    public Path sources(String slug) {
        return allSources().resolve(oneName(slug));
    }

    /** Bundles are assembled here and renamed into published/, so readers never see one half-built. */
    public Path staging() {
        return outbox().resolve(".staging");
    }

    /** Held by the running pipeline: see {@link HomeLock}. */
    public Path lockFile() {
        return outbox().resolve(".pipeline.lock");
    }

    public Path changelog() {
        return outbox().resolve("changelog.jsonl");
    }

    public Path changelogDigest() {
        return outbox().resolve("CHANGELOG.md");
    }

    /**
     * Creates every folder of the contract, including one return folder per target language.
     *
     * @throws NotWritableException when one cannot be created: the home is another user's, on a
     *                              read-only mount, or a file is in the way
     */
    public void create(List<String> targetLanguages) throws IOException {
        List<Path> folders = new java.util.ArrayList<>(List.of(inbox(), returnsInbox(), rejected(), archive(), published(), staging()));
        for (String language : targetLanguages) {
            folders.add(returnsInbox(language));
            folders.add(drafts(language));
        }
        for (Path folder : folders) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new NotWritableException(home, "create the folder " + folder, e);
            }
        }
    }

    /**
     * The pipeline cannot create or write what it needs in its home at start-up: the operator's
     * to fix (ownership, permissions, a read-only mount, a file in the way), told in one line.
     */
    public static final class NotWritableException extends IOException {
        public NotWritableException(Path home, String what, IOException cause) {
            super("cannot " + what + ": " + reason(cause) + "; the pipeline needs to create and write folders and files in its home, "
                    + home, cause);
        }

        /** The reason in words: an AccessDeniedException's message is only the path. */
        private static String reason(IOException cause) {
            if (cause instanceof java.nio.file.AccessDeniedException) {
                return "permission denied";
            }
            if (cause instanceof java.nio.file.FileAlreadyExistsException) {
                return "a file of that name is in the way";
            }
            if (cause instanceof java.nio.file.FileSystemException fileSystem && fileSystem.getReason() != null) {
                return fileSystem.getReason();
            }
            return String.valueOf(cause.getMessage());
        }
    }
}
