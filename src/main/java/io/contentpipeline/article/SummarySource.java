package io.contentpipeline.article;

/** Where a summary came from, in Hugo's order of precedence. */
public enum SummarySource {
    /** Written by the author in front matter. */
    AUTHOR,
    /** The text before a {@code <!--more-->} divider. */
    DIVIDER,
    /** Chosen by the pipeline from the body. */
    DERIVED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
