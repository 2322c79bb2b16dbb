package io.contentpipeline.article;

import java.nio.file.Path;
import java.time.Instant;

/** A file as it arrived in one of the inbox folders, before any interpretation. */
public record SourceFile(String name, Path path, byte[] bytes, Instant modified) {
}
