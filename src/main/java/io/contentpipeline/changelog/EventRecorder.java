package io.contentpipeline.changelog;

import io.contentpipeline.article.HasEvents;
import org.apache.camel.Exchange;

import java.io.IOException;

/** The route step that records a stage's events, naming the route and the time spent so far. */
public final class EventRecorder {

    private final Changelog changelog;

    public EventRecorder(Changelog changelog) {
        this.changelog = changelog;
    }

    public Object record(Exchange exchange) throws IOException {
        HasEvents result = exchange.getMessage().getBody(HasEvents.class);
        changelog.record(result, exchange.getFromRouteId(), exchange.getClock().elapsed());
        return result;
    }
}
