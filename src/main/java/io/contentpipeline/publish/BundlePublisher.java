package io.contentpipeline.publish;

import io.contentpipeline.article.Article;
import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.article.Derived;
import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.SummarySource;
import io.contentpipeline.intake.Rejection;
import io.contentpipeline.language.DetectedLanguage;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.translate.AcceptedTranslation;
import io.contentpipeline.translate.DraftsWritten;
import io.contentpipeline.translate.TranslatableFields;
import io.contentpipeline.version.SourceArchive;
import io.contentpipeline.version.VersionedArticle;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The publish stage: (re)builds an article's bundle when its source is accepted or a
 * translation joins it. Every update reads the bundle as it stands under the slug's lock,
 * so a translation arriving while the source changes is never lost.
 */
public final class BundlePublisher {

    private final BundleStore store;
    private final BundleRenderer renderer;
    private final ArticleParser parser;
    private final SourceArchive sources;

    public BundlePublisher(BundleStore store, MarkdownEngine markdown, PublicUrls urls, ArticleParser parser, SourceArchive sources) {
        this.store = store;
        this.sources = sources;
        this.renderer = new BundleRenderer(markdown, urls);
        this.parser = parser;
    }

    /**
     * A new source version joins its bundle. Every published translation takes the new
     * source's front matter outside the translatable fields ({@code draft}, dates, author…),
     * keeping its translated fields and body. One whose draft for this version needs nothing
     * (the translate stage found the same translatable text, every segment reused) is carried
     * forward: current for this version, with a translation.carried-forward event; the others
     * are outdated until their new draft comes back. A language whose draft out stands for this
     * version (kept by the translate stage) keeps its request as it was: status, version
     * requested and waiting time.
     */
    public Published publishSource(DraftsWritten drafted) throws Exception {
        VersionedArticle versioned = drafted.versioned();
        Article article = versioned.article();
        int version = versioned.version();
        return store.locked(article.slug(), () -> {
            BundleManifest previous = store.manifest(article.slug()).orElse(null);
            Map<String, DraftsWritten.Redrafted> redrafted = redraftedSince(drafted, previous);
            Map<String, DraftsWritten.Carried> carriedForward = new LinkedHashMap<>(drafted.carried());
            redrafted.forEach((language, draft) -> {
                if (draft.carriedFrom() != null) {
                    carriedForward.put(language, new DraftsWritten.Carried(draft.carriedFrom(), draft.requested()));
                }
            });
            Map<String, LanguageVersion> versions = new LinkedHashMap<>();
            LanguageVersion source = sourceVersion(versioned);
            versions.put(article.language(), source);
            List<ChangelogEvent> events = new ArrayList<>();
            for (LanguageVersion translation : translations(previous)) {
                if (translation.language().equals(article.language())) {
                    continue; // the source is now in this language (its earlier language was only assumed)
                }
                DraftsWritten.Carried carried = carriedForward.get(translation.language());
                if (carried != null && carried.fromVersion() == translation.sourceVersion()) {
                    // By position: the translatable text, related articles' anchors included, is unchanged.
                    FrontMatter frontMatter = translated(TranslatableFields.merge(source.frontMatter(), translation.frontMatter()),
                            translation, article.slug());
                    versions.put(translation.language(), translation.republished(frontMatter, LanguageEntry.CURRENT, version,
                            translation.translatedFrom()));
                    events.add(ChangelogEvent.translationCarriedForward(article.slug(), translation.language(), version,
                            translation.translatedFrom(), article.sha256()));
                } else {
                    FrontMatter frontMatter = translated(TranslatableFields.refresh(source.frontMatter(), translation.frontMatter()),
                            translation, article.slug());
                    String status = translation.sourceVersion() < version ? LanguageEntry.OUTDATED : LanguageEntry.CURRENT;
                    versions.put(translation.language(), translation.republished(frontMatter, status, translation.sourceVersion(),
                            translation.translatedVersion()));
                }
            }
            // A translation of another version was accepted after its draft was written: the
            // draft is out after all, and awaited.
            carriedForward.forEach((language, carried) -> {
                LanguageVersion republished = versions.get(language);
                if (republished == null || !LanguageEntry.CURRENT.equals(republished.status()) || republished.sourceVersion() != version) {
                    events.add(carried.requested());
                }
            });
            redrafted.forEach((language, draft) -> {
                if (draft.carriedFrom() == null) {
                    events.add(draft.requested());
                }
            });
            Instant now = Instant.now();
            Map<String, TranslationState> states = new LinkedHashMap<>(previous == null ? Map.of() : previous.translations());
            states.remove(article.language());
            for (String language : drafted.languages()) {
                if (drafted.kept().containsKey(language) && !redrafted.containsKey(language)) {
                    continue; // the draft out stands for this version: its request, and its wait, are as they were
                }
                LanguageVersion existing = versions.get(language);
                String status = existing == null ? TranslationState.REQUESTED : existing.status();
                states.put(language, TranslationState.afterNewVersion(states.get(language), status, versioned.version(), now));
            }
            BundleManifest manifest = write(article.slug(), version, article.language(), article.sha256(), versions, states);
            events.add(published(manifest, article.language(), article.sha256()).restored(versioned.restoration()));
            return new Published(manifest, article.language(), events);
        });
    }

