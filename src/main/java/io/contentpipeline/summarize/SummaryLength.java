package io.contentpipeline.summarize;

/** How long a summary may be: whole sentences only, at most so many sentences and characters. */
public record SummaryLength(int maxSentences, int maxChars) {

    public static final SummaryLength DEFAULT = new SummaryLength(2, 300);
}
