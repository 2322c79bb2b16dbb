package io.contentpipeline.article;

/** One entry of an article's outline: heading level 1-6, its plain text and its anchor id. */
public record Heading(int level, String text, String id) {
}
