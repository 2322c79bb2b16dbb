package io.contentpipeline.review;

import io.contentpipeline.article.Problem;
import io.contentpipeline.article.Severity;
import io.contentpipeline.segment.Segment;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Inline code a translation no longer has as the source wrote it, but whose change a
 * reviewer can accept: code kept word for word but no longer between backticks, and code
 * whose only change is the text of a quoted string ({@code "example.com"} →
 * {@code "exemple.com"}), the way translators localise example values, as they do in fenced
 * blocks ({@code code-block-localised}). Both are warnings; every other change of inline code
 * stays a {@code protected-token} error.
 */
final class InlineCodeChanges {

    static final String INLINE_CODE = "code `";
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");

    private InlineCodeChanges() {
    }

    /**
     * Takes the acceptable changes out of {@code missing} (the protected tokens of the source
     * the translation lacks) and reports them as warnings.
     *
     * @param added the protected tokens of the translation the source lacks
     */
    static void review(Map<String, Integer> missing, Map<String, Integer> added, List<Segment> translation, List<Problem> problems) {
        String text = translation.stream().map(Segment::text).collect(Collectors.joining("\n"));
        List<String> unmarked = new ArrayList<>();
        List<String> localised = new ArrayList<>();
        List<String> candidates = new ArrayList<>(added.keySet().stream().filter(token -> token.startsWith(INLINE_CODE)).toList());
        for (Iterator<String> tokens = missing.keySet().iterator(); tokens.hasNext(); ) {
            String token = tokens.next();
            if (!token.startsWith(INLINE_CODE)) {
                continue;
            }
            String code = codeOf(token);
            if (containsWord(text, code)) {
                unmarked.add("`" + code + "`");
                tokens.remove();
                continue;
            }
            String match = candidates.stream().filter(other -> isLocalised(code, codeOf(other))).findFirst().orElse(null);
            if (match != null) {
                candidates.remove(match);
                localised.add("`" + code + "` → `" + codeOf(match) + "`");
                tokens.remove();
            }
        }
        if (!unmarked.isEmpty()) {
            problems.add(ReturnReview.problem(Severity.WARNING, "code-unmarked", null,
                    "inline code kept as plain text, no longer marked as code: " + String.join(", ", unmarked), null));
        }
        if (!localised.isEmpty()) {
            problems.add(ReturnReview.problem(Severity.WARNING, "code-localised", null,
                    "inline code with a localised quoted string; check it: " + String.join(", ", localised), null));
        }
    }

    private static String codeOf(String token) {
        return token.substring(INLINE_CODE.length(), token.length() - 1);
    }

    /** The same code but for the text between quotes, which differs. */
    private static boolean isLocalised(String source, String translation) {
        return QUOTED.matcher(source).find()
                && QUOTED.matcher(source).replaceAll("\"\"").equals(QUOTED.matcher(translation).replaceAll("\"\""));
    }

    /** Whether {@code text} holds {@code word} not as part of a longer word ({@code Filter} is not in {@code ProducingFilter}). */
    private static boolean containsWord(String text, String word) {
        return !word.isEmpty() && Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}_])").matcher(text).find();
    }
}
