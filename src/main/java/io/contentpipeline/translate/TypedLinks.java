package io.contentpipeline.translate;

import io.contentpipeline.article.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown links a translator typed as text in an XLIFF target ("[Steve](https://…)", to add a
 * link the source has no code for). Markup comes from codes only, so the merge shows the text
 * as typed, brackets and address on the page; with as many links as the source otherwise, no
 * check said so. One warning per unit names what the page will show.
 */
final class TypedLinks {

    /** A link as the merge escaped it: its closing bracket a character reference (see TypedText). */
    private static final Pattern ESCAPED_LINK = Pattern.compile("!?\\[([^\\]\\n]*)&#93;\\(([^)\\s]+)\\)");

    private TypedLinks() {
    }

    /** @param targets each unit's target as merged Markdown, by unit id */
    static List<Problem> find(Map<String, String> targets, Map<String, Integer> unitLines) {
        List<Problem> problems = new ArrayList<>();
        targets.forEach((unit, target) -> {
            Matcher link = ESCAPED_LINK.matcher(target);
            if (link.find()) {
                String typed = link.group().replace("&#93;", "]");
                problems.add(Problem.warning("xliff-markdown-typed", unit, "Markdown typed in the target, \"" + typed
                        + "\", is published as typed, not as a link: a link comes from the source's codes (<pc>); keep the"
                        + " text without the brackets and address, or return the Markdown draft to add a link", unitLines.get(unit)));
            }
        });
        return problems;
    }
}
