package io.contentpipeline.segment;

/**
 * A list item by how deeply it is nested (1 for an item of a top-level list, 2 for one of a
 * list inside an item, …), where it is in the body, [start, end), which tells the segments it
 * holds, and the line of the file where it starts. Kept for each item in reading order, so
 * that a translation that moves an item in or out of a sub-list is caught even though it
 * keeps the number of items.
 */
public record ListItemLevel(int level, int start, int end, int line) {
}
