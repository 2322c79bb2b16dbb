package io.contentpipeline.article;

import java.util.List;

/** An article whose metadata passed the rules, with its identity worked out. */
public record CheckedArticle(ParsedArticle parsed, String slug, String language, String sha256, List<Problem> warnings) {

    public CheckedArticle {
        warnings = List.copyOf(warnings);
    }
}
