package io.contentpipeline.version;

import io.contentpipeline.publish.BundleManifest;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which slug each accepted content belongs to, so that one file dropped under two names
 * (two slugs made from two file names) is published once. Loaded from the bundles at
 * start, kept current by the version stage.
 */
public final class ContentIndex {

    private final Map<String, String> slugBySha = new ConcurrentHashMap<>();

    public void remember(BundleManifest manifest) {
        slugBySha.putIfAbsent(manifest.sourceSha256(), manifest.slug());
    }

    public void remember(String sha256, String slug) {
        slugBySha.putIfAbsent(sha256, slug);
    }

    /**
     * Claims this content for the slug, atomically (workers run in parallel): returns the
     * other slug it was already accepted under, if any.
     */
    public Optional<String> claim(String sha256, String slug) {
        String known = slugBySha.putIfAbsent(sha256, slug);
        return known == null || known.equals(slug) ? Optional.empty() : Optional.of(known);
    }
}
