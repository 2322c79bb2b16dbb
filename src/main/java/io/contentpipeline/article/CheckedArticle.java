package io.contentpipeline.article;

import java.util.List;

/** An article whose metadata passed the rules, with its slug and content digest settled. */
public record CheckedArticle(ParsedArticle parsed, String slug, String sha256, List<Problem> warnings) {

    public CheckedArticle {
        warnings = List.copyOf(warnings);
    }
}
