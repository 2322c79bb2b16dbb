package io.contentpipeline.review;

import io.contentpipeline.article.Problem;
import io.contentpipeline.article.Severity;
import io.contentpipeline.segment.CodeBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fenced code blocks of a translation against the source's. The code's shape (lines,
 * operators, punctuation, the number of words on each line) must stay: changing it is an
 * error. Words may differ, because translators localise placeholders and comments
 * ({@code your-service-name} → {@code votre-nom-de-service}), which is reported as a
 * warning for a reviewer to confirm.
 */
final class CodeBlocks {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_.\\-]+");
    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*(#|//|--|;|<!--).*$");

    private CodeBlocks() {
    }

    /** Problems are located at the translated block's first line. */
    static void compare(List<CodeBlock> source, List<CodeBlock> translation, List<Problem> problems) {
        if (source.size() != translation.size()) {
            problems.add(ReturnReview.problem(Severity.ERROR, "code-block-changed", null, "number of code blocks differs from the source: "
                    + source.size() + " expected, " + translation.size() + " found", null));
            return;
        }
        for (int i = 0; i < source.size(); i++) {
            String expected = source.get(i).code();
            String actual = translation.get(i).code();
            if (expected.equals(actual)) {
                continue;
            }
            int line = translation.get(i).line();
            if (!shape(expected).equals(shape(actual))) {
                problems.add(ReturnReview.problem(Severity.ERROR, "code-block-changed", "code." + (i + 1),
                        "code block " + (i + 1) + " was changed; code must stay as in the source", line));
            } else {
                problems.add(ReturnReview.problem(Severity.WARNING, "code-block-localised", "code." + (i + 1),
                        "code block " + (i + 1) + " has localised words (placeholders or comments); check them", line));
            }
        }
    }

    /** The code with comment lines dropped and every word replaced by "w". */
    private static List<String> shape(String code) {
        List<String> lines = new ArrayList<>();
        for (String line : code.split("\n")) {
            if (!COMMENT_LINE.matcher(line).matches() && !line.isBlank()) {
                lines.add(WORD.matcher(line.strip()).replaceAll("w"));
            }
        }
        return lines;
    }
}
