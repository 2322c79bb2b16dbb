package io.contentpipeline.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters of a text a translator translates, by offset: in an article body, the text
 * of paragraphs, headings, list items and table cells, of link text and image descriptions,
 * and of raw HTML between its tags. Never what must come back as written: code (inline,
 * fenced, indented, a highlight shortcode's body, the content of HTML code elements), link and
 * image targets and titles, reference labels (the text of {@code [CNCF][]} or {@code [CNCF]}
 * is its label), autolinks, footnote references, raw HTML tags and comments, entities,
 * heading ids and attributes, Hugo shortcodes, and web and mail addresses written as text
 * (Hugo's renderer makes links of them).
 */
public final class TranslatableText {

    private static final Pattern ENTITY = Pattern.compile("&#?[A-Za-z0-9]+;");
    /** HTML elements whose content is code, keyboard input or script, not prose. */
    private static final Set<String> CODE_ELEMENTS = Set.of("code", "pre", "kbd", "samp", "var", "tt", "script", "style", "textarea");

    private final BitSet translatable;

    private TranslatableText(BitSet translatable) {
        this.translatable = translatable;
    }

    /**
     * An article body, read as Markdown as Hugo's renderer reads it: with highlight bodies masked
     * and every shortcode a placeholder without spaces ({@code <{{% param url %}}>} is a link
     * destination, and {@code [post]: <{{% param url %}}>} a link reference definition).
     */
    public static TranslatableText ofMarkdown(String body, MarkdownEngine markdown) {
        HighlightBodies highlights = HighlightBodies.in(body);
        char[] view = MarkdownEngine.hugoView(body, highlights).toCharArray();
        TemplateTagFinder shortcode = new TemplateTagFinder(body);
        while (shortcode.find()) {
            if (!highlights.holds(shortcode.start())) {
                Arrays.fill(view, shortcode.start(), shortcode.end(), 'x');
            }
        }
        BitSet translatable = new BitSet(body.length());
        new Walk(translatable).walk(markdown.parseRaw(new String(view)));
        for (HighlightBodies.Body code : highlights.bodies()) {
            translatable.clear(code.open(), code.close());
        }
        clear(translatable, MarkdownEngine.TEMPLATE_TAGS.matcher(body));
        clearAddresses(translatable, body);
        clear(translatable, ENTITY.matcher(body));
        return new TranslatableText(translatable);
    }

    /** Plain text, such as a front-matter field: all of it but shortcodes, addresses and entities. */
    public static TranslatableText ofPlainText(String text) {
        BitSet translatable = new BitSet(text.length());
        translatable.set(0, text.length());
        clear(translatable, MarkdownEngine.TEMPLATE_TAGS.matcher(text));
        clearAddresses(translatable, text);
        clear(translatable, ENTITY.matcher(text));
        return new TranslatableText(translatable);
    }

    /** Whether the character at this offset is one a translator translates. */
    public boolean at(int offset) {
        return translatable.get(offset);
    }

    /** Whether [start, end) of the text holds a letter a translator translates: a year or a code in a cell is nothing to translate. */
    public boolean hasWords(String text, int start, int end) {
        for (int i = translatable.nextSetBit(start); i >= 0 && i < end; i = translatable.nextSetBit(i + 1)) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void clearAddresses(BitSet translatable, String text) {
        AddressFinder address = new AddressFinder(text);
        while (address.find()) {
            translatable.clear(address.start(), address.end());
        }
    }

    private static void clear(BitSet translatable, Matcher matches) {
        while (matches.find()) {
            translatable.clear(matches.start(), matches.end());
        }
    }

    /** Marks the text of a document's nodes, in reading order. */
    private static final class Walk {

        private final BitSet translatable;
        /** The HTML code element an inline start tag opened and no end tag has closed yet in this block, or null. */
        private String insideCode;

        Walk(BitSet translatable) {
            this.translatable = translatable;
        }

        void walk(Node node) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Block) {
                    insideCode = null;
                }
                if (child instanceof Text) {
                    if (insideCode == null) {
                        mark(child.getChars());
                    }
                } else if (child instanceof HtmlBlock html) {
                    html(html);
                } else if (child instanceof HtmlInline html) {
                    inlineTag(html.getChars().toString());
                } else if (!isKeptAsWritten(child)) {
                    walk(child);
                }
            }
        }

        /** Nodes whose text, if any, is no prose: code, targets, labels, markup. */
        private static boolean isKeptAsWritten(Node node) {
            return node instanceof Code || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock
                    || node instanceof AutoLink || node instanceof MailLink || node instanceof HtmlEntity
                    || node instanceof HtmlInlineComment || node instanceof HtmlCommentBlock || node instanceof Reference
                    || node instanceof Footnote || MarkdownEngine.isAttributes(node)
                    // [CNCF][] and [CNCF]: the text is the label of the definition it refers to.
                    || node instanceof RefNode ref && ref.isDefined() && ref.isReferenceTextCombined();
        }

        private void inlineTag(String html) {
            HtmlTokens.Token tag = HtmlTokens.next(html, 0);
            if (tag == null || tag.start() != 0) {
                return;
            }
            if (tag.kind() == HtmlTokens.Kind.START_TAG && insideCode == null && CODE_ELEMENTS.contains(tag.name())) {
                insideCode = tag.name();
            } else if (tag.kind() == HtmlTokens.Kind.END_TAG && tag.name().equals(insideCode)) {
                insideCode = null;
            }
        }

        /** The text between the tags of a raw HTML block, but for the content of code elements. */
        private void html(HtmlBlock block) {
            List<BasedSequence> lines = block.getContentLines();
            SourceText source = SourceText.of(lines.isEmpty() ? List.of(block.getChars()) : lines);
            String html = source.text();
            String code = null;
            int at = 0;
            while (at < html.length()) {
                HtmlTokens.Token token = HtmlTokens.next(html, at);
                int textEnd = token == null ? html.length() : token.start();
                if (code == null) {
                    for (int i = at; i < textEnd; i++) {
                        translatable.set(source.start(i));
                    }
                }
                if (token == null) {
                    break;
                }
                if (token.kind() == HtmlTokens.Kind.START_TAG && code == null && CODE_ELEMENTS.contains(token.name())) {
                    code = token.name();
                } else if (token.kind() == HtmlTokens.Kind.END_TAG && token.name().equals(code)) {
                    code = null;
                }
                at = token.end();
            }
        }

        private void mark(BasedSequence text) {
            for (int i = 0; i < text.length(); i++) {
                int offset = text.getIndexOffset(i);
                if (offset >= 0) {
                    translatable.set(offset);
                }
            }
        }
    }
}
