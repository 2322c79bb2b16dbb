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

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable text of a Markdown node: what a reader sees, without markup. Raw HTML blocks
 * (WordPress exports put whole articles in them) are reduced to their text by jsoup, which
 * also decodes entities such as {@code &#8217;}.
 */
public final class PlainText {

    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
    private static final Pattern SCRIPT_OPEN = Pattern.compile("<(script|style)\\b[^>]*(?<!/)>", Pattern.CASE_INSENSITIVE);

    private PlainText() {
    }

    public static String of(Node node) {
        StringBuilder text = new StringBuilder();
        append(node, text);
        return BLANKS.matcher(text.toString().replace('\u00A0', ' ')).replaceAll(" ");
    }

    /**
     * An inline {@code <script>} or {@code <style>} in a paragraph is a tag, then its code as
     * text, then the closing tag: the code is no words a reader sees (nor a summary should
     * quote), so everything up to the closing tag, or to the paragraph's end, is skipped.
     * Returns the last node skipped, or null when {@code child} opens no script.
     */
    private static Node skippedScript(Node child) {
        Matcher open = child instanceof HtmlInline ? SCRIPT_OPEN.matcher(child.getChars()) : null;
        if (open == null || !open.lookingAt()) {
            return null;
        }
        String closing = "</" + open.group(1).toLowerCase(Locale.ROOT);
        Node last = child;
        while (last.getNext() != null && !(last != child && last instanceof HtmlInline
                && last.getChars().toString().toLowerCase(Locale.ROOT).startsWith(closing))) {
            last = last.getNext();
        }
        return last;
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
            Node skipped = skippedScript(child);
            if (skipped != null) {
                child = skipped;
                continue;
            }
            append(child, text);
        }
        if (node instanceof com.vladsch.flexmark.util.ast.Block) {
            text.append(' ');
        }
    }
}
