package io.contentpipeline.article;

import io.contentpipeline.language.DetectedLanguage;

import java.util.List;

/**
 * What the pipeline works out from one language version of an article: its language (and
 * what the detector said), summary, description, word count, reading time, outline, and
 * its body as safe HTML ({@code html} is null for versions read back from a bundle), with
 * warnings about what the sanitiser removed.
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
        List<Problem> warnings) {

    public Derived {
        outline = List.copyOf(outline);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
