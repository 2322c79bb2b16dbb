package io.contentpipeline.markdown;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.Locale;
import java.util.Set;

/**
 * Anchor ids for headings written in raw HTML (WordPress exports), made the way GitHub and
 * Hugo make them for Markdown headings: lower case, punctuation dropped, spaces as hyphens,
 * "-1", "-2" … appended when an id is taken. Markdown headings get theirs from flexmark.
 */
public final class HeadingIds {

    /** Parsed once; jsoup parses a query given as a string again on every call. */
    public static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");

    private HeadingIds() {
    }

    /** The heading's own id if it has one, else a new one not in {@code used}; the result is added to it. */
    public static String idFor(Element heading, Set<String> used) {
        String explicit = heading.id();
        if (!explicit.isBlank()) {
            used.add(explicit);
            return explicit;
        }
        String base = heading.text().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                .strip()
                .replaceAll("\\s", "-");
        if (base.isEmpty()) {
            base = "section";
        }
        String id = base;
        for (int n = 1; used.contains(id); n++) {
            id = base + "-" + n;
        }
        used.add(id);
        return id;
    }
}
