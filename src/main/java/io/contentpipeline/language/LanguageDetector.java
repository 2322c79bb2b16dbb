package io.contentpipeline.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;

/**
 * Language detection with Lingua, restricted to the languages the pipeline may meet
 * (fewer candidates: faster, smaller and more accurate). Texts are cut to a few thousand
 * characters: past that, more text does not change the answer, only the time.
 */
public final class LanguageDetector {

    /** Enough text for a sure answer on articles; keeps detection time flat for long ones. */
    static final int MAX_CHARS = 1500;
    /** Fewer words than this give no confident answer, whatever the detector says. */
    static final int MIN_WORDS = 3;

    private final CompletableFuture<com.github.pemistahl.lingua.api.LanguageDetector> lingua;

    public LanguageDetector(Collection<String> languages) {
        Language[] candidates = languages.stream()
                .map(code -> Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))))
                .distinct().toArray(Language[]::new);
        if (candidates.length < 2) {
            throw new IllegalArgumentException("language detection needs at least two candidate languages: " + languages);
        }
        // Models load at start-up, in the background while Camel loads its routes, rather than on
        // the first article, so that latency stays flat. Low-accuracy mode (trigrams only) is as
        // right on this corpus as the full models (README, "Language intelligence") at a third of
        // the memory and start-up time.
        this.lingua = CompletableFuture.supplyAsync(() -> LanguageDetectorBuilder.fromLanguages(candidates)
                .withLowAccuracyMode().withPreloadedLanguageModels().build());
    }

    public DetectedLanguage detect(String text) {
        String sample = text.length() > MAX_CHARS ? text.substring(0, cutAtSpace(text, MAX_CHARS)) : text;
        if (sample.isBlank() || sample.strip().split("\\s+").length < MIN_WORDS) {
            return DetectedLanguage.UNKNOWN;
        }
        SortedMap<Language, Double> confidences = lingua.join().computeLanguageConfidenceValues(sample);
        if (confidences.isEmpty()) {
            return DetectedLanguage.UNKNOWN;
        }
        Map.Entry<Language, Double> best = confidences.entrySet().iterator().next();
        for (Map.Entry<Language, Double> entry : confidences.entrySet()) {
            if (entry.getValue() > best.getValue()) {
                best = entry;
            }
        }
        return new DetectedLanguage(best.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT), best.getValue());
    }

    private static int cutAtSpace(String text, int max) {
        int space = text.lastIndexOf(' ', max);
        return space > max / 2 ? space : max;
    }
}
