package io.contentpipeline.publish;

import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.article.HasEvents;
import io.contentpipeline.article.InputInBundle;

import java.util.List;

/**
 * The publish stage's result: the bundle as it now stands, the language that changed, what
 * happened, and which input the bundle holds for that language (this one, or an earlier file
 * of the same content).
 */
public record Published(BundleManifest manifest, String language, List<ChangelogEvent> events)
        implements HasEvents, InputInBundle.Named {

    public Published {
        events = List.copyOf(events);
    }

    /** The same result with these events. */
    public Published withEvents(List<ChangelogEvent> newEvents) {
        return new Published(manifest, language, newEvents);
    }

    @Override
    public InputInBundle inputInBundle() {
        LanguageEntry entry = manifest.languages().get(language);
        return entry == null ? null : new InputInBundle(entry.inputFile(), entry.acceptedAt());
    }
}
