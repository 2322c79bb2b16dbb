package io.contentpipeline.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every heading of a parsed body with the anchor id it has in the page Hugo 0.111 builds from
 * the published Markdown, in document order: the outline, our HTML page's ids, and the ids the
 * published Markdown must spell out.
 * <ul>
 * <li>A Markdown heading has its {@code {#id}}, else the id goldmark makes ({@link HeadingIds})
 * from the last line of its text as written (trailing {@code {.attributes}} left out), as the
 * published Markdown has it: with raw HTML cleaned ({@link SafeMarkdown}), so
 * {@code <span class="x">} counts as {@code <span>}.</li>
 * <li>A heading written as raw HTML ({@code <h2><strong>…</strong></h2>}, WordPress exports)
 * keeps its {@code id}; one without gets ours from its text ({@link HeadingIds#htmlAnchor}),
 * taken by no Markdown heading and no element of the page, which the published Markdown must carry
 * ({@link Anchor#missing}): Hugo passes raw HTML on as it is. A raw HTML heading without text
 * is no entry.</li>
 * <li>A Markdown heading with a shortcode in it is no entry, and takes no id from the others:
 * Hugo reads its text with the shortcode's output or a placeholder in its place, unknown here.</li>
 * </ul>
 */
final class HeadingAnchors {

    /** Where {@link MarkdownEngine#parse} took shortcodes out of the text it parsed: offsets in that text. */
    static final DataKey<int[]> SHORTCODE_CUTS = new DataKey<>("SHORTCODE_CUTS", new int[0]);
    /** A shortcode tag, also as {@link MarkdownEngine#hugoView} masks it ({{x…>}}). */
    private static final Pattern SHORTCODE = Pattern.compile("\\{\\{[<%x].*?[%>]}}");
    /** An HTML block without such a tag has no heading, and needs no HTML parse. */
    static final Pattern HEADING_TAG = Pattern.compile("<h[1-6]", Pattern.CASE_INSENSITIVE);
    /** An id standing first in a heading's tag, as {@link MarkdownEngine#withHeadingIds} writes one. */
    private static final Pattern LEADING_ID = Pattern.compile("<h[1-6]( id=\"[^\"]*\")", Pattern.CASE_INSENSITIVE);
    private static final Evaluator HAS_ID = QueryParser.parse("[id]");

    /**
     * One heading.
     *
     * @param missing for a raw HTML heading without an id, the id written into its tag (an edit
     *                of the parsed text, at the offsets of the text as written for a document
     *                parsed masked); else null
     */
    record Anchor(int level, String text, String id, TextEdit missing) {
    }

    private HeadingAnchors() {
    }

    /** Every heading of the document, in document order. */
    static List<Anchor> of(Document document, SafeMarkdown safe) {
        HeadingIds.Page page = new HeadingIds.Page();
        Map<Heading, Anchor> markdown = markdown(document, page, safe);
        List<HtmlBlock> blocks = new ArrayList<>();
        new NodeVisitor(new VisitHandler<>(HtmlBlock.class, block -> {
            if (HEADING_TAG.matcher(block.getChars()).find()) {
                blocks.add(block);
            }
        })).visit(document);
        Map<HtmlBlock, List<Anchor>> html = html(blocks, page);
        List<Anchor> anchors = new ArrayList<>();
        new NodeVisitor(
                new VisitHandler<>(Heading.class, heading -> {
                    Anchor anchor = markdown.get(heading);
                    if (anchor != null) {
                        anchors.add(anchor);
                    }
                }),
                new VisitHandler<>(HtmlBlock.class, block -> anchors.addAll(html.getOrDefault(block, List.of())))).visit(document);
        return anchors;
    }

    /** The ids Hugo gives the Markdown headings, which our HTML page gives them too. */
    static Map<Heading, Anchor> markdown(Document document, SafeMarkdown safe) {
        return markdown(document, new HeadingIds.Page(), safe);
    }

    private static Map<Heading, Anchor> markdown(Document document, HeadingIds.Page page, SafeMarkdown safe) {
        int[] cuts = SHORTCODE_CUTS.get(document);
        Map<Heading, Anchor> anchors = new IdentityHashMap<>();
        new NodeVisitor(new VisitHandler<>(Heading.class, heading -> {
            Anchor anchor = markdownAnchor(heading, cuts, page, safe);
            if (anchor != null) {
                anchors.put(heading, anchor);
            }
        })).visit(document);
        return anchors;
    }

    private static Anchor markdownAnchor(Heading heading, int[] cuts, HeadingIds.Page page, SafeMarkdown safe) {
        String text = PlainText.of(heading).strip();
        if (heading.isExplicitAnchorRefId()) {
            page.put(heading.getAnchorRefId());
            return new Anchor(heading.getLevel(), text, heading.getAnchorRefId(), null);
        }
        String line = heading.getText().toString();
        if (SHORTCODE.matcher(line).find() || holdsCut(heading, cuts)) {
            return null;
        }
        if (heading.getLastChild() instanceof AttributesNode attributes && isGoldmarkAttributes(attributes)) {
            int at = line.lastIndexOf(attributes.getChars().toString());
            line = at >= 0 ? line.substring(0, at) : line;
        }
        line = trim(line.substring(line.lastIndexOf('\n') + 1));
        if (SafeMarkdown.mayRunScript(line)) {
            line = safe.cleanLine(line);
        }
        return new Anchor(heading.getLevel(), text, page.generate(line), null);
    }

    /**
     * Whether goldmark reads these attributes as such: each an {@code #id}, a {@code .class} or
     * a {@code name=value}; flexmark also takes a bare name ({@code {x}}), which goldmark leaves
     * in the text.
     */
    static boolean isGoldmarkAttributes(AttributesNode attributes) {
        for (com.vladsch.flexmark.util.ast.Node child : attributes.getChildren()) {
            if (child instanceof AttributeNode attribute && !attribute.isImplicitName() && attribute.getAttributeSeparator().isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Whether a shortcode was taken out of the heading's lines (the parser leaves the white space it leaves out of the heading). */
    private static boolean holdsCut(Heading heading, int[] cuts) {
        if (cuts.length == 0) {
            return false;
        }
        BasedSequence text = heading.getChars().getBaseSequence();
        int end = heading.getEndOffset();
        while (end < text.length() && text.charAt(end) != '\n') {
            end++;
        }
        for (int cut : cuts) {
            if (heading.getStartOffset() <= cut && cut <= end) {
                return true;
            }
        }
        return false;
    }

    /** Goldmark's trim: ASCII white space only (a no-break space stays, and is dropped as punctuation). */
    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /**
     * The ids standing first in the raw HTML heading tags of a document parsed masked, as
     * {@link MarkdownEngine#withHeadingIds} writes them ({@code <h2 id="x"}), in order: the edits
     * taking each {@code  id="x"} out, at the offsets of the text as written.
     */
    static List<TextEdit> leadingIds(Document document) {
        List<TextEdit> ids = new ArrayList<>();
        new NodeVisitor(new VisitHandler<>(HtmlBlock.class, block -> {
            if (!HEADING_TAG.matcher(block.getChars()).find()) {
                return;
            }
            Fragment fragment = Fragment.of(block);
            String source = fragment.source().text();
            for (Element heading : fragment.select(HeadingIds.HEADINGS)) {
                int tag = heading.sourceRange().isTracked() ? heading.sourceRange().startPos() : -1;
                Matcher id = tag < 0 ? null : LEADING_ID.matcher(source).region(tag, source.length());
                if (id != null && id.lookingAt()) {
                    ids.add(fragment.source().edit(id.start(1), id.end(1), ""));
                }
            }
        })).visit(document);
        return ids;
    }

    /** One raw HTML block with heading tags, parsed with the source positions of its elements. */
    private record Fragment(SourceText source, List<Node> nodes) {

        static Fragment of(HtmlBlock block) {
            List<BasedSequence> lines = block.getContentLines();
            SourceText source = SourceText.of(lines.isEmpty() ? List.of(block.getChars()) : lines);
            return new Fragment(source, Parser.htmlParser().setTrackPosition(true)
                    .parseFragmentInput(source.text(), new Element("body"), ""));
        }

        List<Element> select(Evaluator evaluator) {
            List<Element> found = new ArrayList<>();
            for (Node node : nodes) {
                if (node instanceof Element element) {
                    found.addAll(element.select(evaluator));
                }
            }
            return found;
        }
    }

    /**
     * The raw HTML headings with text, block by block. Ids are made after every Markdown
     * heading's and every id written in the page's raw HTML are known.
     */
    private static Map<HtmlBlock, List<Anchor>> html(List<HtmlBlock> blocks, HeadingIds.Page markdownIds) {
        if (blocks.isEmpty()) {
            return Map.of();
        }
        Map<HtmlBlock, Fragment> fragments = new LinkedHashMap<>();
        HeadingIds.Page page = markdownIds.copy();
        for (HtmlBlock block : blocks) {
            Fragment fragment = Fragment.of(block);
            fragments.put(block, fragment);
            fragment.select(HAS_ID).forEach(element -> page.put(element.id()));
        }
        Map<HtmlBlock, List<Anchor>> anchors = new IdentityHashMap<>();
        fragments.forEach((block, fragment) -> {
            List<Anchor> found = new ArrayList<>();
            for (Element heading : fragment.select(HeadingIds.HEADINGS)) {
                String text = heading.text().strip();
                if (text.isEmpty()) {
                    continue;
                }
                int level = Integer.parseInt(heading.normalName().substring(1));
                if (!heading.id().isBlank()) {
                    found.add(new Anchor(level, text, heading.id(), null));
                    continue;
                }
                // The id goes right after the tag's name: <h2 id="…" class="wp-block-heading">.
                int tag = heading.sourceRange().isTracked() ? heading.sourceRange().startPos() : -1;
                String source = fragment.source().text();
                if (tag < 0 || !HEADING_TAG.matcher(source).region(tag, Math.min(tag + 3, source.length())).lookingAt()) {
                    continue; // no tag of its own to write the id into: no entry rather than an id the page lacks
                }
                String id = page.generateForHtml(heading.text());
                int at = fragment.source().start(tag + 3);
                found.add(new Anchor(level, text, id, new TextEdit(at, at, " id=\"" + id + "\"")));
            }
            anchors.put(block, found);
        });
        return anchors;
    }
}
