package io.contentpipeline.article;

import io.contentpipeline.language.DetectedLanguage;

import java.util.List;

/**
 * What the pipeline works out from one language version of an article: its language (and
 * what the detector said), summary, description, word count, reading time, outline, its
 * body as safe HTML, and its body as published, with the ids of its raw HTML headings
 * written into their tags ({@code MarkdownEngine.withHeadingIds}), with warnings about what
 * the sanitiser removed. {@code html} and {@code publishedBody} are null for versions read
 * back from a bundle: they are made again from the body there.
 */
public record Derived(
        String language,
        DetectedLanguage detected,
        String summary,
        SummarySource summarySource,
        String description,
        SummarySource descriptionSource,
        int wordCount,
        int readingTimeMinutes,
        List<Heading> outline,
        String html,
        String publishedBody,
        List<Problem> warnings) {

    public Derived {
        outline = List.copyOf(outline);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
