package io.contentpipeline.publish;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * bundle.json: what a published bundle holds. {@code languages} lists the published
 * versions (source and translations); {@code translations} tracks every target language,
 * including those still awaited.
 */
public record BundleManifest(
        String slug,
        int version,
        String sourceLanguage,
        String sourceSha256,
        Instant publishedAt,
        Map<String, LanguageEntry> languages,
        Map<String, TranslationState> translations) {

    public BundleManifest {
        // Sorted, so that bundle.json lists languages in a stable order.
        languages = Collections.unmodifiableMap(new TreeMap<>(languages));
        translations = Collections.unmodifiableMap(new TreeMap<>(translations == null ? Map.of() : translations));
    }

    /**
     * Whether the bundle took this language's input in under its current source version: not
     * before the source's {@code accepted_at} (so assumed when either time is unknown). A
     * translation taken in earlier was published with an earlier version, and the current one's
     * publication has dealt with it since (outdated with its draft out, or carried forward).
     */
    public boolean tookInUnderCurrentVersion(String language) {
        LanguageEntry source = languages.get(sourceLanguage);
        LanguageEntry entry = languages.get(language);
        return source == null || entry == null || source.acceptedAt() == null || entry.acceptedAt() == null
                || !source.acceptedAt().isAfter(entry.acceptedAt());
    }
}
