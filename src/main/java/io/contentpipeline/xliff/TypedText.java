package io.contentpipeline.xliff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a translator typed in an XLIFF target, as Markdown that shows exactly that text. In a
 * target, markup comes from codes only; the rest is text. Markdown would read much of what a
 * translator may type as markup: "[x](https://…)" as a live link, "`x`" as code, "{{< x >}}"
 * as a shortcode Hugo runs, "# " or "1. " at a line's start as a heading or a list, "|" as a
 * table column, "&lt;b&gt;" as a tag. Each such character becomes a character reference,
 * which Markdown shows as the character and never reads as syntax (a backslash escape would
 * show as typed inside a raw HTML block). A backslash escape copied from the source ("\*")
 * is already literal and stays as it is. Escaping more than needed changes nothing on the
 * page, only the Markdown's look, so a marker that may start a line is escaped at the start
 * of a unit and after a line break. A run that follows a code on the same line is not at a
 * line's start: "**Definition**: …" keeps its colon (escaped, the "&amp;#58;" stayed in the
 * published page and came back in the next draft as a code of its own).
 */
final class TypedText {

    /** An entity Markdown would decode ("&amp;amp;"): the ampersand is text. */
    private static final Pattern ENTITY = Pattern.compile("&#?\\w+;");

    /** What opens a block at a line's start: heading, quote, list, fence, definition. */
    private static final Pattern BLOCK_MARKER = Pattern.compile("(?:#{1,6}|[+*:-])(?=[ \\t]|$)|>|~~~");

    /** An ordered list's marker ("1986. ", "2) "): its full stop or parenthesis is escaped, so the number stays a number. */
    private static final Pattern ORDERED_MARKER = Pattern.compile("\\d{1,9}[.)](?=[ \\t]|$)");

    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /** A line of only these underlines a setext heading or is a thematic break. */
    private static final Pattern RULE = Pattern.compile("[-=_*][-=_* \\t]*");

    private TypedText() {
    }

    /**
     * A run of a target's text, between codes or at its ends, as literal Markdown.
     *
     * @param atLineStart whether the run begins a line: the unit's start, or right after a line break
     */
    static String literal(String text, boolean atLineStart) {
        return blockStarts(emphasis(characters(text)), atLineStart);
    }

    /**
     * Closing brackets, backticks, pipes, tags, entities and shortcode or attribute braces. A
     * link needs a closing bracket, so escaping that one is enough: an opening bracket stays
     * as typed, and one a draft of an older version left as text ("[lien" before the code
     * "](url)") still opens the link its code closes.
     */
    private static String characters(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            if (c == '\\' && isAsciiPunctuation(next)) {
                out.append(c).append(next);
                i++;
            } else if (c == ']' || c == '`' || c == '|' || c == '{' && "{#.%".indexOf(next) >= 0 && next != '\0') {
                reference(out, c);
            } else if (c == '<' && (Character.isLetter(next) || "/!?".indexOf(next) >= 0 && next != '\0')) {
                out.append("&lt;");
            } else if (c == '&' && ENTITY.matcher(text).region(i, text.length()).lookingAt()) {
                out.append("&amp;");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Emphasis markers Markdown would pair ("*not* bold", "__init__"); a marker it would not
     * read as emphasis ("5 * 3", "snake_case", "5 euros*") is left as typed.
     */
    private static String emphasis(String text) {
        if (text.indexOf('*') < 0 && text.indexOf('_') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (InlineCodes.Part part : InlineCodes.split(text)) {
            if (part.isCode() && CodePairs.isEmphasis(part.text())) {
                part.text().chars().forEach(marker -> reference(out, (char) marker));
            } else {
                out.append(part.text());
            }
        }
        return out.toString();
    }

    /** The first marker of each line that would open a block, up to three spaces in. */
    private static String blockStarts(String text, boolean atLineStart) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end);
            out.append(start == 0 && !atLineStart ? line : lineStart(line));
            if (end < 0) {
                break;
            }
            out.append('\n');
            start = end + 1;
        }
        return out.toString();
    }

    private static String lineStart(String line) {
        int indent = 0;
        while (indent < 3 && indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        String rest = line.substring(indent);
        Matcher ordered = ORDERED_MARKER.matcher(rest);
        int at;
        if (ordered.lookingAt()) {
            at = ordered.end() - 1;
        } else if (BLOCK_MARKER.matcher(rest).lookingAt() || !rest.isEmpty() && RULE.matcher(rest).matches()) {
            at = 0;
        } else {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length() + 4).append(line, 0, indent + at);
        reference(out, rest.charAt(at));
        return out.append(rest, at + 1, rest.length()).toString();
    }

    /** Whether two texts are the same but for white space: a target that only repeats its source. */
    static boolean sameText(String a, String b) {
        return BLANKS.matcher(a.strip()).replaceAll(" ").equals(BLANKS.matcher(b.strip()).replaceAll(" "));
    }

    private static void reference(StringBuilder out, char c) {
        out.append("&#").append((int) c).append(';');
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && c > ' ' && c != 127;
    }
}
