package io.contentpipeline.translate;

import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.article.HasEvents;
import io.contentpipeline.version.VersionedArticle;

import java.util.List;
import java.util.Map;

/**
 * The translate stage's result: the article, the target languages a draft was written for,
 * one translation.requested per draft that asks a translator for work, and the languages
 * whose published translation needs none for this version ({@code carried}): the publish
 * stage carries those forward as current.
 */
public record DraftsWritten(VersionedArticle versioned, List<String> languages, List<ChangelogEvent> events,
                            Map<String, Carried> carried) implements HasEvents {

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

    public DraftsWritten {
        languages = List.copyOf(languages);
        events = List.copyOf(events);
        carried = Map.copyOf(carried);
    }

    public DraftsWritten(VersionedArticle versioned, List<String> languages, List<ChangelogEvent> events) {
        this(versioned, languages, events, Map.of());
    }

    /** The target languages a translator has work in: every draft written but those carried forward. */
    public List<String> requested() {
        return languages.stream().filter(language -> !carried.containsKey(language)).toList();
    }
}
