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
    private final Predicate<Exchange> sameInputAgain;

    /**
     * @param sameInputAgain whether an exchange's file is no new drop, so that its only events are
     *                       those of an input taken in: a retry of one that stayed in the inbox
     *                       only because it could not be moved out (MoveFailures), or the input
     *                       its bundle took in (InboxFiles.isTakenIn: by this attempt, or by one
     *                       before a crash that came before the file left the inbox)
     */
    public EventRecorder(Changelog changelog, Predicate<Exchange> sameInputAgain) {
        this.changelog = changelog;
        this.sameInputAgain = sameInputAgain;
    }

    public Object record(Exchange exchange) throws IOException {
        HasEvents result = exchange.getMessage().getBody(HasEvents.class);
        HasEvents toRecord = result;
        if (sameInputAgain.test(exchange)) {
            // Nobody dropped the file twice: the same input is tried again, after its move failed
            // or after a crash. It would be logged as unchanged (or rejected) at every attempt.
            // Events that happen once are kept: the changelog drops them when already logged, and
            // records them when the attempt before did not (a crash before they were appended).
            List<ChangelogEvent> once = result.events().stream().filter(ChangelogEvent::happensOnce).toList();
            toRecord = () -> once;
        }
        changelog.record(toRecord, exchange.getFromRouteId(), exchange.getClock().elapsed());
        return result;
    }
}
