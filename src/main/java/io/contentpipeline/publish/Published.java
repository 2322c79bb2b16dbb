package io.contentpipeline.publish;

import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.article.HasEvents;

import java.util.List;

/** The publish stage's result: the bundle as it now stands, the language that changed, and what happened. */
public record Published(BundleManifest manifest, String language, List<ChangelogEvent> events) implements HasEvents {

    public Published {
        events = List.copyOf(events);
    }
}
