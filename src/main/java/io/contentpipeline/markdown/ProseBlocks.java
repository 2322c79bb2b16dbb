package io.contentpipeline.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The readable text of an article as blocks, in reading order: what language detection,
 * word counts and summaries work on. Code, raw HTML markup, Hugo shortcodes and Zola/Tera
 * template tags never reach it; HTML exported from WordPress is reduced to its paragraphs,
 * and entities such as {@code &#8217;} are decoded.
 */
public final class ProseBlocks {

    /** Zola/Tera template tags ({{ x }}, {% x %}) left in prose; in code they are left alone. */
    private static final Pattern TERA_TAGS = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}");
    /** Parsed once: jsoup would parse a query string again on every call, for every element. */
    private static final Evaluator HTML_TEXT_ELEMENTS =
            QueryParser.parse("p, li, h1, h2, h3, h4, h5, h6, blockquote, td, th, figcaption");
    private static final Evaluator NOT_PROSE = QueryParser.parse("script, style, code, pre");

    private ProseBlocks() {
    }

    /** @param document a body parsed by {@link MarkdownEngine#parse}, template tags already removed */
    public static List<ProseBlock> of(Document document) {
        List<ProseBlock> blocks = new ArrayList<>();
        collect(document, blocks, false);
        return blocks;
    }

    private static void collect(Node node, List<ProseBlock> blocks, boolean quoted) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock || child instanceof HtmlCommentBlock
                    || child instanceof Reference || child instanceof TableSeparator) {
                continue;
            }
            if (child instanceof Heading) {
                add(blocks, ProseBlock.Kind.HEADING, PlainText.of(child));
            } else if (child instanceof Paragraph) {
                ProseBlock.Kind kind = child.getParent() instanceof ListItem ? ProseBlock.Kind.LIST_ITEM
                        : quoted ? ProseBlock.Kind.QUOTE : ProseBlock.Kind.PARAGRAPH;
                add(blocks, kind, PlainText.of(child));
            } else if (child instanceof TableCell) {
                add(blocks, ProseBlock.Kind.TABLE_CELL, PlainText.of(child));
            } else if (child instanceof HtmlBlock) {
                collectHtml(child.getChars().toString(), blocks);
            } else {
                collect(child, blocks, quoted || child instanceof BlockQuote);
            }
        }
    }

    private static void collectHtml(String html, List<ProseBlock> blocks) {
        org.jsoup.nodes.Document fragment = Jsoup.parseBodyFragment(html);
        fragment.select(NOT_PROSE).remove();
        List<Element> elements = fragment.select(HTML_TEXT_ELEMENTS).stream()
                .filter(e -> e.parents().stream().noneMatch(p -> p.is(HTML_TEXT_ELEMENTS)))
                .toList();
        if (elements.isEmpty()) {
            add(blocks, ProseBlock.Kind.PARAGRAPH, fragment.text());
            return;
        }
        for (Element element : elements) {
            ProseBlock.Kind kind = switch (element.normalName()) {
                case "li" -> ProseBlock.Kind.LIST_ITEM;
                case "td", "th" -> ProseBlock.Kind.TABLE_CELL;
                case "blockquote" -> ProseBlock.Kind.QUOTE;
                case "p", "figcaption" -> ProseBlock.Kind.PARAGRAPH;
                default -> ProseBlock.Kind.HEADING;
            };
            add(blocks, kind, element.text());
        }
    }

    private static void add(List<ProseBlock> blocks, ProseBlock.Kind kind, String raw) {
        String text = clean(raw);
        if (!text.isEmpty()) {
            blocks.add(new ProseBlock(kind, text));
        }
    }

    /** Decodes entities, drops invisible characters and folds every kind of space to one. */
    static String clean(String raw) {
        String decoded = raw.indexOf('&') >= 0 ? Parser.unescapeEntities(raw, false) : raw;
        String untagged = decoded.indexOf('{') >= 0 ? TERA_TAGS.matcher(decoded).replaceAll(" ") : decoded;
        return foldSpaces(untagged);
    }

    /** One pass instead of two regular expressions: this runs on every block of every article. */
    private static String foldSpaces(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (isSpace(c)) {
                pendingSpace = folded.length() > 0;
                continue;
            }
            if (pendingSpace) {
                folded.append(' ');
                pendingSpace = false;
            }
            folded.append(c);
        }
        return folded.toString();
    }

    /** Zero-width spaces and joiners, word joiner, byte-order mark. */
    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /** ASCII white space, no-break spaces and the typographic spaces (thin, narrow no-break…). */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || (c >= '\u2000' && c <= '\u200A')
                || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }
}
