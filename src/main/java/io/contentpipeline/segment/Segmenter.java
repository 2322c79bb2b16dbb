package io.contentpipeline.segment;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.Place;
import io.contentpipeline.files.Sha256;
import io.contentpipeline.markdown.HighlightBodies;
import io.contentpipeline.markdown.TemplateTagFinder;
import io.contentpipeline.markdown.HtmlTags;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.markdown.ProtectedInline;
import io.contentpipeline.markdown.TranslatableText;
import io.contentpipeline.translate.TranslatableFields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts an article into segments and records the structure its translations must keep.
 * Segment ids come from the segment's own text (kind prefix and a digest), so an unchanged
 * paragraph keeps its id when paragraphs are added or removed around it.
 * <p>
 * The body is read as Hugo's Markdown renderer meets it ({@link MarkdownEngine#parseMasked}):
 * a {@code {{< highlight >}}} shortcode with its body ({@link HighlightBodies}) is code, as a
 * fenced block is: it is in no segment, so the draft keeps it as written, and it is one of the
 * code blocks a translation must keep. So is a raw HTML {@code <pre>} block: a translation tool
 * would otherwise offer its code for translation.
 */
public final class Segmenter {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TEXT_ATTRIBUTE = Pattern.compile("\\b(title|alt|caption|text|label|description|summary)=\"[^\"]*\"");
    /** A raw HTML block that is one {@code <pre>} element, as blogs exported from WordPress write code. */
    private static final Pattern PREFORMATTED = Pattern.compile("(?is)\\s*<pre(?:\\s[^>]*)?>.*</pre>\\s*");
    /** A URL with a scheme: compiled once, not for every link of every body. */
    private static final Pattern SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*:.*");

    private final MarkdownEngine markdown;

    public Segmenter(MarkdownEngine markdown) {
        this.markdown = markdown;
    }

    /** The Markdown engine segments are cut with. */
    public MarkdownEngine markdown() {
        return markdown;
    }

    /** @param bodyLine the file line where the body starts, for locating segments */
    public SegmentedArticle segment(FrontMatter frontMatter, String body, int bodyLine) {
        HighlightBodies highlights = HighlightBodies.in(body);
        Document document = markdown.parseMasked(body, highlights);
        LineIndex lines = new LineIndex(body);
        List<ProtectedInline.Piece> pieces = ProtectedInline.of(document, body);
        return new SegmentedArticle(fields(frontMatter), new BodyWalk(document, body, highlights, lines, bodyLine, pieces).segments,
                structure(document, body, highlights, pieces, offset -> lines.lineOf(offset) + bodyLine));
    }

    /** The characters of a body a translator translates, the body read with this segmenter's engine ({@link TranslatableText}). */
    public TranslatableText translatableText(String body) {
        return TranslatableText.ofMarkdown(body, markdown);
    }

