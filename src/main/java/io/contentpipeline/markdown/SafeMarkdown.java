package io.contentpipeline.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.util.ast.ContentNode;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown of a published page, without what could run script once Hugo renders it with
 * raw HTML allowed: the Markdown twin of {@link SafeHtml}, under its policy. Only raw HTML
 * and link destinations are touched, in place, by source offsets; the rest of the text, code
 * included, stays byte for byte as written, and a body with nothing to remove is returned as is.
 * Code includes the body of a {@code {{< highlight >}}} shortcode ({@link HighlightBodies}):
 * Hugo escapes it, so it keeps its tags, as a fenced code block does.
 * <ul>
 * <li>Raw HTML (blocks, inline tags, and the text after a comment block's {@code -->}) loses
 * the tags and attributes the policy refuses ({@link RawHtml}); comments stay.</li>
 * <li>A link, image or link reference definition to a javascript:, vbscript: or data: URL
 * keeps its text and points to {@code #}: the page keeps its links and their count (what the
 * translation review compares), and the link goes nowhere. Other protocols stay: Hugo
 * renders them as links that run nothing.</li>
 * <li>Such an autolink, whose text is its URL, becomes that text, escaped: what our HTML page shows.</li>
 * </ul>
 * The body is parsed as Hugo's Markdown renderer meets it ({@link MarkdownEngine#parseMasked}:
 * highlight bodies masked, a shortcode's {@code {{<} no tag even with no space after it),
 * shortcode tags otherwise included, with the pipeline's engine. Where that parser reads as
 * Markdown what Hugo's would read as HTML ({@code {attributes}}), the text is cleaned as raw
 * HTML too.
 */
public final class SafeMarkdown {

    /** An entity can spell a scheme where no script scheme is written: "jav&#x61;script:". */
    private static final Pattern ENTITY = Pattern.compile("&#?[A-Za-z0-9]+;");
    private static final Pattern MARKDOWN_PUNCTUATION = Pattern.compile("[!-/:-@\\[-`{-~]");
    /** A shortcode parameter's quoted value. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("\"([^\"]*)\"|'([^']*)'|`([^`]*)`");
    /** Real bodies settle in one pass, hostile ones in two or three. */
    private static final int MAX_PASSES = 8;

    private final MarkdownEngine engine;

    public SafeMarkdown(MarkdownEngine engine) {
        this.engine = engine;
    }

    /**
     * The body without what could run script; the same string when there is nothing to remove.
     * Cleaned again until nothing changes: taking a tag out can join what was around it into a
     * new one ({@code <scr<script>ipt>}, {@code <<x>img onerror=…>}) or turn an HTML block
     * back into Markdown with a link in it. A body that has not settled after a few passes
     * loses all its markup rather than risk any.
     */
    public String clean(String markdown) {
        String text = markdown;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            if (!mayRunScript(text)) {
                return text;
            }
            HighlightBodies code = HighlightBodies.in(text);
            String cleaned = cleanShortcodes(TextEdit.apply(text, new Pass(text).edits(engine.parseMasked(text, code))));
            if (cleaned.equals(text)) {
                return text;
            }
            text = cleaned;
        }
        return text.replace("<", "&lt;");
    }

    /**
     * One line of a heading's text as the cleaned body has it: cleaned as the text of an ATX
     * heading, so that it is read inline, as in its heading.
     */
    String cleanLine(String line) {
        String cleaned = clean("# " + line);
        return cleaned.startsWith("# ") ? cleaned.substring(2) : cleaned;
    }

    /**
     * Hugo expands shortcodes before it reads the Markdown, code spans and fences included,
     * and some pass their parameters on as HTML ({@code figure}'s caption and link). So the
     * raw HTML and the URLs in every shortcode's parameters get the same policy, wherever the
     * shortcode stands; except inside a highlight body, where Hugo escapes what they give. The
     * shortcode's own delimiter and name are no HTML: in {@code {{<figure src="/a.png">}}},
     * written without a space, the policy would otherwise take {@code <figure …>} for a tag
     * and strip its parameters ({@link MarkdownEngine#hugoView}).
     */
    private static String cleanShortcodes(String markdown) {
        if (markdown.indexOf("{{") < 0) {
            return markdown;
        }
        HighlightBodies code = HighlightBodies.in(markdown);
        BasedSequence text = BasedSequence.of(MarkdownEngine.hugoView(markdown, code));
        List<TextEdit> edits = new ArrayList<>();
        TemplateTagFinder shortcode = new TemplateTagFinder(markdown);
        while (shortcode.find()) {
            if (code.holds(shortcode.start())) {
                continue;
            }
            if (embedName(shortcode.group()) != null) {
                edits.add(TextEdit.removal(shortcode.start(), shortcode.end()));
                continue;
            }
            edits.addAll(RawHtml.clean(SourceText.of(List.of(text.subSequence(shortcode.start(), shortcode.end())))).edits());
            Matcher value = QUOTED_VALUE.matcher(shortcode.group());
            while (value.find()) {
                int quoted = value.group(1) != null ? 1 : value.group(2) != null ? 2 : 3;
                if (SafeHtml.isScriptUrl(value.group(quoted))) {
                    edits.add(new TextEdit(shortcode.start() + value.start(quoted), shortcode.start() + value.end(quoted), "#"));
                }
            }
        }
        return TextEdit.apply(markdown, edits);
    }

    /**
     * Hugo's built-in shortcodes that put another site's script or frame in the page (a gist
     * is script its owner can change at any time): the policy allows neither, so they are
     * left out of the published Markdown, as they are of our HTML page.
     */
    private static final Set<String> EMBEDS = Set.of("gist", "tweet", "twitter", "twitter_simple", "x", "x_simple",
            "instagram", "instagram_simple", "youtube", "vimeo", "vimeo_simple");
    private static final Pattern SHORTCODE_NAME = Pattern.compile("\\{\\{[<%]\\s*([\\w/-]+)");

    /** The name of an embedding shortcode ("gist"), or null for any other. */
    static String embedName(String shortcode) {
        Matcher name = SHORTCODE_NAME.matcher(shortcode);
        return name.lookingAt() && EMBEDS.contains(name.group(1).toLowerCase(Locale.ROOT)) ? name.group(1) : null;
    }

    /**
     * The embedding shortcodes of a body, which its published page leaves out: for telling the
     * author. One inside a highlight body is code shown, and stays.
     */
    public static List<String> embeds(String markdown) {
        List<String> found = new ArrayList<>();
        HighlightBodies code = null;
        TemplateTagFinder shortcode = new TemplateTagFinder(markdown);
        while (shortcode.find()) {
            String name = embedName(shortcode.group());
            if (name == null) {
                continue;
            }
            code = code == null ? HighlightBodies.in(markdown) : code;
            if (!code.holds(shortcode.start())) {
                found.add(name);
            }
        }
        return found;
    }

    /**
     * Whether the body has a tag, a script scheme (javascript:, vbscript:, data:, the colon
     * perhaps escaped as "\\:") or an entity. Without one, nothing in it can run script and
     * it is not parsed: most bodies have none.
     */
    static boolean mayRunScript(String markdown) {
        if (markdown.indexOf('<') >= 0 || markdown.contains("{{%") && !embeds(markdown).isEmpty()) {
            return true;
        }
        for (int colon = markdown.indexOf(':'); colon >= 0; colon = markdown.indexOf(':', colon + 1)) {
            int end = colon > 0 && markdown.charAt(colon - 1) == '\\' ? colon - 1 : colon;
            if (endsWith(markdown, end, "script") || endsWith(markdown, end, "data")) {
                return true;
            }
        }
        return markdown.indexOf('&') >= 0 && ENTITY.matcher(markdown).find();
    }

    private static boolean endsWith(String text, int end, String word) {
        return end >= word.length() && text.regionMatches(true, end - word.length(), word, 0, word.length());
    }

    /** One walk over one document, gathering its edits. */
    private static final class Pass {

        /** The text as written: the document was parsed from it masked ({@link MarkdownEngine#hugoView}), at the same offsets. */
        private final String original;
        private final List<TextEdit> edits = new ArrayList<>();
        private final NodeVisitor visitor = new NodeVisitor(
                new VisitHandler<>(HtmlBlock.class, this::block),
                new VisitHandler<>(HtmlCommentBlock.class, this::block),
                new VisitHandler<>(HtmlInline.class, this::inline),
                new VisitHandler<>(HtmlInlineComment.class, this::inline),
                new VisitHandler<>(AttributesNode.class, node -> html(List.of(node.getChars()))),
                new VisitHandler<>(Link.class, link -> url(link, link.getUrl())),
                new VisitHandler<>(Image.class, image -> url(image, image.getUrl())),
                new VisitHandler<>(Reference.class, reference -> url(reference, reference.getUrl())),
                new VisitHandler<>(AutoLink.class, this::autolink));

        Pass(String original) {
            this.original = original;
        }

        List<TextEdit> edits(Node document) {
            visitor.visit(document);
            return edits;
        }

        /** Block content as the parser hands it on, without the "> " of a block quote. */
        private void block(ContentNode block) {
            List<BasedSequence> lines = block.getContentLines();
            html(lines.isEmpty() ? List.of(block.getChars()) : lines);
        }

        private void inline(Node inline) {
            String unclosed = html(List.of(inline.getChars()));
            if (unclosed != null) {
                removeToEndTag(inline, unclosed);
            }
        }

        /** @return the dangerous element the HTML leaves open, or null */
        private String html(List<BasedSequence> pieces) {
            RawHtml.Cleaning cleaning = RawHtml.clean(SourceText.of(pieces));
            edits.addAll(cleaning.edits());
            return cleaning.unclosed();
        }

        /** {@code a <script>x</script> b} is three inline nodes: the content goes with its tags when the end tag is in the same paragraph. */
        private void removeToEndTag(Node open, String name) {
            for (Node next = open.getNext(); next != null; next = next.getNext()) {
                HtmlTokens.Token token = next instanceof HtmlInline ? HtmlTokens.next(next.getChars().toString(), 0) : null;
                if (token != null && token.start() == 0 && token.kind() == HtmlTokens.Kind.END_TAG && token.name().equals(name)) {
                    edits.add(TextEdit.removal(open.getStartOffset(), next.getEndOffset()));
                    return;
                }
            }
        }

        private void url(Node link, BasedSequence url) {
            if (!url.isEmpty() && SafeHtml.isScriptUrl(url.unescape())) {
                edits.add(new TextEdit(url.getStartOffset(), url.getEndOffset(), "#"));
            }
            visitor.visitChildren(link);
        }

        private void autolink(AutoLink link) {
            BasedSequence target = link.getUrl();
            String url = original.substring(target.getStartOffset(), target.getEndOffset());
            if (SafeHtml.isScriptUrl(url)) {
                String text = MARKDOWN_PUNCTUATION.matcher(url).replaceAll("\\\\$0");
                edits.add(new TextEdit(link.getStartOffset(), link.getEndOffset(), text));
            }
        }
    }
}
