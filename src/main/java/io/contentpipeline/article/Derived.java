package io.contentpipeline.article;

import java.util.List;

/** What the pipeline works out from an article's text, for one language version. */
public record Derived(
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
