package io.contentpipeline.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collapsed and shortcut references ({@code [CNCF][]}, {@code [CNCF]}, {@code ![logo][]}) as
 * the full references they stand for ({@code [CNCF][CNCF]}), for translation drafts.
 * <p>
 * Their text is their label: translated, the label no longer names its definition and the
 * link is lost; kept whole as a placeholder (as XLIFF drafts did), their words cannot be
 * translated at all, and the English page kept the French "Fondation CNCF". A translator
 * expects to translate a link's words and not its address, as with an inline link; written as
 * a full reference, the words are in the first brackets, the translator's as any link text is
 * (a {@code <pc>} in XLIFF, text between {@code [} and {@code ][CNCF]} in Markdown), and the
 * label stays apart in the second, protected as a full reference's is. Hugo renders both forms
 * alike. Protecting the label instead would leave the link's words untranslated on the page.
 */
final class FullReferences {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private FullReferences() {
    }

    /** The edits that write each collapsed or shortcut reference of a parsed body as a full one. */
    static List<TextEdit> of(Node document, String body) {
        List<TextEdit> edits = new ArrayList<>();
        collect(document, body, edits);
        return edits;
    }

    private static void collect(Node node, String body, List<TextEdit> edits) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Heading) {
                // Hugo makes a heading's id from its text as written: "[compiletest][compiletest] fixes"
                // would get another anchor than the source's "[compiletest] fixes" even where its
                // translator keeps the words. A heading's label stays whole, as before.
                continue;
            }
            if (child instanceof RefNode ref && ref.isDefined() && ref.isReferenceTextCombined() && isReference(ref)) {
                int end = ref.getEndOffset();
                String label = SPACES.matcher(written(ref.getReference(), body)).replaceAll(" ");
                // [CNCF][] gets its label in its empty brackets; [CNCF] gets its brackets after it.
                edits.add(body.startsWith("[]", end - 2) ? new TextEdit(end - 1, end - 1, label) : new TextEdit(end, end, "[" + label + "]"));
            }
            collect(child, body, edits);
        }
    }

    /**
     * A label as written, line prefixes left out (a label that runs onto the next line of a quote
     * does not take its "&gt; "); the parse masks shortcodes, at the same offsets.
     */
    private static String written(BasedSequence label, String body) {
        StringBuilder text = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            int offset = label.getIndexOffset(i);
            text.append(offset >= 0 ? body.charAt(offset) : label.charAt(i));
        }
        return text.toString();
    }

    /**
     * Whether flexmark's combined reference is one: not the {@code [cncf]} of {@code [![logo][]][cncf]},
     * the label of a full reference around an image, which flexmark reads as text, an image, a
     * {@code ]} and a shortcut reference; nor a link inside a link's text, which CommonMark does not
     * make a link, and which would become one.
     */
    private static boolean isReference(RefNode ref) {
        if (ref.getPrevious() instanceof Text before && before.getChars().endsWith("]")) {
            return false;
        }
        if (ref instanceof LinkRef) {
            for (Node parent = ref.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof Link || parent instanceof LinkRef) {
                    return false;
                }
            }
        }
        return true;
    }
}