    /**
     * The translatable front-matter fields as segments, in a fixed order. A list's item is at
     * its own line, as the YAML parser marked it (its key's line when the parser did not say):
     * a problem the review finds with "fm.tags.2" is then at that item, not at "tags:".
     */
    public static List<Segment> fields(FrontMatter frontMatter) {
        List<Segment> fields = new ArrayList<>();
        for (String key : TranslatableFields.SCALARS_AND_LISTS) {
            Object value = frontMatter.get(key);
            Integer line = frontMatter.line(key);
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    fields.add(field("fm." + key + "." + i, String.valueOf(list.get(i)),
                            frontMatter.itemPlace(key, i).map(Place::line).orElse(line)));
                }
            } else if (value != null) {
                fields.add(field("fm." + key, value.toString(), line));
            }
        }
        if (frontMatter.get(TranslatableFields.RELATED) instanceof List<?> related) {
            for (int i = 0; i < related.size(); i++) {
                if (related.get(i) instanceof Map<?, ?> item && item.get(TranslatableFields.RELATED_TEXT) != null) {
                    int index = i;
                    fields.add(field("fm.related_articles." + i + ".anchor", item.get(TranslatableFields.RELATED_TEXT).toString(),
                            frontMatter.itemPlace(TranslatableFields.RELATED, i, TranslatableFields.RELATED_TEXT)
                                    .or(() -> frontMatter.itemPlace(TranslatableFields.RELATED, index))
                                    .map(Place::line).orElse(frontMatter.line(TranslatableFields.RELATED))));
                }
            }
        }
        return fields;
    }

    private static Segment field(String id, String text, Integer line) {
        return new Segment(id, Segment.Kind.FIELD, text, line == null ? 0 : line, -1, -1, 0, 0);
    }

    /** Walks the body's blocks in reading order and cuts them into segments. */
    private final class BodyWalk {
        private final List<Segment> segments = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();
        /** The text as written, which {@code document} was parsed from masked, at the same offsets. */
        private final String body;
        private final HighlightBodies highlights;
        private final LineIndex lines;
        private final int bodyLine;
        private final List<ProtectedInline.Piece> pieces;
        private int section;

        /**
         * @param lines  the line index of the body
         * @param pieces the protected inline pieces of the body, in order
         */
        BodyWalk(Document document, String body, HighlightBodies highlights, LineIndex lines, int bodyLine,
                 List<ProtectedInline.Piece> pieces) {
            this.body = body;
            this.highlights = highlights;
            this.lines = lines;
            this.bodyLine = bodyLine;
            this.pieces = pieces;
            walk(document, false);
        }

        private void walk(Node node, boolean quoted) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock || child instanceof TableSeparator
                        || isPreformatted(child)) {
                    continue;
                }
                if (child instanceof Heading heading) {
                    section++;
                    // Trailing attributes ({#id}, { #id .class }) are no text: they stay as the source has them.
                    BasedSequence text = heading.getText();
                    AttributesNode attributes = ProtectedInline.headingAttributes(heading);
                    int end = attributes != null ? trimEnd(text.getStartOffset(), attributes.getStartOffset()) : text.getEndOffset();
                    add(Segment.Kind.HEADING, text.getStartOffset(), end, heading.getLevel());
                } else if (child instanceof Paragraph paragraph) {
                    Segment.Kind kind = child.getParent() instanceof ListItem ? Segment.Kind.LIST_ITEM
                            : quoted ? Segment.Kind.QUOTE : Segment.Kind.PARAGRAPH;
                    add(kind, paragraph.getStartOffset(), paragraph.getChars().trimEnd().getEndOffset(), 0);
                } else if (child instanceof TableCell cell) {
                    BasedSequence text = cell.getText();
                    if (!text.isBlank()) {
                        add(Segment.Kind.TABLE_CELL, text.getStartOffset(), text.getEndOffset(), 0);
                    }
                } else if (child instanceof HtmlBlock html) {
                    add(Segment.Kind.HTML, html.getStartOffset(), html.getChars().trimEnd().getEndOffset(), 0);
                } else {
                    walk(child, quoted || child instanceof BlockQuote);
                }
            }
        }

        /** A block, without the highlight shortcodes it holds: the text on either side of one is a segment of its own. */
        private void add(Segment.Kind kind, int start, int end, int level) {
            int from = start;
            for (HighlightBodies.Body code : highlights.bodies()) {
                if (code.open() < end && code.close() > from) {
                    addPiece(kind, from, trimEnd(from, code.open()), level);
                    from = trimStart(code.close(), end);
                }
            }
            addPiece(kind, from, end, level);
        }

        /** The index of the first piece that starts at or after this offset (pieces are in order). */
        private int firstPieceFrom(int offset) {
            int low = 0;
            int high = pieces.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (pieces.get(middle).start() < offset) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        private int trimStart(int start, int end) {
            while (start < end && Character.isWhitespace(body.charAt(start))) {
                start++;
            }
            return start;
        }

        private int trimEnd(int start, int end) {
            while (end > start && Character.isWhitespace(body.charAt(end - 1))) {
                end--;
            }
            return end;
        }

        private void addPiece(Segment.Kind kind, int start, int end, int level) {
            if (start >= end) {
                return;
            }
            String text = body.substring(start, end);
            if (text.isBlank()) {
                return;
            }
            String base = kind.prefix() + "-" + Sha256.of(Segment.folded(text)).substring(0, 8);
            int occurrence = seen.merge(base, 1, Integer::sum);
            String id = occurrence == 1 ? base : base + "-" + occurrence;
            int line = lines.lineOf(start) + bodyLine;
            List<Segment.Span> spans = new ArrayList<>();
            for (int i = firstPieceFrom(start); i < pieces.size() && pieces.get(i).start() < end; i++) {
                ProtectedInline.Piece piece = pieces.get(i);
                if (piece.end() <= end) {
                    spans.add(new Segment.Span(piece.start() - start, piece.end() - start, piece.token()));
                }
            }
            segments.add(new Segment(id, kind, text, line, start, end, section, level, spans));
        }
    }

    /**
     * @param document the body parsed masked
     * @param pieces   the protected inline pieces of the body, whose tokens a translation must keep
     * @param fileLine the line in the file of an offset in the body
     */
    private BodyStructure structure(Document document, String body, HighlightBodies highlights, List<ProtectedInline.Piece> pieces,
                                    IntUnaryOperator fileLine) {
        List<String> anchors = markdown.outline(document).stream().map(io.contentpipeline.article.Heading::id).toList();
        List<Integer> headings = new ArrayList<>();
        List<BlockShape> lists = new ArrayList<>();
        List<ListItemLevel> items = new ArrayList<>();
        List<BlockShape> tables = new ArrayList<>();
        List<PlacedCode> code = new ArrayList<>();
        Tokens tokens = new Tokens(body, document.getChars().toString().equals(body), fileLine);
        collect(document, headings, new Lists(lists, items), tables, code, tokens);
        pieces.stream().map(ProtectedInline.Piece::token).filter(Objects::nonNull).forEach(tokens.protectedTokens::add);
        // References and addresses link to a target too: the inline links' are in already.
        pieces.stream().map(piece -> ProtectedInline.target(piece.token())).filter(Objects::nonNull).forEach(tokens.linkTargets::add);
        for (HighlightBodies.Body highlight : highlights.bodies()) {
            // One quoted inside a fenced block is that block's code already.
            if (code.stream().noneMatch(block -> block.start() <= highlight.open() && highlight.open() < block.end())) {
                code.add(new PlacedCode(highlight.open(), highlight.close(),
                        new CodeBlock(highlight.code(body), fileLine.applyAsInt(highlight.open()))));
            }
        }
        code.sort(Comparator.comparingInt(PlacedCode::start));
        TemplateTagFinder shortcode = new TemplateTagFinder(body);
        while (shortcode.find()) {
            if (!highlights.holds(shortcode.start())) {
                tokens.protectedTokens.add("shortcode " + shortcodeSignature(shortcode.group()));
            }
        }
        return new BodyStructure(headings, lists, items, tables, tokens.links, tokens.images, code.stream().map(PlacedCode::block).toList(),
                tokens.protectedTokens, tokens.relativeLinks, tokens.linkTargets, tokens.htmlTags, anchors);
    }

    /** A code block and where it is in the body, [start, end): fenced and highlight blocks are compared in reading order. */
    private record PlacedCode(int start, int end, CodeBlock block) {
    }

    private static final class Tokens {
        /** The body as written; the document was parsed from it masked, at the same offsets, unless {@code asWritten}. */
        final String body;
        final boolean asWritten;
        /** Where in the file a node starts: code blocks are reported by line. */
        final IntUnaryOperator fileLine;
        final List<String> protectedTokens = new ArrayList<>();
        final List<String> relativeLinks = new ArrayList<>();
        /** The target of every link and image, in whatever form it is written. */
        final List<String> linkTargets = new ArrayList<>();
        final List<String> htmlTags = new ArrayList<>();
        final List<LinkOrImage> links = new ArrayList<>();
        final List<LinkOrImage> images = new ArrayList<>();

        Tokens(String body, boolean asWritten, IntUnaryOperator fileLine) {
            this.body = body;
            this.asWritten = asWritten;
            this.fileLine = fileLine;
        }

        /** A piece of the parsed text as written: a code block holding a highlight shortcode, a link target, inline code. */
        String written(BasedSequence parsed) {
            if (asWritten) {
                return parsed.toString();
            }
            StringBuilder text = new StringBuilder(parsed.length());
            for (int i = 0; i < parsed.length(); i++) {
                int offset = parsed.getIndexOffset(i);
                text.append(offset >= 0 ? body.charAt(offset) : parsed.charAt(i));
            }
            return text.toString();
        }

        LinkOrImage at(int offset) {
            return new LinkOrImage(offset, fileLine.applyAsInt(offset));
        }

        void link(String url) {
            if (!url.isEmpty()) {
                linkTargets.add(url);
            }
            if (url.startsWith("#")) {
                protectedTokens.add("anchor " + url);
            } else if (isRelative(url)) {
                relativeLinks.add(url);
            }
        }
    }

    /**
     * A shortcode as its name, delimiters aside, and its attributes, with the values of
     * attributes that hold text for readers (title, alt, caption …) left out: translators
     * translate those, as the OpenTelemetry translators do.
     */
    static String shortcodeSignature(String shortcode) {
        String inner = shortcode.substring(3, shortcode.length() - 3).strip();
        String withoutText = TEXT_ATTRIBUTE.matcher(inner).replaceAll("$1=\"…\"");
        return SPACES.matcher(withoutText).replaceAll(" ");
    }

    /** Each list's size and each list item's nesting level, in reading order. */
    private record Lists(List<BlockShape> shapes, List<ListItemLevel> items) {
    }

    private static void collect(Node node, List<Integer> headings, Lists lists, List<BlockShape> tables,
                                List<PlacedCode> code, Tokens tokens) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Heading heading) {
                headings.add(heading.getLevel());
                tokens.protectedTokens.addAll(ProtectedInline.headingTokens(heading, tokens.body));
            } else if (child instanceof ListBlock list) {
                int items = 0;
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    items += item instanceof ListItem ? 1 : 0;
                }
                lists.shapes().add(new BlockShape(String.valueOf(items), tokens.fileLine.applyAsInt(list.getStartOffset())));
            } else if (child instanceof ListItem item) {
                // Met as the walk goes down, so in reading order: a nested item after the one holding it.
                lists.items().add(new ListItemLevel(nesting(item), item.getStartOffset(), item.getEndOffset(),
                        tokens.fileLine.applyAsInt(item.getStartOffset())));
            } else if (child instanceof TableBlock table) {
                tables.add(new BlockShape(shape(table), tokens.fileLine.applyAsInt(table.getStartOffset())));
            } else if (child instanceof FencedCodeBlock fenced) {
                code.add(new PlacedCode(fenced.getStartOffset(), fenced.getEndOffset(),
                        new CodeBlock(tokens.written(fenced.getContentChars()), tokens.fileLine.applyAsInt(fenced.getStartOffset()))));
                continue;
            } else if (child instanceof IndentedCodeBlock indented) {
                code.add(new PlacedCode(indented.getStartOffset(), indented.getEndOffset(),
                        new CodeBlock(tokens.written(indented.getContentChars()), tokens.fileLine.applyAsInt(indented.getStartOffset()))));
                continue;
            } else if (isPreformatted(child)) {
                String html = tokens.written(child.getChars());
                code.add(new PlacedCode(child.getStartOffset(), child.getEndOffset(),
                        new CodeBlock(html.strip(), tokens.fileLine.applyAsInt(child.getStartOffset()))));
                continue;
            } else if (child instanceof Link || child instanceof AutoLink || child instanceof LinkRef ref && ref.isDefined()) {
                // "[sic]" or a bracketed aside is a reference to nothing, not a link.
                tokens.links.add(tokens.at(child.getStartOffset()));
                tokens.link(child instanceof Link link ? tokens.written(link.getUrl()) : "");
            } else if (child instanceof Image || child instanceof ImageRef) {
                tokens.images.add(tokens.at(child.getStartOffset()));
                tokens.link(child instanceof Image image ? tokens.written(image.getUrl()) : "");
            } else if (child instanceof Code inline) {
                tokens.protectedTokens.add("code `" + tokens.written(inline.getText()) + "`");
            } else if (child instanceof HtmlInline || child instanceof HtmlBlock) {
                htmlTokens(tokens.written(child.getChars()), child.getStartOffset(), tokens);
                continue;
            }
            collect(child, headings, lists, tables, code, tokens);
        }
    }

    /** How many lists hold this item: 1 for an item of a top-level list (one in a quote included). */
    private static int nesting(ListItem item) {
        int level = 0;
        for (Node parent = item.getParent(); parent != null; parent = parent.getParent()) {
            level += parent instanceof ListBlock ? 1 : 0;
        }
        return level;
    }

    /** A raw HTML block holding one {@code <pre>} element and nothing else: code, kept byte for byte. */
    private static boolean isPreformatted(Node node) {
        return node instanceof HtmlBlock && PREFORMATTED.matcher(node.getChars()).matches();
    }

    /**
     * Raw HTML starting at {@code offset} of the body: its tags by name, its links and images
     * placed, and every address its tags give (href, src, srcset) kept as a Markdown link's
     * target is: a relative one is checked, an absolute one counted ({@link HtmlTags}).
     */
    private static void htmlTokens(String html, int offset, Tokens tokens) {
        for (HtmlTags.Tag tag : HtmlTags.of(html)) {
            tokens.htmlTags.add("<" + (tag.isEnd() ? "/" : "") + tag.name() + ">");
            if (tag.name().equals("a") && !tag.isEnd()) {
                tokens.links.add(tokens.at(offset + tag.start()));
            } else if (tag.name().equals("img")) {
                tokens.images.add(tokens.at(offset + tag.start()));
            }
            tag.addresses().forEach(tokens::link);
        }
    }

    /** A link into the same site (absolute URLs may be localised by translators, and are only counted). */
    private static boolean isRelative(String url) {
        return !url.isEmpty() && !SCHEME.matcher(url).matches() && !url.startsWith("//");
    }

    /**
     * Rows x columns, and the first row with fewer cells than the widest: GFM shows such a row
     * with its last cells empty, so two cells a translator merged into one ("| Disorganised team,
     * Prioritisation |") kept the table's shape, and the second cell's translation was lost.
     */
    private static String shape(TableBlock table) {
        int rows = 0;
        int columns = 0;
        List<Integer> cellsByRow = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (section instanceof TableSeparator) {
                continue;
            }
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow) {
                    rows++;
                    int cells = 0;
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        cells++;
                    }
                    columns = Math.max(columns, cells);
                    cellsByRow.add(cells);
                }
            }
        }
        for (int row = 0; row < cellsByRow.size(); row++) {
            if (cellsByRow.get(row) < columns) {
                return rows + "x" + columns + " (row " + (row + 1) + ": " + cellsByRow.get(row)
                        + (cellsByRow.get(row) == 1 ? " cell)" : " cells)");
            }
        }
        return rows + "x" + columns;
    }
}
