package io.contentpipeline.article;

/**
 * Where a value starts in the file, as the YAML parser marked it: its line and column, both
 * counted from 1. An item of a list written one per line, or in [brackets] on one line, is
 * named by its own place rather than by its list's key.
 */
public record Place(int line, int column) {
}
