package io.contentpipeline.language;

import io.contentpipeline.article.FrontMatter;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides an article's source language: a front-matter {@code lang} (or {@code language})
 * wins; otherwise the configured default. Codes are lower-case ISO 639-1 ("fr", "en").
 */
public final class LanguageResolver {

    private final String defaultLanguage;

    public LanguageResolver(String defaultLanguage) {
        this.defaultLanguage = normalise(defaultLanguage);
    }

    public String resolve(FrontMatter frontMatter) {
        return declared(frontMatter).orElse(defaultLanguage);
    }

    public static Optional<String> declared(FrontMatter frontMatter) {
        return frontMatter.text("lang").or(() -> frontMatter.text("language")).map(LanguageResolver::normalise);
    }

    /** "fr-CA" and "FR" both become "fr": bundles carry one version per language. */
    public static String normalise(String code) {
        String lower = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = lower.indexOf('-');
        return dash > 0 ? lower.substring(0, dash) : lower;
    }
}
