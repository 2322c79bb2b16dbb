package io.contentpipeline.article;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/** One line of outbox/changelog.jsonl. */
public record ChangelogEvent(Instant time, String event, String slug, String lang, Integer version, String file,
                             Map<String, Object> detail) {

    public static final String ARTICLE_ACCEPTED = "article.accepted";
    public static final String ARTICLE_REJECTED = "article.rejected";
    public static final String ARTICLE_UNCHANGED = "article.unchanged";
    public static final String TRANSLATION_REQUESTED = "translation.requested";
    public static final String TRANSLATION_ACCEPTED = "translation.accepted";
    public static final String TRANSLATION_REJECTED = "translation.rejected";
    public static final String TRANSLATION_UNCHANGED = "translation.unchanged";
    /** A published translation now stands for a new source version whose translatable text is the same. */
    public static final String TRANSLATION_CARRIED_FORWARD = "translation.carried-forward";
    /**
     * A new source version asks nothing new of a translator in one language: the draft still out
     * for an earlier version, not returned yet, has the same text to translate, so it stands for
     * this version and no new draft is written.
     */
    public static final String TRANSLATION_REQUEST_KEPT = "translation.request-kept";
    public static final String BUNDLE_PUBLISHED = "bundle.published";
    /** Detail key of the input's digest: in the changelog, left out of the log line. */
    public static final String SHA256 = "sha256";
    /** Detail key of why nothing was done, in words: shown in the log line and in CHANGELOG.md. */
    public static final String REASON = "reason";
    /** Detail key of the time a bundle took a translation in: in the changelog, left out of the log line. */
    public static final String ACCEPTED_AT = "accepted_at";
    /**
     * Detail key of the events of a version published again after its bundle was deleted by hand:
     * the how-manieth time (1, 2…), which keeps them once per restoration.
     */
    public static final String RESTORED = "restored";

    public ChangelogEvent {
        // In the order given, so that log lines and changelog entries read alike from one to the next.
        detail = detail == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    public static ChangelogEvent now(String event, String slug, String lang, Integer version, String file,
                                     Map<String, Object> detail) {
        return new ChangelogEvent(Instant.now(), event, slug, lang, version, file, detail);
    }

    /**
     * A bundle's files are in place: its languages now, and the digest of the input (article or
     * translation) that changed it, which keeps the event once per change.
     */
    public static ChangelogEvent bundlePublished(String slug, String lang, int version, Collection<String> languages, String sha256) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("languages", List.copyOf(languages));
        detail.put(SHA256, sha256);
        return now(BUNDLE_PUBLISHED, slug, lang, version, "outbox/published/" + slug + "/", detail);
    }

    /**
     * A translation carried forward: the source's new version changed nothing a translator
     * translates, so its published translation is current for that version. Named by the new
     * source's digest, which keeps the event once per source version.
     *
     * @param translatedVersion the source version the translator worked from
     */
    public static ChangelogEvent translationCarriedForward(String slug, String lang, int version, int translatedVersion,
                                                           String sha256) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("translated_version", translatedVersion);
        detail.put(SHA256, sha256);
        return now(TRANSLATION_CARRIED_FORWARD, slug, lang, version, "outbox/published/" + slug + "/index." + lang + ".md", detail);
    }

    /**
     * A draft still out stands for a new source version: no new draft is written in this language,
     * since the text to translate is the same as the draft's. Named by the new source's digest,
     * which keeps the event once per source version.
     *
     * @param draftVersion the source version the draft out was made for
     * @param draftFile    where that draft is, relative to the home
     */
    public static ChangelogEvent translationRequestKept(String slug, String lang, int version, int draftVersion,
                                                        String draftFile, String sha256) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("requested_version", draftVersion);
        detail.put(REASON, "no new draft: translatable text unchanged since v" + draftVersion + ", whose draft is still out");
        detail.put(SHA256, sha256);
        return now(TRANSLATION_REQUEST_KEPT, slug, lang, version, draftFile, detail);
    }

    /**
     * Events that describe a state reached (accepted, requested, published) happen once per
     * slug, language, version and input; replaying an input after a crash must not repeat them.
     */
    public boolean happensOnce() {
        return !event.endsWith(".rejected") && !event.endsWith(".unchanged");
    }

    /**
     * Slug, language, version and, when the event names them, the digest of the input that
     * caused it and the time the bundle took a translation in: a second, different
     * translation of one source version is a new event, and so is the same file accepted
     * again later; the same acceptance replayed after a crash is not.
     */
    public String onceKey() {
        String key = versionKey() + '|' + detail.getOrDefault(SHA256, "");
        // A version published again after its bundle was deleted: once per restoration.
        if (detail.containsKey(RESTORED)) {
            key = key + "|restored " + detail.get(RESTORED);
        }
        // A translation accepted again later (A, then B, then A) is a new event; its replay is not.
        return detail.containsKey(ACCEPTED_AT) ? key + '|' + detail.get(ACCEPTED_AT) : key;
    }

    /** This event as one of the {@code restoration}-th publication of its version again (none when 0). */
    public ChangelogEvent restored(int restoration) {
        if (restoration == 0) {
            return this;
        }
        Map<String, Object> withRestoration = new LinkedHashMap<>(detail);
        withRestoration.put(RESTORED, restoration);
        return new ChangelogEvent(time, event, slug, lang, version, file, withRestoration);
    }

    /** This event with the time the bundle took the translation in, when known (bundles written before have none). */
    public ChangelogEvent acceptedAt(Instant acceptedAt) {
        if (acceptedAt == null) {
            return this;
        }
        Map<String, Object> withTime = new LinkedHashMap<>(detail);
        withTime.put(ACCEPTED_AT, acceptedAt.toString());
        return new ChangelogEvent(time, event, slug, lang, version, file, withTime);
    }

    /** The key without the digest, as changelogs written before digests were part of it knew events. */
    public String versionKey() {
        return event + '|' + slug + '|' + lang + '|' + version;
    }
}
