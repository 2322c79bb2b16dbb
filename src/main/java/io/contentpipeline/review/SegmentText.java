package io.contentpipeline.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of a segment, without the parts a translator does not translate (URLs, code, tags, shortcodes). */
final class SegmentText {

    private static final Pattern NON_PROSE = Pattern.compile(
            "!\\[[^]]*]\\([^)]*\\)|\\]\\([^)]*\\)|\\]\\[[^]]*]|`[^`]*`|<[^>]+>|\\{\\{[<%].*?[%>]}}|https?://\\S+|\\{#[^}]*}|&#?\\w+;",
            Pattern.DOTALL);
    /** What {@link #canonical} takes out of a number: compiled once, not for every number of every segment. */
    private static final Pattern NUMBER_SPACES = Pattern.compile("[ \\u00A0\\u202F\\u2009]");
    private static final Pattern SEPARATORS = Pattern.compile("[,.]");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");
    /** A number: digits with optional thousands separators and one decimal part, in French or English style. */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:[ \\u00A0\\u202F\\u2009,]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?");

    private SegmentText() {
    }

    static String prose(String markdown) {
        return NON_PROSE.matcher(markdown).replaceAll(" ");
    }

    /**
     * The prose with tags, link targets and code taken out without a space in their place,
     * so that a mark keeps its distance from the word before it: {@code <a>apply</a>!} reads
     * "apply!", not "apply !", for the typography check.
     */
    static String proseAsTyped(String markdown) {
        return NON_PROSE.matcher(markdown).replaceAll("");
    }

    /** Numbers in a canonical form: "1 000,5", "1,000.5" and "1000.5" are all "1000.5". */
    static List<String> numbers(String markdown) {
        List<String> numbers = new ArrayList<>();
        Matcher number = NUMBER.matcher(prose(markdown));
        while (number.find()) {
            numbers.add(canonical(number.group()));
        }
        return numbers;
    }

    private static String canonical(String number) {
        String digits = NUMBER_SPACES.matcher(number).replaceAll("");
        int lastSeparator = Math.max(digits.lastIndexOf(','), digits.lastIndexOf('.'));
        if (lastSeparator < 0) {
            return stripZeros(digits);
        }
        String tail = digits.substring(lastSeparator + 1);
        // "1,400" (English) and "1.400" (German) are thousands; "1,5" and "2.5" are decimals.
        if (tail.length() == 3) {
            return stripZeros(SEPARATORS.matcher(digits).replaceAll(""));
        }
        String whole = SEPARATORS.matcher(digits.substring(0, lastSeparator)).replaceAll("");
        return stripZeros(whole) + "." + tail;
    }

    private static String stripZeros(String digits) {
        String stripped = LEADING_ZEROS.matcher(digits).replaceFirst("");
        return stripped.isEmpty() ? "0" : stripped;
    }
}
