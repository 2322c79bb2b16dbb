package io.contentpipeline.segment;

/**
 * A link or an image of an article's body, by where it starts: its offset in the body, to
 * find the block that holds it, and its line in the file, to name it.
 */
public record LinkOrImage(int offset, int line) {
}
