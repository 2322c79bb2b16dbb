package io.contentpipeline.derive;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import io.contentpipeline.markdown.PlainText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * The automatic summary: the article's opening paragraphs, up to about {@code targetWords}
 * words, in whole sentences. Paragraphs inside raw HTML blocks count as paragraphs.
 */
final class LeadSummary {

    private final int targetWords;

    LeadSummary(int targetWords) {
        this.targetWords = targetWords;
    }

    String summarise(Document document) {
        StringBuilder summary = new StringBuilder();
        int words = 0;
        for (String paragraph : paragraphs(document)) {
            for (String sentence : Sentences.split(paragraph)) {
                int sentenceWords = WordCount.of(sentence);
                if (words > 0 && words + sentenceWords > targetWords * 1.3) {
                    return summary.toString().strip();
                }
                summary.append(sentence).append(' ');
                words += sentenceWords;
                if (words >= targetWords) {
                    return summary.toString().strip();
                }
            }
        }
        return summary.toString().strip();
    }

    private static List<String> paragraphs(Document document) {
        List<String> paragraphs = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph) {
                addIfText(paragraphs, PlainText.of(node));
            } else if (node instanceof HtmlBlock) {
                for (Element p : Jsoup.parseBodyFragment(node.getChars().toString()).select("p")) {
                    addIfText(paragraphs, p.text());
                }
            }
        }
        return paragraphs;
    }

    private static void addIfText(List<String> paragraphs, String text) {
        String clean = text.strip().replaceAll("\\s+", " ");
        if (!clean.isEmpty() && !clean.startsWith("{{")) {
            paragraphs.add(clean);
        }
    }
}
