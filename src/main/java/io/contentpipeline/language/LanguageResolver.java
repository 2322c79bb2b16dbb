package io.contentpipeline.language;

import io.contentpipeline.article.FrontMatter;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides the language of a text: a declared language wins (front-matter {@code lang} or
 * {@code language}, or the folder a translation was returned to); otherwise the detected
 * one when the detector is confident; otherwise the configured default.
 */
public final class LanguageResolver {

    /** @param assumed whether nobody said the language and the detector was not sure: the default was taken */
    public record Resolution(String language, DetectedLanguage detected, boolean assumed) {
    }

    private final LanguageDetector detector;
    private final String defaultLanguage;
    private final double minConfidence;

    public LanguageResolver(LanguageDetector detector, String defaultLanguage, double minConfidence) {
        this.detector = detector;
        this.defaultLanguage = normalise(defaultLanguage);
        this.minConfidence = minConfidence;
    }

    public Resolution resolve(Optional<String> declared, String prose) {
        DetectedLanguage detected = detector.detect(prose);
        boolean assumed = declared.isEmpty() && !detected.isConfident(minConfidence);
        String language = declared.orElseGet(() -> assumed ? defaultLanguage : detected.language());
        return new Resolution(language, detected, assumed);
    }

    public boolean isConfident(DetectedLanguage detected) {
        return detected.isConfident(minConfidence);
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
