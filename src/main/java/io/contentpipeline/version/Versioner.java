package io.contentpipeline.version;

import io.contentpipeline.article.Article;
import io.contentpipeline.publish.BundleManifest;
import io.contentpipeline.publish.BundleStore;

import java.io.IOException;
import java.util.Optional;

/**
 * The version stage: compares an article's content digest with the published bundle of
 * its slug. The same content again is "unchanged"; different content is the next version.
 */
public final class Versioner {

    private final BundleStore bundles;

    public Versioner(BundleStore bundles) {
        this.bundles = bundles;
    }

    public VersionedArticle version(Article article) throws IOException {
        Optional<BundleManifest> published = bundles.manifest(article.slug());
        if (published.isEmpty()) {
            return new VersionedArticle(article, 1, false);
        }
        BundleManifest manifest = published.get();
        if (manifest.sourceSha256().equals(article.sha256())) {
            return new VersionedArticle(article, manifest.version(), true);
        }
        return new VersionedArticle(article, manifest.version() + 1, false);
    }
}
