package io.contentpipeline.derive;

import java.util.regex.Pattern;

/**
 * Shortens text for a meta description: at most {@code max} characters, cut at a word
 * boundary and marked with an ellipsis, never in the middle of a word.
 */
public final class DescriptionCutter {

    /** Compiled once rather than on every article whose summary is too long for a description. */
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:.!?…«»\"'(\\-–—]+$");

    private DescriptionCutter() {
    }

    public static String cut(String text, int max) {
        String clean = SPACES.matcher(text.strip()).replaceAll(" ");
        if (clean.codePointCount(0, clean.length()) <= max) {
            return clean;
        }
        int limit = clean.offsetByCodePoints(0, max - 1);
        int space = clean.lastIndexOf(' ', limit);
        String head = space > 0 ? clean.substring(0, space) : clean.substring(0, limit);
        return TRAILING_PUNCTUATION.matcher(head).replaceAll("") + "…";
    }
}
