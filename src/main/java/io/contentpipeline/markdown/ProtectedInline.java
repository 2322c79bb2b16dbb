package io.contentpipeline.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.util.ast.DelimitedNode;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The inline pieces of a parsed body that must come back as written and that only the parse
 * tells apart from text: a reference link or image that resolves to a definition (its
 * {@code ][ref]}, or the whole of {@code [CNCF][]} and {@code [CNCF]}, whose text is the label),
 * a footnote reference ({@code [^1]}), an autolink ({@code <https://…>}), a web or mail
 * address written as text, which Hugo's renderer makes a link of, and attributes
 * ({@code {.class}}) written after an image or in a paragraph. Each piece is where it
 * stands in the body, with the token the return review compares, which a translation must
 * keep: a reference by the target it resolves to (a Markdown translator may rename a label
 * with its definition), a footnote by its id, an address as written.
 * <p>
 * The definitions ({@code [ref]: url "title"}, {@code [^1]: …}) and a heading's trailing
 * attributes ({@link #headingAttributes}) are in no block's text a translator gets: they stay
 * as the source has them.
 */
public final class ProtectedInline {

    /** Addresses Hugo's renderer (goldmark's linkify) turns into links; one ends at a space, a quote or a tag. */
    static final Pattern ADDRESS = Pattern.compile("(?:(?:https?|ftp)://|\\bwww\\.)[^\\s<>\"']+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** What linkify leaves out of an address at its end: a sentence's punctuation, an emphasis marker. */
    private static final String TRAILING = ".,:;!?*_~'\"";
    /** Just before an address: the "] (" of a link written with a space between its text and its target. */
    private static final Pattern MEANT_AS_LINK = Pattern.compile("\\][ \\t]+\\($");
    private static final String REFERENCE = "reference → ";
    private static final String ADDRESS_TOKEN = "address ";

    /**
     * A piece, [start, end) in the body.
     *
     * @param token what the review compares ("footnote [^1]", "reference → /docs/", "address https://…"),
     *              or null for a piece that only goes with another (a reference link's opening bracket),
     *              that a translator may change (the address of a link written "[words] (https://…)"),
     *              or that the review leaves to other checks (attributes)
     */
    public record Piece(int start, int end, String token) {
    }

    private final Document document;
    private final String body;
    private final List<Piece> pieces = new ArrayList<>();
    /** Characters of text outside links and code, where an address is a link of its own. */
    private final BitSet bare;

    private ProtectedInline(Document document, String body) {
        this.document = document;
        this.body = body;
        this.bare = new BitSet(body.length());
    }

    /**
     * The pieces of a body, in order.
     *
     * @param document the body parsed at the offsets of {@code body} (as {@link MarkdownEngine#parseMasked} does)
     */
    public static List<Piece> of(Document document, String body) {
        ProtectedInline found = new ProtectedInline(document, body);
        found.walk(document, false);
        found.addresses();
        found.pieces.sort(Comparator.comparingInt(Piece::start));
        return List.copyOf(found.pieces);
    }

    /**
     * A heading's trailing attributes ({@code {#id}}, {@code { #id }}, {@code {#id .class}},
     * {@code {.class #id}}), as goldmark reads them, or null: flexmark also takes a bare name
     * ({@code {x}}), which goldmark leaves in the heading's text.
     */
    public static AttributesNode headingAttributes(Heading heading) {
        return heading.getLastChild() instanceof AttributesNode attributes && HeadingAnchors.isGoldmarkAttributes(attributes)
                ? attributes : null;
    }

    /** The review's tokens for a heading's trailing attributes: "heading id #x", "heading attribute .class". */
    public static List<String> headingTokens(Heading heading, String body) {
        AttributesNode attributes = headingAttributes(heading);
        List<String> tokens = new ArrayList<>();
        if (attributes != null) {
            for (Node child = attributes.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof AttributeNode attribute) {
                    tokens.add(attribute.isId() ? "heading id #" + written(body, attribute.getValue())
                            : "heading attribute " + written(body, attribute.getChars()));
                }
            }
        }
        return tokens;
    }

    private void walk(Node node, boolean inLink) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Code || child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock
                    || child instanceof HtmlBlock || child instanceof HtmlCommentBlock || child instanceof HtmlInline
                    || child instanceof HtmlInlineComment || child instanceof Reference) {
                continue;
            }
            if (child instanceof AttributesNode) {
                // Attributes of a paragraph or an image ({.class}): markup, which nothing else compares.
                pieces.add(new Piece(child.getStartOffset(), child.getEndOffset(), null));
                continue;
            }
            if (child instanceof RefNode ref && ref.isDefined()) {
                reference(ref);
            } else if (child instanceof Footnote footnote && footnote.isDefined()) {
                pieces.add(new Piece(footnote.getStartOffset(), footnote.getEndOffset(),
                        "footnote [^" + written(body, footnote.getText()) + "]"));
            } else if (child instanceof AutoLink || child instanceof MailLink) {
                BasedSequence address = child instanceof AutoLink link ? link.getText() : ((MailLink) child).getText();
                pieces.add(new Piece(child.getStartOffset(), child.getEndOffset(), ADDRESS_TOKEN + written(body, address)));
            } else if (child instanceof Link || child instanceof Image) {
                walk(child, true);
            } else if (!inLink && (child instanceof Text || child instanceof HtmlEntity || child instanceof RefNode
                    || child instanceof Footnote)) {
                // Text, and what Markdown shows as text: an entity, "[sic]" and "[^x]" that refer to nothing.
                mark(child.getStartOffset(), child.getEndOffset());
            } else {
                if (!inLink && child instanceof DelimitedNode delimited) {
                    // An emphasis marker inside an address is part of it for linkify, which reads the address first.
                    mark(delimited.getOpeningMarker().getStartOffset(), delimited.getOpeningMarker().getEndOffset());
                    mark(delimited.getClosingMarker().getStartOffset(), delimited.getClosingMarker().getEndOffset());
                }
                walk(child, inLink);
            }
        }
    }

    /**
     * {@code [text][ref]}: its opening bracket and its {@code ][ref]}, the text between being
     * the translator's. {@code [CNCF][]} and {@code [CNCF]}: the whole, the text being the label;
     * with a {@code ]} just before it, which closes the bracket of a linked image in
     * {@code [![logo][]][cncf]} (read by flexmark as text, an image, text and a reference).
     */
    private void reference(RefNode ref) {
        Reference definition = ref.getReferenceNode(document);
        String token = REFERENCE + (definition == null ? written(body, ref.getReference()) : written(body, definition.getUrl()));
        if (ref.isReferenceTextCombined()) {
            int start = ref.getStartOffset();
            if (ref.getPrevious() instanceof Text before && "]".contentEquals(before.getChars())) {
                start = before.getStartOffset();
            }
            pieces.add(new Piece(start, ref.getEndOffset(), token));
            return;
        }
        pieces.add(new Piece(ref.getStartOffset(), ref.getTextOpeningMarker().getEndOffset(), null));
        pieces.add(new Piece(ref.getTextClosingMarker().getStartOffset(), ref.getEndOffset(), token));
        walk(ref, true);
    }

    private void mark(int start, int end) {
        if (start >= 0 && end > start) {
            bare.set(start, end);
        }
    }

    /**
     * Addresses that start in text: each up to the first character that is not text (an inline
     * code, a tag), less the punctuation linkify leaves out at its end, and the closing
     * parenthesis of a pair it does not open ("(see https://a.com/x)").
     */
    private void addresses() {
        AddressFinder address = new AddressFinder(body);
        while (address.find()) {
            if (!bare.get(address.start())) {
                continue;
            }
            int end = Math.min(address.end(), bare.nextClearBit(address.start()));
            while (end > address.start()) {
                char last = body.charAt(end - 1);
                if (TRAILING.indexOf(last) >= 0 || last == ')' && unbalanced(address.start(), end)) {
                    end--;
                } else {
                    break;
                }
            }
            String text = body.substring(address.start(), end);
            if (ADDRESS.matcher(text).matches()) {
                // "[words] (https://…)" is a link whose author put a space too many: its address is
                // the target of a link, which a translator may localise as an inline link's.
                boolean meantAsLink = MEANT_AS_LINK.matcher(body).region(Math.max(0, address.start() - 16), address.start()).find();
                pieces.add(new Piece(address.start(), end, meantAsLink ? null : ADDRESS_TOKEN + text));
            }
        }
    }

    private boolean unbalanced(int start, int end) {
        int depth = 0;
        for (int i = start; i < end; i++) {
            depth += body.charAt(i) == '(' ? 1 : body.charAt(i) == ')' ? -1 : 0;
        }
        return depth < 0;
    }

    /** The target a reference's or an address's token names ("reference → /docs/", "address https://…"), or null for another token. */
    public static String target(String token) {
        if (token == null) {
            return null;
        }
        return token.startsWith(REFERENCE) ? token.substring(REFERENCE.length())
                : token.startsWith(ADDRESS_TOKEN) ? token.substring(ADDRESS_TOKEN.length()) : null;
    }

    /** A piece of the parsed text as written: the parse masks shortcodes, at the same offsets. */
    private static String written(String body, BasedSequence parsed) {
        return parsed.isNull() || parsed.getStartOffset() < 0 ? parsed.toString() : body.substring(parsed.getStartOffset(), parsed.getEndOffset());
    }
}
