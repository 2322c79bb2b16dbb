package io.contentpipeline.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.util.ast.Node;
import org.jsoup.Jsoup;

import java.util.regex.Pattern;

/**
 * The readable text of a Markdown node: what a reader sees, without markup. Raw HTML blocks
 * (WordPress exports put whole articles in them) are reduced to their text by jsoup, which
 * also decodes entities such as {@code &#8217;}.
 */
public final class PlainText {

    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");

    private PlainText() {
    }

    public static String of(Node node) {
        StringBuilder text = new StringBuilder();
        append(node, text);
        return BLANKS.matcher(text.toString().replace('\u00A0', ' ')).replaceAll(" ");
    }

    private static void append(Node node, StringBuilder text) {
        if (MarkdownEngine.isAttributes(node) || node instanceof HtmlCommentBlock || node instanceof HtmlInlineComment) {
            return;
        }
        if (node instanceof HtmlBlock || node instanceof HtmlInline) {
            String html = node.getChars().toString();
            if (node instanceof HtmlBlock) {
                text.append(' ').append(Jsoup.parse(html).text()).append(' ');
            }
            return;
        }
        if (node instanceof Text || node instanceof TextBase) {
            text.append(node.getChars());
            return;
        }
        if (node instanceof Code code) {
            text.append(code.getText());
            return;
        }
        if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            text.append(' ');
            return;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            append(child, text);
        }
        if (node instanceof com.vladsch.flexmark.util.ast.Block) {
            text.append(' ');
        }
    }
}
