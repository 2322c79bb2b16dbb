package io.contentpipeline.version;

import io.contentpipeline.article.Article;
import io.contentpipeline.files.AtomicFiles;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.publish.FrontMatterWriter;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every accepted source version sent for translation, as it was accepted
 * (outbox/sources/&lt;slug&gt;/v&lt;N&gt;.md), and the language-neutral draft made from it
 * (v&lt;N&gt;.draft.md: translatable fields, the translation block, the body). A translation made for an older version is checked
 * against the draft it was made from, and later drafts reuse its segments.
 */
public final class SourceArchive {

    /** v3.md: a kept source (v3.draft.md is its draft). */
    private static final Pattern KEPT_SOURCE = Pattern.compile("v([1-9][0-9]{0,8})\\.md");

    private final HomeLayout layout;

    public SourceArchive(HomeLayout layout) {
        this.layout = layout;
    }

    /** An article's source as a version of it is kept: its front matter written out, then its body. */
    public static String sourceText(Article article) {
        return FrontMatterWriter.markdown(article.frontMatter().fields(), article.body());
    }

    /** Whether the newest version kept for the article's slug is this very article (kept, then not published: a retry or a crash). */
    boolean keepsAsLatest(Article article, int latest) throws IOException {
        return latest > 0 && source(article.slug(), latest).filter(sourceText(article)::equals).isPresent();
    }

    public void keep(String slug, int version, String source, String draft) throws IOException {
        // The draft goes into place first: where a version's source is, its draft is too.
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(file(slug, version, ".draft.md").getFileName().toString(), draft.getBytes(StandardCharsets.UTF_8));
        files.put(file(slug, version, ".md").getFileName().toString(), source.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.writeAll(layout.sources(slug), files);
    }

    /** Whether this version was kept (its drafts are written right after). */
    public boolean has(String slug, int version) {
        return Files.isRegularFile(file(slug, version, ".md"));
    }

    /**
     * The newest version kept for a slug, 0 when none: a slug whose bundle was deleted by hand
     * still has its versions here, and a new one must not take an old one's number (its
     * archived draft is what a translator's return of that version is checked against).
     */
    public int latestVersion(String slug) throws IOException {
        Path folder = layout.sources(slug);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int latest = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "v*.md")) {
            for (Path file : files) {
                Matcher version = KEPT_SOURCE.matcher(file.getFileName().toString());
                if (version.matches()) {
                    latest = Math.max(latest, Integer.parseInt(version.group(1)));
                }
            }
        }
        return latest;
    }

    /** The source version as it was accepted. */
    public Optional<String> source(String slug, int version) throws IOException {
        return read(file(slug, version, ".md"));
    }

    public Optional<String> draft(String slug, int version) throws IOException {
        return read(file(slug, version, ".draft.md"));
    }

    private static Optional<String> read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    }

    private Path file(String slug, int version, String suffix) {
        return layout.sources(slug).resolve("v" + version + suffix);
    }
}
