package io.contentpipeline.translate;

import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.article.HasEvents;
import io.contentpipeline.version.VersionedArticle;

import java.util.List;

/** The translate stage's result: the article, and one translation.requested per draft written. */
public record DraftsWritten(VersionedArticle versioned, List<String> languages, List<ChangelogEvent> events)
        implements HasEvents {

    public DraftsWritten {
        languages = List.copyOf(languages);
        events = List.copyOf(events);
    }
}
