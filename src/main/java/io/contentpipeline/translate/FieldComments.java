package io.contentpipeline.translate;

import io.contentpipeline.article.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translated front-matter text typed without quotes with " #" in it ({@code title: The CMO,
 * SMEs' #1 hire}): YAML reads the rest of the line as a comment, so the page was published
 * with the title cut short, and the translator was told only that it was short (length-ratio).
 * Read from the return's own lines, since the parsed value no longer holds the lost words.
 */
final class FieldComments {

    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([A-Za-z][\\w-]*)\\s*:");
    /**
     * A plain value (no quote, block or flow indicator first) on a key's line or a list item's,
     * then " #" and the comment. A line that only continues a value is not read: in a quoted or
     * block value, a "#" is text.
     */
    private static final Pattern PLAIN_THEN_COMMENT = Pattern.compile(
            "^(\\s*-\\s+(?:[A-Za-z][\\w-]*\\s*:\\s+)?|[A-Za-z][\\w-]*\\s*:\\s+|\\s+[A-Za-z][\\w-]*\\s*:\\s+)"
                    + "([^\\s\"'|>\\[{#&*!%@`][^#]*?)[ \\t]+#(.*)$");
    /** A key whose value is a block (description: >-): its lines are text, "#" included. */
    private static final Pattern BLOCK_VALUE = Pattern.compile(":\\s*[|>][-+0-9]*\\s*(?:#.*)?$");

    private FieldComments() {
    }

    /** @param text the return as read, its front matter from line 1 */
    static List<Problem> find(String text) {
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        String key = null;
        boolean inBlock = false;
        for (int i = 1; i < lines.length && !lines[i].stripTrailing().equals("---") && !lines[i].stripTrailing().equals("..."); i++) {
            Matcher top = TOP_LEVEL_KEY.matcher(lines[i]);
            if (top.find()) {
                key = top.group(1);
                inBlock = BLOCK_VALUE.matcher(lines[i]).find();
            } else if (inBlock) {
                continue;
            }
            if (key == null || !(TranslatableFields.SCALARS_AND_LISTS.contains(key) || TranslatableFields.RELATED.equals(key))) {
                continue;
            }
            Matcher value = PLAIN_THEN_COMMENT.matcher(lines[i]);
            if (value.matches() && !value.group(3).isBlank()) {
                String words = value.group(3).strip();
                String written = value.group(2) + " #" + value.group(3);
                problems.add(Problem.error("field-comment", "fm." + key, "the words after \" #\" (\"" + words
                        + "\") are a YAML comment, not part of the text, and would not be published: quote the value, "
                        + value.group(1).strip() + " \"" + written.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"", i + 1));
            }
        }
        return problems;
    }
}
