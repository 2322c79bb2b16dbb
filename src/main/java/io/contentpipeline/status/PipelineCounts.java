package io.contentpipeline.status;

import io.contentpipeline.publish.BundleManifest;
import io.contentpipeline.publish.Published;
import io.contentpipeline.publish.TranslationState;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The pipeline's counts for the status line: bundles published, where each target
 * language stands (requested, outdated, rejected, current) and the longest wait, inputs
 * rejected. Kept current from publish results; loaded once from the bundles at start.
 */
public final class PipelineCounts {

    /** The kind rejected_since_start counts an input set aside by an error of the pipeline as (a dead letter), apart from authors' rejections. */
    public static final String INTERNAL_ERROR = "internal_error";

    private final Map<String, Map<String, TranslationState>> translations = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rejected = new ConcurrentHashMap<>();

    /** Where one language stands across all articles. */
    public record LanguageStatus(Map<String, Long> byStatus, String longestWaiting, Duration longestWait) {

        @Override
        public String toString() {
            String counts = byStatus.toString();
            return longestWaiting == null ? counts
                    : counts + " longest wait " + longestWaiting + " " + ShortDuration.of(longestWait);
        }
    }

    /** Route step after publishing; returns the result unchanged. */
    public Published published(Published result) {
        track(result.manifest());
        return result;
    }

    public void rejected(String kind) {
        rejected.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** A rejected return changes its language's state without a publish. */
    public void translationRejected(String slug, String language) {
        translations.computeIfPresent(slug, (s, states) -> {
            Map<String, TranslationState> copy = new TreeMap<>(states);
            TranslationState state = copy.get(language);
            if (state != null) {
                copy.put(language, state.afterRejectedReturn(Instant.now()));
            }
            return Map.copyOf(copy);
        });
    }

    public void track(BundleManifest manifest) {
        translations.put(manifest.slug(), Map.copyOf(manifest.translations()));
    }

    /**
     * Forgets the slugs whose bundle is gone (deleted by hand while the pipeline runs), which
     * were counted as published, and their translations as awaited, until a restart.
     */
    public void forgetGone(Predicate<String> hasBundle) {
        translations.keySet().removeIf(slug -> !hasBundle.test(slug));
    }

    public int published() {
        return translations.size();
    }

    /** Language → its statuses counted, and the article waiting longest for a translation. */
    public Map<String, LanguageStatus> languages(Instant now) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        Map<String, String> oldestSlug = new TreeMap<>();
        Map<String, Instant> oldestSince = new TreeMap<>();
        translations.forEach((slug, states) -> states.forEach((language, state) -> {
            counts.computeIfAbsent(language, l -> new TreeMap<>()).merge(state.status(), 1L, Long::sum);
            if (!"current".equals(state.status()) && state.requestedAt() != null
                    && (oldestSince.get(language) == null || state.requestedAt().isBefore(oldestSince.get(language)))) {
                oldestSince.put(language, state.requestedAt());
                oldestSlug.put(language, slug);
            }
        }));
        Map<String, LanguageStatus> languages = new TreeMap<>();
        counts.forEach((language, byStatus) -> languages.put(language, new LanguageStatus(byStatus, oldestSlug.get(language),
                oldestSince.containsKey(language) ? Duration.between(oldestSince.get(language), now) : Duration.ZERO)));
        return languages;
    }

    /** Inputs set aside by an error of the pipeline since start (dead letters). */
    public long internalErrors() {
        AtomicLong count = rejected.get(INTERNAL_ERROR);
        return count == null ? 0 : count.get();
    }

    public Map<String, Long> rejected() {
        Map<String, Long> counts = new TreeMap<>();
        rejected.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }
}
