package io.contentpipeline.version;

import io.contentpipeline.files.AtomicFiles;
import io.contentpipeline.files.HomeLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Every accepted source version as it was accepted (outbox/sources/&lt;slug&gt;/v&lt;N&gt;.md), so
 * that a translation made for an older version can be checked against the text it
 * translated.
 */
public final class SourceArchive {

    private final HomeLayout layout;

    public SourceArchive(HomeLayout layout) {
        this.layout = layout;
    }

    public void keep(String slug, int version, String text) throws IOException {
        AtomicFiles.write(file(slug, version), text);
    }

    public Optional<String> read(String slug, int version) throws IOException {
        Path file = file(slug, version);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    }

    private Path file(String slug, int version) {
        return layout.sources(slug).resolve("v" + version + ".md");
    }
}
