package io.contentpipeline.publish;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Where one target language stands for an article: {@code requested} (a draft is out),
 * {@code current}, {@code outdated} (the accepted translation is for an older version;
 * a new draft is out) or {@code rejected} (the last return was rejected).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TranslationState(String status, int requestedVersion, Instant requestedAt, Instant updatedAt) {

    public static final String REQUESTED = "requested";
    public static final String REJECTED = "rejected";

    /**
     * The state once a new source version's draft for this language is out. The language waits
     * from its first request not answered by a current translation: a language still waiting
     * keeps its {@code requestedAt}, also when the new version adds work (an article edited
     * while its translation is owed must not hide how long it has been owed); one that was
     * current, or had no draft yet, starts waiting now.
     *
     * @param before the state before this version, or null
     */
    public static TranslationState afterNewVersion(TranslationState before, String status, int version, Instant when) {
        boolean waiting = before != null && before.requestedAt() != null && !LanguageEntry.CURRENT.equals(before.status());
        return new TranslationState(status, version, waiting ? before.requestedAt() : when, when);
    }

    /**
     * The state after a return was accepted: its status now, and the version of the draft out
     * after it, the bundle's (a new draft for it is issued when the return is outdated, or
     * written complete when it is carried forward); the wait is kept, as before.
     */
    public TranslationState afterReturn(String newStatus, int bundleVersion, Instant when) {
        return new TranslationState(newStatus, bundleVersion, requestedAt, when);
    }

    public TranslationState with(String newStatus, Instant when) {
        return new TranslationState(newStatus, requestedVersion, requestedAt, when);
    }

    /**
     * The state after a return was rejected. Only a translation still awaited becomes
     * {@code rejected}: a current one stays current and published, since a bad file dropped
     * by mistake does not unpublish a good translation.
     */
    public TranslationState afterRejectedReturn(Instant when) {
        return LanguageEntry.CURRENT.equals(status) ? this : with(REJECTED, when);
    }
}