    /**
     * The kept languages (see {@link DraftsWritten.Kept}) whose draft must go out after all,
     * written now, under the slug's lock and before the bundle changes: those whose accepted
     * translation is no longer the one the translate stage saw (a return was accepted in
     * between), or whose bundle is gone.
     */
    private static Map<String, DraftsWritten.Redrafted> redraftedSince(DraftsWritten drafted, BundleManifest bundle)
            throws IOException {
        Map<String, DraftsWritten.Redrafted> redrafted = new LinkedHashMap<>();
        for (Map.Entry<String, DraftsWritten.Kept> kept : drafted.kept().entrySet()) {
            LanguageEntry entry = bundle == null ? null : bundle.languages().get(kept.getKey());
            Instant acceptedAt = entry == null ? null : entry.acceptedAt();
            if (bundle == null || !Objects.equals(acceptedAt, kept.getValue().seenAcceptedAt())) {
                redrafted.put(kept.getKey(), kept.getValue().redraft().write());
            }
        }
        return redrafted;
    }

    public Published publishTranslation(AcceptedTranslation translation) throws Exception {
        return store.locked(translation.slug(), () -> {
            BundleManifest previous = store.manifest(translation.slug())
                    .orElseThrow(() -> new IllegalStateException("bundle vanished: " + translation.slug()));
            LanguageEntry existing = previous.languages().get(translation.language());
            if (existing != null && translation.inputSha256().equals(existing.inputSha256())) {
                return new Published(previous, translation.language(), takenInAlready(translation, previous, existing));
            }
            Map<String, LanguageVersion> versions = new LinkedHashMap<>();
            LanguageVersion source = load(previous, previous.sourceLanguage());
            versions.put(source.language(), source);
            for (LanguageVersion other : translations(previous)) {
                versions.put(other.language(), other);
            }
            // Made for an older version with the same text to translate as the current one: carried
            // forward to it, unless another version came since that was decided.
            boolean carried = translation.carriedTo() != null && translation.carriedTo() == previous.version();
            String status = translation.sourceVersion() == previous.version() || carried ? LanguageEntry.CURRENT : LanguageEntry.OUTDATED;
            // A translation of an older version lists its related articles in that version's order:
            // an outdated one takes its anchors by URL, as a published outdated translation does
            // when a new version comes; the others are laid over the current source item by item.
            FrontMatter merged = translated(LanguageEntry.OUTDATED.equals(status)
                            ? TranslatableFields.mergeOutdated(source.frontMatter(),
                                    archivedSource(previous.slug(), translation.sourceVersion()), translation.frontMatter())
                            : TranslatableFields.merge(source.frontMatter(), translation.frontMatter()),
                    translation.derived(), previous.slug());
            Instant now = Instant.now();
            versions.put(translation.language(), new LanguageVersion(translation.language(), merged, translation.body(),
                    translation.derived(), status, carried ? previous.version() : translation.sourceVersion(),
                    carried ? translation.sourceVersion() : null, translation.warnings(),
                    translation.inputSha256(), translation.fileName(), now));
            Map<String, TranslationState> states = new LinkedHashMap<>(previous.translations());
            TranslationState state = states.get(translation.language());
            // Whatever version the return was made for, the draft out after it is the current version's
            // (reissueAfterReturn): a draft that stood for later versions (translation.request-kept) was
            // made for an earlier one.
            states.put(translation.language(), state == null
                    ? new TranslationState(status, previous.version(), now, now) : state.afterReturn(status, previous.version(), now));
            BundleManifest manifest = write(previous.slug(), previous.version(), previous.sourceLanguage(),
                    previous.sourceSha256(), versions, states);
            List<ChangelogEvent> events = new ArrayList<>();
            events.add(accepted(translation, status, now));
            if (carried) {
                events.add(ChangelogEvent.translationCarriedForward(previous.slug(), translation.language(), previous.version(),
                        translation.sourceVersion(), previous.sourceSha256()));
            }
            events.add(published(manifest, translation.language(), translation.inputSha256()).acceptedAt(now));
            return new Published(manifest, translation.language(), events);
        });
    }

