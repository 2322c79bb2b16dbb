package io.contentpipeline.version;

import io.contentpipeline.publish.BundleManifest;
import io.contentpipeline.publish.Published;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Which slug each accepted content belongs to, so that one file dropped under two names
 * (two slugs made from two file names) is published once. Loaded from the bundles at
 * start, kept current by the version stage; which slugs have had a bundle, kept current by
 * the publish stage, tells a bundle deleted by hand from one not written yet.
 */
public final class ContentIndex {

    private final Map<String, String> slugBySha = new ConcurrentHashMap<>();
    private final Set<String> publishedSlugs = ConcurrentHashMap.newKeySet();

    public void remember(BundleManifest manifest) {
        slugBySha.putIfAbsent(manifest.sourceSha256(), manifest.slug());
        publishedSlugs.add(manifest.slug());
    }

    public void remember(String sha256, String slug) {
        slugBySha.putIfAbsent(sha256, slug);
    }

    /** Route step after publishing: the slug has a bundle. Returns the result unchanged. */
    public Published published(Published result) {
        publishedSlugs.add(result.manifest().slug());
        return result;
    }

    /**
     * Claims this content for the slug, atomically (workers run in parallel): returns the
     * other slug it was already accepted under, if any. A slug that had a bundle and has none
     * now (deleted by hand while the pipeline runs) holds its content no more: it went to the
     * duplicate_of a page that no longer exists, and was published nowhere until a restart.
     * One whose bundle is not written yet (the same content dropped under two names at once)
     * still does.
     *
     * @param hasBundle whether a slug has a bundle now
     */
    public Optional<String> claim(String sha256, String slug, Predicate<String> hasBundle) {
        while (true) {
            String known = slugBySha.putIfAbsent(sha256, slug);
            if (known == null || known.equals(slug)) {
                return Optional.empty();
            }
            if (!publishedSlugs.contains(known) || hasBundle.test(known)) {
                return Optional.of(known);
            }
            if (slugBySha.replace(sha256, known, slug)) {
                return Optional.empty();
            }
            // Another worker took it over meanwhile: look again.
        }
    }
}
