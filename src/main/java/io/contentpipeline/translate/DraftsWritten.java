package io.contentpipeline.translate;

import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.article.HasEvents;
import io.contentpipeline.version.VersionedArticle;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The translate stage's result: the article, its target languages, one translation.requested
 * per draft that asks a translator for work, the languages whose published translation needs
 * none for this version ({@code carried}): the publish stage carries those forward as current;
 * and the languages whose draft still out, for an earlier version with the same text to
 * translate, stands for this one ({@code kept}): no draft was written for them, and the publish
 * stage leaves their request as it is (one translation.request-kept each says why).
 */
public record DraftsWritten(VersionedArticle versioned, List<String> languages, List<ChangelogEvent> events,
                            Map<String, Carried> carried, Map<String, Kept> kept) implements HasEvents {

    /**
     * A target language whose accepted translation is a whole translation of this version: the translatable text is the same and the draft
     * reuses every segment. Its draft was written all the same (pre-filled, nothing to do),
     * for whoever revises the translation later; {@code requested} is that draft's event,
     * logged only if the translation cannot be carried forward after all (another one was
     * accepted meanwhile).
     *
     * @param fromVersion the source version the published translation stood for when the draft was written
     */
    public record Carried(int fromVersion, ChangelogEvent requested) {
    }

    /**
     * A target language whose draft out (written for {@code draftVersion}, not returned yet) has
     * this version's text to translate: its request stands, with no new draft. The decision holds
     * while the language's accepted translation is the one seen when it was made
     * ({@code seenAcceptedAt}, null for none): a return accepted between the translate and the
     * publish stage (the slug's lock is given back in between) changes what this version's draft
     * would reuse, so the publish stage then has the draft written after all ({@code redraft}).
     */
    public record Kept(int draftVersion, Instant seenAcceptedAt, Redraft redraft) {
    }

    /** Writes this version's draft for a kept language, as the translate stage would have; called under the slug's lock. */
    @FunctionalInterface
    public interface Redraft {
        Redrafted write() throws IOException;
    }

    /**
     * A draft written late for a kept language: its translation.requested, and the source version
     * the accepted translation stood for when the draft is a whole translation of this version
     * (carried forward, as {@link Carried}), else null.
     */
    public record Redrafted(ChangelogEvent requested, Integer carriedFrom) {
    }

    public DraftsWritten {
        languages = List.copyOf(languages);
        events = List.copyOf(events);
        carried = Map.copyOf(carried);
        kept = Map.copyOf(kept);
    }

    public DraftsWritten(VersionedArticle versioned, List<String> languages, List<ChangelogEvent> events) {
        this(versioned, languages, events, Map.of(), Map.of());
    }

    /** The target languages a translator has new work in: every draft written but those carried forward. */
    public List<String> requested() {
        return languages.stream().filter(language -> !carried.containsKey(language) && !kept.containsKey(language)).toList();
    }
}
