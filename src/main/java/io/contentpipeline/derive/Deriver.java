package io.contentpipeline.derive;

import com.vladsch.flexmark.util.ast.Document;
import io.contentpipeline.article.Article;
import io.contentpipeline.article.CheckedArticle;
import io.contentpipeline.article.Derived;
import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.Problem;
import io.contentpipeline.markdown.SafeHtml;
import io.contentpipeline.markdown.SafeMarkdown;
import io.contentpipeline.article.SummarySource;
import io.contentpipeline.language.DetectedLanguage;
import io.contentpipeline.language.LanguageResolver;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.markdown.ProseBlock;
import io.contentpipeline.markdown.ProseBlocks;
import io.contentpipeline.summarize.ExtractiveSummarizer;
import io.contentpipeline.summarize.SummaryLength;
import io.contentpipeline.text.SentenceSplitter;
import io.contentpipeline.text.WordCount;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The derive stage: works out what an article does not say about itself from one parse of
 * its body: language, summary (Hugo's precedence: author, then the {@code <!--more-->}
 * divider, then an extractive summary), description, word count, reading time and outline.
 * Used for sources and returned translations alike.
 */
public final class Deriver {

    private static final String MORE_DIVIDER = "<!--more-->";

    private final MarkdownEngine markdown;
    private final LanguageResolver languages;
    private final ExtractiveSummarizer summarizer;
    private final SummaryLength summaryLength;
    private final int wordsPerMinute;
    private final int descriptionMax;

    public Deriver(MarkdownEngine markdown, LanguageResolver languages, ExtractiveSummarizer summarizer,
                   SummaryLength summaryLength, int wordsPerMinute, int descriptionMax) {
        this.markdown = markdown;
        this.languages = languages;
        this.summarizer = summarizer;
        this.summaryLength = summaryLength;
        this.wordsPerMinute = wordsPerMinute;
        this.descriptionMax = descriptionMax;
    }

    public Article derive(CheckedArticle checked) {
        FrontMatter frontMatter = checked.parsed().frontMatter();
        String body = checked.parsed().body();
        Optional<String> declared = LanguageResolver.declared(frontMatter);
        Derived derived = derive(frontMatter, body, declared);
        List<Problem> warnings = new ArrayList<>(checked.warnings());
        warnings.addAll(derived.warnings());
        DetectedLanguage detected = derived.detected();
        if (declared.isPresent() && languages.isConfident(detected) && !detected.language().equals(derived.language())) {
            // The author's word stands, but a lang: copied from another article is a common slip.
            String field = frontMatter.has("lang") ? "lang" : "language";
            warnings.add(Problem.warning("language-mismatch", field, field + " says '" + derived.language() + "' but the text reads as '"
                    + detected.language() + "' (confidence " + String.format(Locale.ROOT, "%.3f", detected.confidence()) + "): check "
                    + field, frontMatter.line(field)));
        }
        return new Article(checked.slug(), derived.language(), frontMatter, body, checked.sha256(), derived,
                warnings, checked.parsed().file().name());
    }

    /** @param declaredLanguage the language the text is said to be in, if anyone says so */
    public Derived derive(FrontMatter frontMatter, String body, Optional<String> declaredLanguage) {
        // As published: raw HTML headings carry the outline's ids (markup only, no text changes).
        // Kept in Derived, so that the publish stage does not parse the body again to write them.
        String published = markdown.withHeadingIds(body);
        Document document = markdown.parse(published);
        List<ProseBlock> blocks = ProseBlocks.of(document);
        String prose = blocks.stream().map(ProseBlock::text).collect(Collectors.joining("\n"));
        LanguageResolver.Resolution language = languages.resolve(declaredLanguage, prose);
        String title = frontMatter.text("title").orElse("");

        SummarySource summarySource;
        String summary;
        int divider = body.indexOf(MORE_DIVIDER);
        if (frontMatter.text("summary").isPresent()) {
            summary = frontMatter.text("summary").get();
            summarySource = SummarySource.AUTHOR;
        } else if (divider >= 0) {
            summary = ProseBlocks.of(markdown.parse(body.substring(0, divider))).stream()
                    .map(ProseBlock::text).collect(Collectors.joining(" "));
            summarySource = SummarySource.DIVIDER;
        } else {
            summary = summarizer.summarize(blocks, language.language(), title, summaryLength);
            summarySource = SummarySource.DERIVED;
        }
        String description = frontMatter.text("description").orElse(null);
        SummarySource descriptionSource = SummarySource.AUTHOR;
        if (description == null) {
            description = describe(summary, language.language());
            descriptionSource = SummarySource.DERIVED;
        }
        int words = blocks.stream().mapToInt(block -> WordCount.of(block.text())).sum();
        int minutes = words == 0 ? 0 : (words + wordsPerMinute - 1) / wordsPerMinute;
        String rendered = markdown.render(document);
        SafeHtml.Cleaned safe = SafeHtml.sanitise(rendered);
        List<Problem> warnings = new ArrayList<>();
        List<String> removed = new ArrayList<>(safe.removed());
        SafeMarkdown.embeds(body).forEach(name -> removed.add("{{< " + name + " >}}"));
        if (!removed.isEmpty()) {
            warnings.add(Problem.warning("unsafe-html-removed", null,
                    "raw HTML that could run script was removed from the page: " + String.join(", ", removed), null));
        }
        if (language.assumed()) {
            warnings.add(Problem.warning(Problem.LANGUAGE_ASSUMED, null, "too little prose (" + words + " words) to tell its language for sure; "
                    + "taken as '" + language.language() + "' (pipeline.source-language): add lang: to the front matter to say", null));
        }
        return new Derived(language.language(), language.detected(), summary, summarySource, description,
                descriptionSource, words, minutes, markdown.outline(document), safe.html(), published, warnings);
    }

    /** The summary when it fits; else its first sentence when that fits; else the summary cut at a word. */
    private String describe(String summary, String language) {
        if (summary.length() <= descriptionMax) {
            return summary;
        }
        List<String> sentences = SentenceSplitter.split(summary, language);
        if (!sentences.isEmpty() && sentences.get(0).length() <= descriptionMax) {
            return sentences.get(0);
        }
        return DescriptionCutter.cut(summary, descriptionMax);
    }
}
