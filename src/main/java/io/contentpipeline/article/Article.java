package io.contentpipeline.article;

import java.util.List;

/**
 * An accepted article in one language: checked metadata, body and derived fields.
 * {@code sha256} identifies the content; it is what decides whether a re-drop is a new version.
 */
public record Article(
        String slug,
        String language,
        FrontMatter frontMatter,
        String body,
        String sha256,
        Derived derived,
        List<Problem> warnings,
        String fileName) {

    public Article {
        warnings = List.copyOf(warnings);
    }

    public String title() {
        return frontMatter.text("title").orElse(slug);
    }
}
