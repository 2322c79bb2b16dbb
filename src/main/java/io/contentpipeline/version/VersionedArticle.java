package io.contentpipeline.version;

import io.contentpipeline.article.Article;
import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.article.HasEvents;
import io.contentpipeline.article.InputInBundle;
import io.contentpipeline.article.Problem;
import io.contentpipeline.publish.BundleManifest;
import io.contentpipeline.publish.LanguageEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article with its place in its slug's history: version 1 for a new slug, +1 per change,
 * or unchanged (the same content again, or the same content under another slug).
 * {@code restoration} is 0, or the how-manieth time a version whose bundle was deleted by hand
 * is published again; its events say so ({@link ChangelogEvent#restored}).
 */
public record VersionedArticle(Article article, int version, boolean unchanged, String duplicateOf,
                               BundleManifest published, int restoration) implements HasEvents, InputInBundle.Named {

    static VersionedArticle newVersion(Article article, int version, int restoration) {
        return new VersionedArticle(article, version, false, null, null, restoration);
    }

    /** @param restoration the restoration the bundle in place was published as, when its bundle.published may not be logged yet; else 0 */
    static VersionedArticle sameContent(Article article, BundleManifest published, int restoration) {
        return new VersionedArticle(article, published.version(), true, null, published, restoration);
    }

    static VersionedArticle sameContentAs(Article article, String otherSlug) {
        return new VersionedArticle(article, 0, true, otherSlug, null, 0);
    }

    @Override
    public List<ChangelogEvent> events() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put(ChangelogEvent.SHA256, article.sha256());
        if (!unchanged) {
            if (!article.warnings().isEmpty()) {
                detail.put("warnings", article.warnings().stream().map(Problem::describe).toList());
            }
            return List.of(ChangelogEvent.now(ChangelogEvent.ARTICLE_ACCEPTED, article.slug(), article.language(), version,
                    article.fileName(), detail).restored(restoration));
        }
        if (duplicateOf != null) {
            detail.put("duplicate_of", duplicateOf);
            return List.of(ChangelogEvent.now(ChangelogEvent.ARTICLE_UNCHANGED, article.slug(), article.language(), null,
                    article.fileName(), detail));
        }
        List<ChangelogEvent> events = new ArrayList<>();
        // Not logged when this file is the input the bundle took in, replayed after a crash
        // (InboxFiles.recordTakenIn): nobody dropped it twice.
        events.add(ChangelogEvent.now(ChangelogEvent.ARTICLE_UNCHANGED, article.slug(), article.language(), version,
                article.fileName(), detail));
        // After a crash between publishing and recording it, the replayed input completes the log;
        // the changelog drops these when they were recorded already. (article.accepted and the
        // drafts' translation.requested were recorded before the bundle changed.) A translation
        // carried forward to this version says so in bundle.json (translated_version).
        published.languages().forEach((language, entry) -> {
            if (entry.translatedVersion() != null && entry.sourceVersion() == version
                    && LanguageEntry.CURRENT.equals(entry.status())) {
                events.add(ChangelogEvent.translationCarriedForward(article.slug(), language, version, entry.translatedVersion(),
                        article.sha256()));
            }
        });
        // A restoration's bundle.published is its own event (restored=N): the first publication's is
        // logged already, and would not stand for it.
        events.add(ChangelogEvent.bundlePublished(article.slug(), published.sourceLanguage(), version,
                published.languages().keySet(), article.sha256()).restored(restoration));
        return events;
    }

    /** For the same content again: the input the bundle took it from (maybe this very file, replayed). */
    @Override
    public InputInBundle inputInBundle() {
        if (!unchanged || published == null) {
            return null;
        }
        LanguageEntry source = published.languages().get(published.sourceLanguage());
        return source == null ? null : new InputInBundle(source.inputFile(), source.acceptedAt());
    }
}
