package io.contentpipeline.markdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bodies of Hugo's built-in {@code highlight} shortcode, {@code {{< highlight html >}}…{{< /highlight >}}}:
 * code that Hugo hands to its highlighter, which escapes it, so nothing in it reaches the page
 * as HTML. Like a fenced code block, such a body is published as written, shown as code on
 * our HTML page, left out of the segments sent for translation, and checked as code on return.
 * <p>
 * Read narrowly, so that a body kept here is never more than what Hugo escapes; any doubt
 * and the text is cleaned like the rest:
 * <ul>
 * <li>only the {@code {{< >}}} notation: with {@code {{% %}}} the highlighter's output goes
 * through Markdown again;</li>
 * <li>an opening tag whose parameters are plain words or quoted values without {@code <},
 * {@code >}, braces or backslashes, not self-closing: no quoted closing delimiter or escaped
 * quote can make it end elsewhere for Hugo;</li>
 * <li>a body ends at the first later tag that mentions highlight at all, in any case; unless
 * that tag is the plain closing tag, the shortcode has no body here.</li>
 * </ul>
 * Shortcode tags are found as {@link MarkdownEngine#TEMPLATE_TAGS} finds them, so any other
 * tag lies wholly inside a body or wholly outside every body.
 */
public record HighlightBodies(List<Body> bodies) {

    /**
     * One highlight shortcode with its body: the opening tag is [open, start), the body
     * [start, end), the closing tag [end, close); {@code language} is its first parameter
     * ("html"), or "" when it has none.
     */
    public record Body(int open, int start, int end, int close, String language) {

        /**
         * The code as Hugo highlights it ({@code trim .InnerDeindent "\n\r"}): the body without
         * the indentation of an opening tag that starts its line (a shortcode in a list item)
         * and without the line ends that start and end it. Only line ends: unlike a heading's
         * text ({@code HeadingAnchors.trim}, goldmark's), code keeps the spaces its first and
         * last lines start or end with.
         */
        public String code(String markdown) {
            String inner = markdown.substring(start, end);
            String indentation = indentation(markdown, open);
            if (!indentation.isEmpty()) {
                inner = inner.replace("\n" + indentation, "\n");
            }
            int from = 0;
            int to = inner.length();
            while (from < to && isLineEnd(inner.charAt(from))) {
                from++;
            }
            while (to > from && isLineEnd(inner.charAt(to - 1))) {
                to--;
            }
            return inner.substring(from, to);
        }

        /** The spaces and tabs before {@code offset} when nothing else is before it on its line. */
        private static String indentation(String markdown, int offset) {
            int from = offset;
            while (from > 0 && (markdown.charAt(from - 1) == ' ' || markdown.charAt(from - 1) == '\t')) {
                from--;
            }
            return from == 0 || isLineEnd(markdown.charAt(from - 1)) ? markdown.substring(from, offset) : "";
        }

        private static boolean isLineEnd(char c) {
            return c == '\n' || c == '\r';
        }
    }

    private static final String NAME = "highlight";
    private static final String PARAMETER = "\"[^\"\\\\<>{}]*\"|`[^`<>{}]*`|[^\\s\"'`\\\\<>{}/]+";
    private static final Pattern OPENING = Pattern.compile("\\{\\{<\\s*highlight(?:\\s+(?:" + PARAMETER + "))*\\s*>}}");
    private static final Pattern LANGUAGE = Pattern.compile("\\{\\{<\\s*highlight\\s+(" + PARAMETER + ")");
    private static final Pattern CLOSING = Pattern.compile("\\{\\{<\\s*/\\s*highlight\\s*>}}");
    /** Hugo would read none of it as HTML; Markdown reads it as one line of text, as goldmark reads Hugo's placeholder. */
    private static final char MASK = 'x';

    public HighlightBodies {
        bodies = List.copyOf(bodies);
    }

    /** The highlight shortcodes of a body that have a body, in order. */
    public static HighlightBodies in(String markdown) {
        if (!markdown.contains(NAME)) {
            return new HighlightBodies(List.of());
        }
        List<Body> bodies = new ArrayList<>();
        int open = -1;
        int start = -1;
        String language = "";
        TemplateTagFinder tag = new TemplateTagFinder(markdown);
        while (tag.find()) {
            if (start < 0) {
                if (OPENING.matcher(tag.group()).matches()) {
                    open = tag.start();
                    start = tag.end();
                    language = language(tag.group());
                }
            } else if (tag.group().toLowerCase(Locale.ROOT).contains(NAME)) {
                if (CLOSING.matcher(tag.group()).matches()) {
                    bodies.add(new Body(open, start, tag.start(), tag.end(), language));
                }
                start = -1;
            }
        }
        return new HighlightBodies(bodies);
    }

    /** The first parameter of an opening tag, unquoted: Hugo's {@code .Get 0}. */
    private static String language(String opening) {
        Matcher first = LANGUAGE.matcher(opening);
        if (!first.lookingAt()) {
            return "";
        }
        String value = first.group(1);
        return value.startsWith("\"") || value.startsWith("`") ? value.substring(1, value.length() - 1) : value;
    }

    /**
     * Whether the offset is inside a body. By binary search, the bodies being in order and apart
     * ({@link #in}): asked for every shortcode tag of a body, a look through all the bodies made
     * it the number of tags times the number of bodies.
     */
    public boolean holds(int offset) {
        int low = 0;
        int high = bodies.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Body body = bodies.get(middle);
            if (offset < body.start()) {
                high = middle - 1;
            } else if (offset >= body.end()) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with every body, line ends included, turned into one run of letters of the same
     * length: parsed, it gives the offsets of the text around the bodies, and no edit inside them.
     */
    String masked(String markdown) {
        if (bodies.isEmpty()) {
            return markdown;
        }
        char[] chars = markdown.toCharArray();
        bodies.forEach(body -> Arrays.fill(chars, body.start(), body.end(), MASK));
        return new String(chars);
    }
}
