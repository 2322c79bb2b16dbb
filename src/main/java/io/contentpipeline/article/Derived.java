package io.contentpipeline.article;

import io.contentpipeline.language.DetectedLanguage;

import java.util.List;

/**
 * What the pipeline works out from one language version of an article: its language (and
 * what the detector said), summary, description, word count, reading time and outline.
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
        List<Heading> outline) {

    public Derived {
        outline = List.copyOf(outline);
    }
}
