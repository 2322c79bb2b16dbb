package io.contentpipeline.status;

import io.contentpipeline.publish.BundleManifest;
import io.contentpipeline.publish.BundleStore;
import io.contentpipeline.publish.Published;
import io.contentpipeline.publish.TranslationState;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline's counts for the status line: bundles published, translations awaited per
 * language (and since when), inputs rejected. Kept current from publish results; loaded
 * once from the published bundles at start.
 */
public final class PipelineCounts {

    private final Map<String, Map<String, TranslationState>> translations = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rejected = new ConcurrentHashMap<>();

    public void load(Path published, BundleStore store) throws IOException {
        if (!Files.isDirectory(published)) {
            return;
        }
        try (DirectoryStream<Path> bundles = Files.newDirectoryStream(published, Files::isDirectory)) {
            for (Path bundle : bundles) {
                store.manifest(bundle.getFileName().toString()).ifPresent(this::track);
            }
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

    private void track(BundleManifest manifest) {
        translations.put(manifest.slug(), Map.copyOf(manifest.translations()));
    }

    public int published() {
        return translations.size();
    }

    /** Language → number of articles whose translation is requested or outdated. */
    public Map<String, Long> awaiting() {
        Map<String, Long> awaiting = new TreeMap<>();
        translations.values().forEach(states -> states.forEach((language, state) -> {
            if (!"current".equals(state.status())) {
                awaiting.merge(language, 1L, Long::sum);
            }
        }));
        return awaiting;
    }

    public Map<String, Long> rejected() {
        Map<String, Long> counts = new TreeMap<>();
        rejected.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }
}
