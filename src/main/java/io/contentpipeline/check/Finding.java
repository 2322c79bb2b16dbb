package io.contentpipeline.check;

/**
 * One thing a metadata rule found wrong, in the author's words, and where: the field's line,
 * or, for one item of a list, the item's own line and column (null when not known).
 */
record Finding(String message, Integer line, Integer column) {
}
