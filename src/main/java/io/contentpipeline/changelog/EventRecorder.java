package io.contentpipeline.changelog;

import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.article.HasEvents;
import org.apache.camel.Exchange;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/** The route step that records a stage's events, naming the route and the time spent so far. */
public final class EventRecorder {

    private final Changelog changelog;
    private final Predicate<Exchange> retryOfStuckInput;

    /**
     * @param retryOfStuckInput whether an exchange is another attempt at an input that stayed in
     *                          the inbox only because it could not be moved out (MoveFailures)
     */
    public EventRecorder(Changelog changelog, Predicate<Exchange> retryOfStuckInput) {
        this.changelog = changelog;
        this.retryOfStuckInput = retryOfStuckInput;
    }

    public Object record(Exchange exchange) throws IOException {
        HasEvents result = exchange.getMessage().getBody(HasEvents.class);
        HasEvents toRecord = result;
        if (retryOfStuckInput.test(exchange)) {
            // The input's first attempt finished the route and logged its events; only its move
            // failed. The retry would log the same file again as unchanged (or rejected) at every
            // back-off. Events that happen once are kept: the changelog drops them when already
            // logged, and records them if the retry did reach a new state.
            List<ChangelogEvent> once = result.events().stream().filter(ChangelogEvent::happensOnce).toList();
            toRecord = () -> once;
        }
        changelog.record(toRecord, exchange.getFromRouteId(), exchange.getClock().elapsed());
        return result;
    }
}
