package io.contentpipeline.markdown;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Heading anchor ids as Hugo 0.111 makes them for Markdown headings (goldmark's auto heading
 * ids with Hugo's "github" style, {@code markup/goldmark/autoid.go}): from the heading's text
 * as written, letters, digits and "_" kept in lower case, each space and "-" as "-", anything
 * else dropped (so a link's URL and an entity's name count: {@code [a](https://b.c)} gives
 * "ahttpsbc", {@code &nbsp;} "nbsp"); "heading" when nothing is left; "-1", "-2" … appended
 * while the id is taken on the page. Headings written in raw HTML, which Hugo gives no id,
 * get ours ({@link #htmlAnchor}), written into their tags ({@link HeadingAnchors}).
 */
public final class HeadingIds {

    /** Parsed once; jsoup parses a query given as a string again on every call. */
    public static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");

    private HeadingIds() {
    }

    /** Hugo's "github" anchor of a text, before any "-1" suffix; empty when nothing is left. */
    public static String anchor(CharSequence text) {
        StringBuilder id = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == ' ' || c == '-') {
                id.append('-');
            } else if (c == '_' || Character.isLetter(c) || Character.isDigit(c)) {
                // Go's unicode.ToLower, one code point at a time (not String's locale-aware lower case).
                id.appendCodePoint(Character.toLowerCase(c));
            }
        });
        return id.toString();
    }

    /** What {@link #htmlAnchor} drops, and what it turns into "-": compiled once, not for every heading. */
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}\\s_-]");
    private static final Pattern SPACE = Pattern.compile("\\s");

    /**
     * Our anchor of a raw HTML heading's text, as our HTML page has always given them: lower
     * case, punctuation dropped, white space as "-"; "section" when nothing is left.
     */
    public static String htmlAnchor(String text) {
        String base = SPACE.matcher(PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").strip()).replaceAll("-");
        return base.isEmpty() ? "section" : base;
    }

    /** The ids of one page, handed out as Hugo's id factory does. */
    public static final class Page {

        private final Set<String> taken;

        public Page() {
            this(new HashSet<>());
        }

        /** A page whose ids are kept in {@code taken}, those in it already included. */
        Page(Set<String> taken) {
            this.taken = taken;
        }

        /** Hugo's id for a Markdown heading's text: its anchor, "-1", "-2" … appended while taken; it is taken from now on. */
        public String generate(CharSequence text) {
            String base = anchor(text);
            return unique(base.isEmpty() ? "heading" : base);
        }

        /** Our id for a raw HTML heading's text ({@link #htmlAnchor}), made unique the same way. */
        public String generateForHtml(String text) {
            return unique(htmlAnchor(text));
        }

        private String unique(String base) {
            String id = base;
            for (int n = 1; taken.contains(id); n++) {
                id = base + "-" + n;
            }
            taken.add(id);
            return id;
        }

        /** The same ids, taken from now on apart. */
        Page copy() {
            return new Page(new HashSet<>(taken));
        }

        /** An id the page gives itself ({@code {#id}}, {@code id="…"}): taken, as it is, even twice. */
        public void put(String id) {
            taken.add(id);
        }
    }

    /** The heading's own id if it has one, else a new one not in {@code used}; the result is added to it. */
    public static String idFor(Element heading, Set<String> used) {
        String explicit = heading.id();
        if (!explicit.isBlank()) {
            used.add(explicit);
            return explicit;
        }
        return new Page(used).generateForHtml(heading.text());
    }
}
