package io.contentpipeline.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain sentence splitter: a sentence ends at {@code . ! ? …} followed by a space and an
 * upper-case letter, a digit or an opening quote. Known abbreviations do not end sentences.
 */
final class Sentences {

    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?…])[\"»”’)]*\\s+(?=[«“\"(]?\\s?[\\p{Lu}\\d])");
    private static final List<String> ABBREVIATIONS = List.of(
            "ex.", "M.", "Mme.", "Dr.", "etc.", "e.g.", "i.e.", "vs.", "p.", "cf.", "St.", "Mr.", "Mrs.", "Ms.", "no.", "n°.");

    private Sentences() {
    }

    static List<String> split(String paragraph) {
        List<String> sentences = new ArrayList<>();
        Matcher boundary = BOUNDARY.matcher(paragraph);
        int start = 0;
        while (boundary.find()) {
            String candidate = paragraph.substring(start, boundary.start()).strip();
            if (endsWithAbbreviation(candidate)) {
                continue;
            }
            if (!candidate.isEmpty()) {
                sentences.add(candidate);
            }
            start = boundary.end();
        }
        String rest = paragraph.substring(start).strip();
        if (!rest.isEmpty()) {
            sentences.add(rest);
        }
        return sentences;
    }

    private static boolean endsWithAbbreviation(String text) {
        int space = text.lastIndexOf(' ');
        String last = text.substring(space + 1);
        return ABBREVIATIONS.stream().anyMatch(last::equalsIgnoreCase);
    }
}
