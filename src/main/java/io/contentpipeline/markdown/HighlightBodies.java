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
 * as HTML. Like a fenced code block, such a body is published as written.
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
 */
record HighlightBodies(List<Body> bodies) {

    /** The body between the opening tag's end and the closing tag's start: [start, end). */
    record Body(int start, int end) {
    }

    private static final String NAME = "highlight";
    private static final Pattern OPENING = Pattern.compile(
            "\\{\\{<\\s*highlight(?:\\s+(?:\"[^\"\\\\<>{}]*\"|`[^`<>{}]*`|[^\\s\"'`\\\\<>{}/]+))*\\s*>}}");
    private static final Pattern CLOSING = Pattern.compile("\\{\\{<\\s*/\\s*highlight\\s*>}}");
    /** Hugo would read none of it as HTML; Markdown reads it as one line of text, as goldmark reads Hugo's placeholder. */
    private static final char MASK = 'x';

    static HighlightBodies in(String markdown) {
        if (!markdown.contains(NAME)) {
            return new HighlightBodies(List.of());
        }
        List<Body> bodies = new ArrayList<>();
        int open = -1;
        Matcher tag = MarkdownEngine.TEMPLATE_TAGS.matcher(markdown);
        while (tag.find()) {
            if (open < 0) {
                open = OPENING.matcher(tag.group()).matches() ? tag.end() : -1;
            } else if (tag.group().toLowerCase(Locale.ROOT).contains(NAME)) {
                if (CLOSING.matcher(tag.group()).matches()) {
                    bodies.add(new Body(open, tag.start()));
                }
                open = -1;
            }
        }
        return new HighlightBodies(bodies);
    }

    /** Whether the offset is inside a body. */
    boolean holds(int offset) {
        return bodies.stream().anyMatch(body -> offset >= body.start() && offset < body.end());
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
