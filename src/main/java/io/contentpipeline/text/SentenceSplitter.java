package io.contentpipeline.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits running text into sentences, knowing French and English conventions: a sentence
 * ends at {@code . ! ? …} (French puts a space before {@code ! ?} and may close a
 * « guillemet » after the stop) followed by a space and a capital, a digit or an opening
 * quote. Abbreviations ({@code M.}, {@code ex.}, {@code e.g.}, {@code vs.}), initials and
 * decimal numbers ({@code 2.5}, {@code 1,5}) do not end sentences, and neither does a stop
 * inside parentheses, brackets or a quotation closed later in the text.
 */
public final class SentenceSplitter {

    private static final Pattern BOUNDARY = Pattern.compile(
            "[.!?…]+(?:\\s?[»”\"’)\\]])*(\\s+)(?=[«“\"(\\[¿¡‘]?\\s?[\\p{Lu}\\d])");

    /** Brackets and quotation marks that enclose text, each opening mark at the index of its closing one. */
    private static final String OPENING = "([«“";
    private static final String CLOSING = ")]»”";

    /** Brackets and quotes opening the word before a stop, "(M.": compiled once, as this runs at every stop. */
    private static final Pattern OPENING_MARKS = Pattern.compile("^[(«“\"'‘]+");

    private static final Set<String> COMMON = Set.of(
            "dr", "st", "no", "vol", "fig", "p", "pp", "cf", "vs", "ch", "art", "env", "approx", "ca", "al");
    private static final Set<String> FRENCH = Set.of(
            "m", "mm", "mme", "mmes", "mlle", "mlles", "me", "pr", "ste", "ex", "av", "apr", "boul", "bd", "chap", "éd", "coll",
            "réf", "tél", "min", "max", "sq", "n°", "nº", "j.-c", "p.ex");
    private static final Set<String> ENGLISH = Set.of(
            "mr", "mrs", "ms", "prof", "sr", "jr", "gen", "gov", "sen", "rep", "inc", "ltd", "co", "corp", "dept", "e.g", "i.e",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "est", "u.s", "u.k");

    private SentenceSplitter() {
    }

    public static List<String> split(String text, String language) {
        List<String> sentences = new ArrayList<>();
        Matcher boundary = BOUNDARY.matcher(text);
        boolean[] enclosed = null;
        int start = 0;
        while (boundary.find()) {
            int end = boundary.start(1);
            if (enclosed == null) {
                enclosed = enclosed(text);
            }
            if (enclosed[end] || isAbbreviation(text, start, end, language)) {
                continue;
            }
            addIfText(sentences, text.substring(start, end));
            start = boundary.end();
        }
        addIfText(sentences, text.substring(start));
        return sentences;
    }

    /**
     * For each position, whether a bracket or a quotation that closes later in the text
     * encloses it: a stop there ends no sentence ("(Oui, sur ce projet! Il y en a même.)" is
     * one). Each closing mark pairs with the last unpaired opening mark of its kind; an opening
     * mark never closed, or a closing one never opened, encloses nothing. Straight quotes, which
     * do not say whether they open or close, are left out. Linear in the text's length.
     */
    private static boolean[] enclosed(String text) {
        int[] change = new int[text.length() + 2];
        List<ArrayDeque<Integer>> open = new ArrayList<>();
        for (int kind = 0; kind < OPENING.length(); kind++) {
            open.add(new ArrayDeque<>());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int closing = CLOSING.indexOf(c);
            if (closing >= 0 && !open.get(closing).isEmpty()) {
                change[open.get(closing).pop() + 1]++;
                change[i + 1]--;
            } else if (OPENING.indexOf(c) >= 0) {
                open.get(OPENING.indexOf(c)).push(i);
            }
        }
        boolean[] enclosed = new boolean[text.length() + 1];
        for (int i = 0, depth = 0; i <= text.length(); i++) {
            depth += change[i];
            enclosed[i] = depth > 0;
        }
        return enclosed;
    }

    /** True when the word before the stop is an abbreviation or an initial, not a sentence end. */
    private static boolean isAbbreviation(String text, int sentenceStart, int stopEnd, String language) {
        String head = text.substring(sentenceStart, stopEnd).stripTrailing();
        if (!head.endsWith(".")) {
            return false;
        }
        int wordStart = head.lastIndexOf(' ') + 1;
        String word = OPENING_MARKS.matcher(head.substring(wordStart, head.length() - 1)).replaceAll("").toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true;
        }
        if (COMMON.contains(word)) {
            return true;
        }
        return switch (language) {
            case "fr" -> FRENCH.contains(word) || ENGLISH.contains(word) && word.contains(".");
            case "en" -> ENGLISH.contains(word);
            default -> FRENCH.contains(word) || ENGLISH.contains(word);
        };
    }

    private static void addIfText(List<String> sentences, String sentence) {
        String trimmed = sentence.strip();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }
}
