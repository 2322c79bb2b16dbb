package io.contentpipeline.intake;

import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.article.HasEvents;

import java.util.List;

/** A rejected input: what it was (article or translation), the slug and language when known, and its event. */
public record Rejection(String kind, String slug, String language, List<ChangelogEvent> events) implements HasEvents {

    public Rejection {
        events = List.copyOf(events);
    }

    public boolean isTranslation() {
        return "translation".equals(kind);
    }
}
