package io.contentpipeline.version;

import io.contentpipeline.article.Article;
import io.contentpipeline.publish.BundleManifest;
import io.contentpipeline.publish.BundleStore;

import java.io.IOException;
import java.util.Optional;

/**
 * The version stage: compares an article's content digest with the published bundle of
 * its slug. The same content again is "unchanged"; different content is the next version;
 * content already published under another slug (one file dropped under two names) is a
 * duplicate and is not published again.
 */
public final class Versioner {

    private final BundleStore bundles;
    private final ContentIndex contents;

    public Versioner(BundleStore bundles, ContentIndex contents) {
        this.bundles = bundles;
        this.contents = contents;
    }

    public VersionedArticle version(Article article) throws IOException {
        Optional<BundleManifest> published = bundles.manifest(article.slug());
        if (published.isEmpty()) {
            Optional<String> duplicate = contents.claim(article.sha256(), article.slug());
            return duplicate.isPresent() ? VersionedArticle.sameContentAs(article, duplicate.get())
                    : VersionedArticle.newVersion(article, 1);
        }
        BundleManifest manifest = published.get();
        if (manifest.sourceSha256().equals(article.sha256())) {
            return VersionedArticle.sameContent(article, manifest);
        }
        contents.remember(article.sha256(), article.slug());
        return VersionedArticle.newVersion(article, manifest.version() + 1);
    }
}