    /**
     * The bundle already holds this translation's content: the same file dropped again, or the
     * very input it took in, replayed after a crash between publishing and logging it. Either way
     * the events of its acceptance are given again, as they were first written (the bundle's
     * {@code accepted_at} keeps them once), so that a replay completes the log; the changelog
     * drops those it holds. {@code translation.unchanged} comes first: the intake leaves it out
     * when the file is the input itself (InboxFiles.recordTakenIn).
     */
    private static List<ChangelogEvent> takenInAlready(AcceptedTranslation translation, BundleManifest bundle,
                                                       LanguageEntry existing) {
        List<ChangelogEvent> events = new ArrayList<>();
        events.add(ChangelogEvent.now(ChangelogEvent.TRANSLATION_UNCHANGED, translation.slug(), translation.language(),
                translation.sourceVersion(), translation.fileName(), Map.of()));
        events.add(accepted(translation, existing.status(), existing.acceptedAt()));
        // Its carrying forward to the current version, when it was carried on its arrival (or by
        // a source version since: then that event is in the log already).
        if (LanguageEntry.CURRENT.equals(existing.status()) && existing.translatedVersion() != null
                && existing.sourceVersion() == bundle.version()) {
            events.add(ChangelogEvent.translationCarriedForward(bundle.slug(), translation.language(), bundle.version(),
                    existing.translatedVersion(), bundle.sourceSha256()));
        }
        // Its publication, which names the version the bundle had then: the current one, unless
        // the source had a new version since. Then that version's own bundle.published, which
        // lists this language, stands for it.
        if (bundle.tookInUnderCurrentVersion(translation.language())) {
            events.add(published(bundle, translation.language(), translation.inputSha256()).acceptedAt(existing.acceptedAt()));
        }
        return events;
    }

    /**
     * A returned translation of a published article was rejected: a language still awaiting
     * its translation shows {@code rejected} in bundle.json until a return is accepted.
     * Returns the rejection unchanged.
     */
    public Rejection recordRejection(Rejection rejection) throws Exception {
        if (!rejection.isTranslation() || rejection.slug() == null || rejection.language() == null) {
            return rejection;
        }
        return store.locked(rejection.slug(), () -> {
            var manifest = store.manifest(rejection.slug());
            if (manifest.isPresent() && !rejection.language().equals(manifest.get().sourceLanguage())) {
                BundleManifest current = manifest.get();
                Map<String, TranslationState> states = new LinkedHashMap<>(current.translations());
                Instant now = Instant.now();
                TranslationState state = states.get(rejection.language());
                // A language no draft went out for gains no entry.
                TranslationState after = state == null ? null : state.afterRejectedReturn(now);
                if (after == null || after == state) {
                    return rejection;
                }
                states.put(rejection.language(), after);
                store.replaceManifest(new BundleManifest(current.slug(), current.version(), current.sourceLanguage(),
                        current.sourceSha256(), current.publishedAt(), current.languages(), states));
            }
            return rejection;
        });
    }

    /** A source version as it was accepted, from the source archive (where the draft a return was checked against is too). */
    private FrontMatter archivedSource(String slug, int version) throws IOException {
        String name = "v" + version + ".md";
        String text = sources.source(slug, version)
                .orElseThrow(() -> new IOException("source archive has no " + name + " for " + slug));
        return parser.parseText(new SourceFile(name, null, new byte[0], null), text).frontMatter();
    }

    private BundleManifest write(String slug, int version, String sourceLanguage, String sha256,
                                 Map<String, LanguageVersion> versions, Map<String, TranslationState> states) throws IOException {
        BundleRenderer.Rendered rendered = renderer.render(slug, sourceLanguage, versions);
        BundleManifest manifest = new BundleManifest(slug, version, sourceLanguage, sha256, Instant.now(),
                rendered.entries(), states);
        store.replace(manifest, rendered.files());
        return manifest;
    }

