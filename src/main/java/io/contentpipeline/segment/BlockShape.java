package io.contentpipeline.segment;

/**
 * A list or a table of an article's body, by its size ("3" items; "4x2", rows by columns)
 * and the line of the file where it starts, so that a translation's differing list or table
 * can be named, not only counted.
 */
public record BlockShape(String size, int line) {
}
