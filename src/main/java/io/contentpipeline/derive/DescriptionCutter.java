package io.contentpipeline.derive;

/**
 * Shortens text for a meta description: at most {@code max} characters, cut at a word
 * boundary and marked with an ellipsis, never in the middle of a word.
 */
public final class DescriptionCutter {

    private DescriptionCutter() {
    }

    public static String cut(String text, int max) {
        String clean = text.strip().replaceAll("\\s+", " ");
        if (clean.codePointCount(0, clean.length()) <= max) {
            return clean;
        }
        int limit = clean.offsetByCodePoints(0, max - 1);
        int space = clean.lastIndexOf(' ', limit);
        String head = space > 0 ? clean.substring(0, space) : clean.substring(0, limit);
        return head.replaceAll("[\\s,;:.!?…«»\"'(\\-–—]+$", "") + "…";
    }
}
