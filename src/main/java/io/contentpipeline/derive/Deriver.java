package io.contentpipeline.derive;

import com.vladsch.flexmark.util.ast.Document;
import io.contentpipeline.article.Article;
import io.contentpipeline.article.CheckedArticle;
import io.contentpipeline.article.Derived;
import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.SummarySource;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.markdown.PlainText;

/**
 * Works out what an article does not say about itself: summary (Hugo's precedence:
 * author, then {@code <!--more-->} divider, then automatic), description, word count,
 * reading time and outline. Used for sources and for returned translations alike.
 */
public final class Deriver {

    private static final String MORE_DIVIDER = "<!--more-->";

    private final MarkdownEngine markdown;
    private final LeadSummary leadSummary;
    private final int wordsPerMinute;
    private final int descriptionMax;

    public Deriver(MarkdownEngine markdown, int summaryWords, int wordsPerMinute, int descriptionMax) {
        this.markdown = markdown;
        this.leadSummary = new LeadSummary(summaryWords);
        this.wordsPerMinute = wordsPerMinute;
        this.descriptionMax = descriptionMax;
    }

    public Article derive(CheckedArticle checked) {
        FrontMatter frontMatter = checked.parsed().frontMatter();
        String body = checked.parsed().body();
        Derived derived = derive(frontMatter, body);
        return new Article(checked.slug(), checked.language(), frontMatter, body, checked.sha256(), derived,
                checked.warnings(), checked.parsed().file().name());
    }

    public Derived derive(FrontMatter frontMatter, String body) {
        Document document = markdown.parse(body);
        SummarySource summarySource;
        String summary;
        int divider = body.indexOf(MORE_DIVIDER);
        if (frontMatter.text("summary").isPresent()) {
            summary = frontMatter.text("summary").get();
            summarySource = SummarySource.AUTHOR;
        } else if (divider >= 0) {
            summary = PlainText.of(markdown.parse(body.substring(0, divider))).strip().replaceAll("\\s+", " ");
            summarySource = SummarySource.DIVIDER;
        } else {
            summary = leadSummary.summarise(document);
            summarySource = SummarySource.DERIVED;
        }
        String description = frontMatter.text("description").orElse(null);
        SummarySource descriptionSource = SummarySource.AUTHOR;
        if (description == null) {
            description = DescriptionCutter.cut(summary, descriptionMax);
            descriptionSource = SummarySource.DERIVED;
        }
        int words = WordCount.of(PlainText.of(document));
        int minutes = words == 0 ? 0 : (words + wordsPerMinute - 1) / wordsPerMinute;
        return new Derived(summary, summarySource, description, descriptionSource, words, minutes, markdown.outline(document));
    }
}
