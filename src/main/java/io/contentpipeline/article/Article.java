package io.contentpipeline.article;

import java.util.ArrayList;
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

    /** The same article said to be in another language (one that was only assumed gives way to its slug's). */
    public Article inLanguage(String other) {
        return new Article(slug, other, frontMatter, body, sha256, derived, warnings, fileName);
    }

    /** The same article with one more warning for its author. */
    public Article withWarning(Problem warning) {
        List<Problem> more = new ArrayList<>(warnings);
        more.add(warning);
        return new Article(slug, language, frontMatter, body, sha256, derived, more, fileName);
    }

    /** Whether nobody said the article's language and the detector was not sure of it. */
    public boolean languageAssumed() {
        return Problem.anyHas(warnings, Problem.LANGUAGE_ASSUMED);
    }
}
