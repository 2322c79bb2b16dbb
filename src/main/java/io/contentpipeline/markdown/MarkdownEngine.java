package io.contentpipeline.markdown;

import com.vladsch.flexmark.ast.AnchorRefTarget;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The one flexmark configuration of the pipeline: CommonMark plus tables, strikethrough,
 * footnotes and {@code {#id}} attributes, with heading ids as Hugo 0.111 makes them ({@link HeadingAnchors}).
 * Parser and renderer are immutable and shared between threads.
 */
public final class MarkdownEngine {

    /** Hugo shortcode tags, {{< x >}} and {{% x %}}, with or without a space after the delimiter: {{<figure …>}}, {{</x>}}. */
    public static final Pattern TEMPLATE_TAGS = Pattern.compile("\\{\\{[<%].*?[%>]}}", Pattern.DOTALL);
    /** Stands for a highlight shortcode in the text parsed for our page: a comment, so no prose, replaced by its code once rendered. */
    private static final String CODE_MARK = "pipeline-highlight-" + UUID.randomUUID() + "-";
    private static final DataKey<List<Code>> HIGHLIGHT_CODE = new DataKey<>("HIGHLIGHT_CODE", List.of());
    private static final Pattern LANGUAGE_NAME = Pattern.compile("[\\w+#.-]+");
    private final Parser parser;
    private final HtmlRenderer renderer;
    /** The published Markdown's policy: Hugo makes a heading's id from its cleaned text. */
    private final SafeMarkdown safe = new SafeMarkdown(this);

    public MarkdownEngine() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                FootnoteExtension.create(),
                AttributesExtension.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(TablesExtension.CLASS_NAME, "table");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).htmlIdGeneratorFactory(new HugoIds()).build();
    }

    /**
     * Parses an article body for its readers: our page, summaries, outline. Hugo shortcodes
     * ({@code {{< x >}}}, {@code {{% x %}}}) are removed first: they are calls into a site's
     * templates, not content, and must reach neither summaries nor our pages. Paired shortcodes
     * keep their inner text, except {@code highlight}, whose body is code Hugo shows escaped
     * ({@link HighlightBodies}): it stands as a comment, so it is no prose, and {@link #render}
     * puts it on the page as a code block, as a fenced one.
     */
    public Document parse(String markdown) {
        HighlightBodies highlights = HighlightBodies.in(markdown);
        List<Code> code = new ArrayList<>();
        StringBuilder text = new StringBuilder(markdown.length());
        int copied = 0;
        int next = 0;
        List<Integer> cuts = new ArrayList<>();
        TemplateTagFinder tag = new TemplateTagFinder(markdown);
        while (tag.find()) {
            text.append(markdown, copied, tag.start());
            copied = tag.end();
            cuts.add(text.length());
            HighlightBodies.Body body = next < highlights.bodies().size() ? highlights.bodies().get(next) : null;
            if (body != null && body.open() == tag.start()) {
                text.append("<!--").append(CODE_MARK).append(code.size()).append("-->");
                code.add(new Code(body.language(), body.code(markdown)));
                copied = body.close();
                tag.skipTo(copied);
                next++;
            }
        }
        Document document = parser.parse(copied == 0 ? markdown : text.append(markdown, copied, markdown.length()).toString());
        if (!code.isEmpty()) {
            document.set(HIGHLIGHT_CODE, List.copyOf(code));
        }
        if (!cuts.isEmpty()) {
            document.set(HeadingAnchors.SHORTCODE_CUTS, cuts.stream().mapToInt(Integer::intValue).toArray());
        }
        return document;
    }

    /** A highlight shortcode's language and code: Hugo's {@code .Get 0} and {@link HighlightBodies.Body#code}. */
    private record Code(String language, String code) {

        /** As flexmark renders a fenced block: Hugo's markup without the highlighter's styles. */
        String html() {
            return (LANGUAGE_NAME.matcher(language).matches() ? "<pre><code class=\"language-" + language + "\">" : "<pre><code>")
                    + escape(code) + (code.isEmpty() ? "" : "\n") + "</code></pre>";
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Parses an article body exactly as written, shortcodes included. */
    public Document parseRaw(String markdown) {
        return parser.parse(markdown);
    }

    /**
     * Parses a body as Hugo's Markdown renderer meets it, at the offsets of the text as written
     * (see {@link #hugoView}): what segments are cut from and the published Markdown is
     * cleaned on. Text is to be taken from the body by offsets: the parsed text differs from it
     * inside highlight bodies and shortcode tags.
     */
    public Document parseMasked(String markdown, HighlightBodies highlights) {
        Masked last = markdown.length() > MASKED_CACHE_MAX_CHARS ? lastLargeMasked.get() : lastMasked.get();
        if (last != null && last.owner() == Thread.currentThread() && last.markdown().equals(markdown)
                && last.highlights().equals(highlights)) {
            return last.document();
        }
        if (markdown.length() > MASKED_CACHE_MAX_CHARS) {
            // The large tree kept is let go before the next one is made: never two of them at once.
            lastLargeMasked.set(null);
            Document document = parser.parse(hugoView(markdown, highlights));
            lastLargeMasked.set(new Masked(markdown, highlights, document, Thread.currentThread()));
            return document;
        }
        Document document = parser.parse(hugoView(markdown, highlights));
        lastMasked.set(new Masked(markdown, highlights, document, Thread.currentThread()));
        return document;
    }

    /**
     * The last body a thread parsed masked, with its document. An article's body is read
     * masked by the sanitiser of its published Markdown, the reference rewriter of its drafts
     * and the segmenter, one after the other on the article's worker thread: one parse serves
     * all three. Documents from parseMasked are only read, never changed (only {@link #render}
     * sets ids, on documents from {@link #parse}), so sharing one on its thread is safe. It is
     * known by the body and highlight bodies it was parsed from (its view, {@link #hugoView},
     * depends on nothing else), so a body parsed again is not masked again either. Each worker
     * keeps its last body of up to 64 K characters (the corpus' articles average 10 K). Of the
     * longer bodies only the last one parsed is kept, whichever thread parsed it, and it serves
     * that thread only. Such a body was parsed anew each time: a 4.6 MB article's four masked
     * parses, a quarter to a third of its worker's time, were of three texts (the body, for its
     * heading ids and then its references; the body with full references, segmented; the body
     * with heading ids, cleaned), and most articles, with no raw HTML heading nor collapsed
     * reference, have one text for all. A large tree with the text parsed takes about twice the
     * body's size (19 MB for a body of 4.4 M characters, itself 9 MB), so that once its article
     * is done the pipeline holds at most one such tree, rather than one per worker.
     */
    private record Masked(String markdown, HighlightBodies highlights, Document document, Thread owner) {
    }

    private static final int MASKED_CACHE_MAX_CHARS = 64 * 1024;
    private final AtomicReference<Masked> lastLargeMasked = new AtomicReference<>();
    private final ThreadLocal<Masked> lastMasked = new ThreadLocal<>();

    /**
     * The text Hugo's Markdown renderer meets, at the offsets of the text as written: the bodies
     * of highlight shortcodes masked ({@link HighlightBodies#masked}), and the "&lt;" that opens
     * a shortcode tag no longer read as an HTML tag's. Hugo takes every shortcode out before it
     * reads the Markdown, but {@code {{<figure src="/a.png">}}} and {@code {{</figure>}}},
     * written without a space, hold what CommonMark reads as inline HTML.
     */
    static String hugoView(String markdown, HighlightBodies highlights) {
        String masked = highlights.masked(markdown);
        if (masked.indexOf("{{<") < 0) {
            return masked;
        }
        char[] chars = masked.toCharArray();
        TemplateTagFinder tag = new TemplateTagFinder(markdown);
        while (tag.find()) {
            if (chars[tag.start() + 2] == '<' && !highlights.holds(tag.start())) {
                chars[tag.start() + 2] = 'x';
            }
        }
        return new String(chars);
    }

    /** The HTML of a document {@link #parse} gave, before sanitising, with its highlight bodies as code blocks. */
    public String render(Document document) {
        String html = renderer.render(document);
        List<Code> code = HIGHLIGHT_CODE.get(document);
        for (int i = 0; i < code.size(); i++) {
            String mark = CODE_MARK + i + "--";
            html = html.replace("<!--" + mark + ">", code.get(i).html())
                    // Inside code (a fenced block quoting the shortcode) the mark is shown as text: so is the code.
                    .replace("&lt;!--" + mark + "&gt;", escape(code.get(i).code()));
        }
        return html;
    }

    /**
     * Every heading with its level, text and the id it has in the page Hugo builds from the
     * published Markdown, and in ours ({@link HeadingAnchors}), in document order: from a body
     * {@link #withHeadingIds} wrote, a raw HTML heading's id is written in its tag.
     */
    public List<io.contentpipeline.article.Heading> outline(Document document) {
        return HeadingAnchors.of(document, safe).stream()
                .map(anchor -> new io.contentpipeline.article.Heading(anchor.level(), anchor.text(), anchor.id())).toList();
    }

    /**
     * The body with its collapsed and shortcut references written as full ones
     * ({@code [CNCF][]} and {@code [CNCF]} as {@code [CNCF][CNCF]}), as translation drafts give
     * them ({@link FullReferences}): the same page, with the words a translator translates apart
     * from the label. The same body when there is none; applied again, no change.
     */
    public String withFullReferences(String body) {
        if (body.indexOf(']') < 0) {
            return body;
        }
        return TextEdit.apply(body, FullReferences.of(parseMasked(body, HighlightBodies.in(body)), body));
    }

    /**
     * The body with the ids of its raw HTML headings written into their tags
     * ({@code <h2 id="…">}), for those that have none: Hugo passes raw HTML on as it is, so
     * the outline's id is in its page only when the Markdown spells it out. The same body when
     * there is none to write; applied again, no change.
     */
    public String withHeadingIds(String body) {
        if (!HeadingAnchors.HEADING_TAG.matcher(body).find()) {
            return body;
        }
        List<TextEdit> edits = HeadingAnchors.of(parseMasked(body, HighlightBodies.in(body)), safe).stream()
                .map(HeadingAnchors.Anchor::missing).filter(Objects::nonNull).toList();
        return TextEdit.apply(body, edits);
    }

    /**
     * A published body without the ids {@link #withHeadingIds} wrote, so that
     * {@code withHeadingIds} of the result is the published body again: of the ids standing
     * first in a raw HTML heading's tag, as it writes them, those it writes back the same. (An
     * author's id it would write the same way goes too, and comes back the same.)
     */
    public String withoutWrittenHeadingIds(String published) {
        if (!HeadingAnchors.HEADING_TAG.matcher(published).find()) {
            return published;
        }
        List<TextEdit> leading = HeadingAnchors.leadingIds(parseMasked(published, HighlightBodies.in(published)));
        String bare = TextEdit.apply(published, leading);
        if (leading.isEmpty() || withHeadingIds(bare).equals(published)) {
            return bare;
        }
        // Some are the author's: one by one, in order, each that comes back the same goes.
        List<TextEdit> removals = new ArrayList<>();
        for (TextEdit removal : leading) {
            removals.add(removal);
            if (!withHeadingIds(TextEdit.apply(published, removals)).equals(published)) {
                removals.remove(removals.size() - 1);
            }
        }
        return TextEdit.apply(published, removals);
    }

    /** Our HTML page's heading ids: Hugo's ({@link HeadingAnchors}); none for a heading Hugo's id is unknown for. */
    private final class HugoIds implements HeaderIdGeneratorFactory, HtmlIdGenerator {

        @Override
        public HtmlIdGenerator create(LinkResolverContext context) {
            return this;
        }

        @Override
        public HtmlIdGenerator create() {
            return this;
        }

        @Override
        public void generateIds(Document document) {
            HeadingAnchors.markdown(document, safe).forEach((heading, anchor) -> {
                if (!heading.isExplicitAnchorRefId()) {
                    heading.setAnchorRefId(anchor.id());
                }
            });
        }

        @Override
        public String getId(Node node) {
            return node instanceof AnchorRefTarget target && !target.getAnchorRefId().isEmpty() ? target.getAnchorRefId() : null;
        }

        @Override
        public String getId(CharSequence text) {
            return HeadingIds.anchor(text);
        }
    }

    static boolean isAttributes(Node node) {
        return node instanceof AttributesNode;
    }
}
