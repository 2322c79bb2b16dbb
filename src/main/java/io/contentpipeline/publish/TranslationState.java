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
