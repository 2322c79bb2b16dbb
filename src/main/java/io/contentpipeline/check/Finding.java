package io.contentpipeline.check;

/**
 * One thing a metadata rule found wrong, in the author's words, and where: the field's line,
 * or, for one item of a list, the item's own line and column (null when not known).
 *
 * @param path the value the finding is about: the field ({@code title}), or an item of it from 0
 *             ({@code seo_keywords.1}, {@code related_articles.0.anchor}), as a segment id names
 *             it after {@code fm.}
 */
record Finding(String message, String path, Integer line, Integer column) {
}