    /** @param acceptedAt when the bundle took this translation in: with the digest, what makes the event once */
    private static ChangelogEvent accepted(AcceptedTranslation translation, String status, Instant acceptedAt) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", status);
        if (!translation.warnings().isEmpty()) {
            detail.put("warnings", translation.warnings().stream().map(io.contentpipeline.article.Problem::describe).toList());
        }
        detail.put(ChangelogEvent.SHA256, translation.inputSha256());
        return ChangelogEvent.now(ChangelogEvent.TRANSLATION_ACCEPTED, translation.slug(), translation.language(),
                translation.sourceVersion(), translation.fileName(), detail).acceptedAt(acceptedAt);
    }

    /** @param sha256 the digest of the input that changed the bundle */
    private static ChangelogEvent published(BundleManifest manifest, String language, String sha256) {
        return ChangelogEvent.bundlePublished(manifest.slug(), language, manifest.version(), manifest.languages().keySet(), sha256);
    }

    private static LanguageVersion sourceVersion(VersionedArticle versioned) {
        Article article = versioned.article();
        Map<String, Object> fields = withDerived(new LinkedHashMap<>(article.frontMatter().fields()), article.derived(), article.slug());
        return new LanguageVersion(article.language(), new FrontMatter(fields, Map.of()), article.body(), article.derived(),
                LanguageEntry.SOURCE, versioned.version(), null, article.warnings(), article.sha256(), article.fileName(),
                Instant.now());
    }

    /** A translation's front matter from its merged fields, with what Hugo needs that the translation derives. */
    private static FrontMatter translated(Map<String, Object> merged, Derived derived, String slug) {
        return new FrontMatter(withDerived(merged, derived, slug), Map.of());
    }

    private static FrontMatter translated(Map<String, Object> merged, LanguageVersion translation, String slug) {
        return translated(merged, translation.derived(), slug);
    }

    /**
     * Hugo reads these: the slug the bundle is published under (an author's own slug as it was
     * normalised, so that Hugo writes each page at the URL bundle.json gives), the derived
     * summary and description, and the key that links languages (the slug, unless the author
     * set one: a migrated site links its pages by its own keys).
     */
    private static Map<String, Object> withDerived(Map<String, Object> fields, Derived derived, String slug) {
        fields.put("slug", slug);
        fields.putIfAbsent("description", derived.description());
        fields.putIfAbsent("summary", derived.summary());
        fields.putIfAbsent("translationKey", slug);
        return fields;
    }

    private List<LanguageVersion> translations(BundleManifest manifest) throws IOException {
        List<LanguageVersion> translations = new ArrayList<>();
        if (manifest != null) {
            for (String language : manifest.languages().keySet()) {
                if (!language.equals(manifest.sourceLanguage())) {
                    translations.add(load(manifest, language));
                }
            }
        }
        return translations;
    }

    /**
     * A page of a bundle deleted by hand: every update of the bundle fails on it, and is retried,
     * until it is back or the bundle is gone. The operator is told both ways out (a bundle
     * deleted whole is published again when its article is dropped again).
     */
    private static String missingPage(String slug, String name) {
        String bundle = "outbox/published/" + slug + "/";
        return bundle + " lists " + name + ", which is missing (deleted by hand?): put it back, or delete " + bundle
                + " to publish the article again without it";
    }

    /** A published language version read back from its index.&lt;lang&gt;.md and bundle.json entry. */
    private LanguageVersion load(BundleManifest manifest, String language) throws IOException {
        LanguageEntry entry = manifest.languages().get(language);
        String name = "index." + language + ".md";
        String text = store.readFile(manifest.slug(), name)
                .orElseThrow(() -> new IOException(missingPage(manifest.slug(), name)));
        var parsed = parser.parseText(new SourceFile(name, null, new byte[0], null), text);
        Derived derived = new Derived(language, new DetectedLanguage(entry.detectedLanguage(), entry.detectionConfidence()),
                entry.summary(), SummarySource.valueOf(entry.summarySource().toUpperCase()),
                entry.description(), SummarySource.valueOf(entry.descriptionSource().toUpperCase()),
                entry.wordCount(), entry.readingTimeMinutes(), entry.outline(), null, null, List.of());
        return new LanguageVersion(language, parsed.frontMatter(), parsed.body(), derived, entry.status(),
                entry.sourceVersion(), entry.translatedVersion(), entry.warnings() == null ? List.of() : entry.warnings(), entry.inputSha256(), entry.inputFile(),
                entry.acceptedAt());
    }
}
