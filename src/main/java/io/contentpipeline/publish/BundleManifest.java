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
}
