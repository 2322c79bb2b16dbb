package io.contentpipeline.parse;

import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;

import java.util.regex.Pattern;

/**
 * The front matter of a text, located but not yet parsed: the YAML between the opening
 * {@code ---} line and the closing {@code ---} (or {@code ...}) line, and the body after it.
 * {@code firstLine} is the file line of the YAML's first line.
 */
record FrontMatterBlock(String yaml, String body, int firstLine, int bodyLine) {

    /** A front-matter line as a word processor's autocorrect leaves ---: an em dash, en dashes, or dashes spaced out. */
    private static final Pattern DASHES_CORRECTED = Pattern.compile("[\\u2014\\u2013\\u2012\\u2015]+|-\\s-\\s-|--");

    /** An XML declaration or comments, then the xliff element: how every XLIFF file opens. */
    private static final Pattern XLIFF = Pattern.compile("\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<xliff[\\s>]", Pattern.DOTALL);

    static FrontMatterBlock locate(String text) {
        int firstLineEnd = text.indexOf('\n');
        // "--- " with a trailing space is what editors leave behind; the closing line allows it too.
        if (!opening(text).stripTrailing().equals("---")) {
            throw new RejectedInputException(Problem.error("no-front-matter", null, whyNoFrontMatter(text), 1));
        }
        int offset = firstLineEnd < 0 ? text.length() + 1 : firstLineEnd + 1;
        int line = 2;
        while (offset <= text.length()) {
            int end = text.indexOf('\n', offset);
            String current = end < 0 ? text.substring(offset) : text.substring(offset, end);
            if (isClosingLine(current)) {
                String yaml = text.substring(firstLineEnd + 1, offset);
                String body = end < 0 ? "" : text.substring(end + 1);
                return new FrontMatterBlock(yaml, body, 2, line + 1);
            }
            if (end < 0) {
                break;
            }
            offset = end + 1;
            line++;
        }
        throw new RejectedInputException(Problem.error("unterminated-front-matter", null,
                "the front matter opened at line 1 is never closed by a --- line" + correctedClosing(text), 1));
    }

    /** The author's near miss, named, rather than the rule alone. */
    private static String whyNoFrontMatter(String text) {
        if (text.startsWith("+++")) {
            return "TOML front matter (+++) is not supported; use YAML between --- lines";
        }
        if (text.startsWith("\uFEFF")) {
            return "the file starts with a second byte-order mark (U+FEFF) before its first line: save it again as UTF-8";
        }
        if (!text.isBlank() && text.stripLeading().startsWith("---") && text.charAt(0) != '-') {
            return "the front matter must start on line 1: remove the blank lines (or spaces) before the first ---";
        }
        if (DASHES_CORRECTED.matcher(opening(text).strip()).matches()) {
            return "the first line is \"" + opening(text).strip() + "\", not ---: a word processor's autocorrect turns three"
                    + " hyphens into a dash; type the --- lines again as three hyphens (-)";
        }
        if (XLIFF.matcher(text).lookingAt()) {
            // A translation tool's file renamed, or saved under the draft's .md name: read as
            // Markdown, it was only said to lack front matter.
            return "the file is XLIFF (XML with an <xliff> element), not Markdown: give it the .xlf extension,"
                    + " as the draft's XLIFF file has, and drop it again";
        }
        return "no front matter: an article starts with a --- line, its YAML metadata, and another --- line";
    }

    private static String opening(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** The closing line a word processor's autocorrect made a dash of, named with its line; empty when none. */
    private static String correctedClosing(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (DASHES_CORRECTED.matcher(lines[i].strip()).matches()) {
                return "; line " + (i + 1) + " is \"" + lines[i].strip() + "\", which a word processor's autocorrect makes of"
                        + " three hyphens: type it again as ---";
            }
        }
        return "";
    }

    private static boolean isClosingLine(String line) {
        String trimmed = line.stripTrailing();
        return trimmed.equals("---") || trimmed.equals("...");
    }
}
