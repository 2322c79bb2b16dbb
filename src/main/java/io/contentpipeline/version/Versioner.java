package io.contentpipeline.version;

import io.contentpipeline.article.Article;
import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.publish.BundleManifest;
import io.contentpipeline.publish.BundleStore;
import io.contentpipeline.publish.LanguageEntry;

import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.files.HomeLayout;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The version stage: compares an article's content digest with the published bundle of
 * its slug. The same content again is "unchanged"; different content is the next version;
 * content already published under another slug (one file dropped under two names) is a
 * duplicate and is not published again.
 */
public final class Versioner {

    private final BundleStore bundles;
    private final ContentIndex contents;
    private final SourceArchive sources;
    private final Predicate<ChangelogEvent> logged;

    /** @param logged whether an event that happens once is in the changelog already */
    public Versioner(BundleStore bundles, ContentIndex contents, SourceArchive sources, Predicate<ChangelogEvent> logged) {
        this.bundles = bundles;
        this.contents = contents;
        this.sources = sources;
        this.logged = logged;
    }

    public VersionedArticle version(Article article) throws IOException {
        Optional<BundleManifest> published = bundles.manifest(article.slug());
        if (published.isEmpty()) {
            Optional<String> duplicate = contents.claim(article.sha256(), article.slug(), this::hasBundle);
            if (duplicate.isPresent()) {
                return VersionedArticle.sameContentAs(article, duplicate.get());
            }
            int version = unpublishedVersion(article);
            return VersionedArticle.newVersion(article, version, restoration(article, version));
        }
        BundleManifest manifest = published.get();
        if (manifest.sourceSha256().equals(article.sha256())) {
            return VersionedArticle.sameContent(article, manifest, unloggedRestoration(article, manifest));
        }
        Article next = article;
        if (!manifest.sourceLanguage().equals(article.language())) {
            if (article.languageAssumed()) {
                // Too little prose to tell: the language the slug is published in stands.
                next = article.inLanguage(manifest.sourceLanguage());
            } else if (!wasAssumed(manifest)) {
                throw languageChanged(article, manifest);
            }
            // Else the published language was only assumed, and the author now says (or the
            // detector knows) better: the new language replaces it.
        }
        String previousFile = manifest.languages().get(manifest.sourceLanguage()).inputFile();
        if (previousFile != null && !previousFile.equals(next.fileName())) {
            next = next.withWarning(Problem.warning("slug-from-other-file", "slug", "version " + (manifest.version() + 1) + " of '"
                    + next.slug() + "' comes from " + next.fileName() + ", and version " + manifest.version() + " came from "
                    + previousFile + ": if they are two articles, give this one its own slug", next.frontMatter().line("slug")));
        }
        contents.remember(next.sha256(), next.slug());
        return VersionedArticle.newVersion(next, manifest.version() + 1, 0);
    }

    /**
     * The version of an article whose slug has no bundle. Versions kept in outbox/sources/ go
     * on: the newest one again when it is this very article (kept, then not published: the
     * outbox failed, or the process died), else the next one (the bundle was deleted by hand,
     * and an archived version, which returns of it are checked against, must not be replaced).
     */
    private int unpublishedVersion(Article article) throws IOException {
        int latest = sources.latestVersion(article.slug());
        return sources.keepsAsLatest(article, latest) ? latest : latest + 1;
    }

    /** Whether a slug has a bundle, read under its lock: a bundle being replaced is missing for an instant. */
    private boolean hasBundle(String slug) {
        try {
            return bundles.locked(slug, () -> bundles.exists(slug));
        } catch (Exception e) {
            return true; // not thrown by exists; were it, the content stays the other slug's, as before
        }
    }

    /**
     * 0, or the how-manieth time this very version is published again: its bundle.published is
     * in the log, and its bundle is gone (deleted by hand). Its events carry the number: each
     * was in the log already, so the bundle came back without a line in the log or the
     * changelog. A version kept and then not published (the outbox failed, the process died) has
     * no bundle.published yet, and an attempt that fails before publishing leaves the number
     * to the next one, so that a retry repeats no event.
     */
    private int restoration(Article article, int version) {
        return restoration(article.slug(), article.language(), version, article.sha256());
    }

    private int restoration(String slug, String language, int version, String sha256) {
        ChangelogEvent published = ChangelogEvent.bundlePublished(slug, language, version, List.of(), sha256);
        if (!logged.test(published)) {
            return 0;
        }
        int restoration = 1;
        while (logged.test(published.restored(restoration))) {
            restoration++;
        }
        return restoration;
    }

    /**
     * For the same content as the bundle in place: the restoration that bundle was published as,
     * when the process died after it was back in place and before its bundle.published was
     * appended; else 0. Such a restoration's article.accepted is in the log (it is recorded
     * before the bundle changes) while its bundle.published is not. The input replayed then
     * wrote back the first publication's bundle.published, logged long before, so the restored
     * one was never written, and the next restoration took its number again.
     */
    private int unloggedRestoration(Article article, BundleManifest manifest) {
        int restoration = restoration(article.slug(), manifest.sourceLanguage(), manifest.version(), article.sha256());
        if (restoration == 0) {
            return 0;
        }
        ChangelogEvent accepted = ChangelogEvent.now(ChangelogEvent.ARTICLE_ACCEPTED, article.slug(), manifest.sourceLanguage(),
                manifest.version(), article.fileName(), Map.of(ChangelogEvent.SHA256, article.sha256())).restored(restoration);
        return logged.test(accepted) ? restoration : 0;
    }

    private static boolean wasAssumed(BundleManifest manifest) {
        LanguageEntry source = manifest.languages().get(manifest.sourceLanguage());
        return Problem.anyHas(source.warnings(), Problem.LANGUAGE_ASSUMED);
    }

    /**
     * A slug keeps its source language: the English page of a French article dropped as an
     * article (a bilingual site migrated file by file) would otherwise replace the French
     * page and orphan its translations.
     */
    private static RejectedInputException languageChanged(Article article, BundleManifest manifest) {
        String published = manifest.sourceLanguage();
        String folder = HomeLayout.returnsFolder(article.language()) + "/";
        return new RejectedInputException(article.slug(), List.of(Problem.error("source-language-changed", "lang",
                "'" + article.slug() + "' is published from a source in '" + published + "', and this file is in '" + article.language()
                        + "': an article keeps its source language. Send a translation through " + folder
                        + " (from its draft), give this article its own slug, or add lang: " + published + " if it is in fact in '"
                        + published + "'", article.frontMatter().line("lang"))));
    }
}
