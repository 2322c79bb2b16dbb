package io.contentpipeline.intake;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets several workers process articles at once while versions of one slug still apply in
 * the order their files were written. Each input takes a ticket when the file consumer
 * hands it over (files are taken oldest first); once its slug is known it may version and
 * publish only when no input with an earlier ticket has the same slug or a slug still
 * unknown. Waits only ever point to earlier tickets, which are already being worked on, so
 * the workers cannot deadlock.
 */
public final class SlugSequencer {

    private static final String TICKET = "PipelineTicket";
    private static final String UNKNOWN = "\u0000unknown";

    private final AtomicLong next = new AtomicLong();
    private final Map<Long, String> pending = new ConcurrentSkipListMap<>();
    private final Object turns = new Object();

    /** Route step, in the consumer's order: takes a ticket, given back when the exchange completes. */
    public void ticket(Exchange exchange) {
        long ticket = next.incrementAndGet();
        pending.put(ticket, UNKNOWN);
        exchange.setProperty(TICKET, ticket);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                pending.remove(ticket);
                synchronized (turns) {
                    turns.notifyAll();
                }
            }
        });
    }

    /** Route step once the slug is known: waits until every earlier input of that slug is done. */
    public void awaitTurn(Exchange exchange, String slug) throws InterruptedException {
        Long ticket = exchange.getProperty(TICKET, Long.class);
        if (ticket == null) {
            return;
        }
        pending.put(ticket, slug);
        synchronized (turns) {
            turns.notifyAll();
            while (hasEarlier(ticket, slug)) {
                turns.wait(1000);
            }
        }
    }

    private boolean hasEarlier(long ticket, String slug) {
        for (Map.Entry<Long, String> earlier : ((ConcurrentSkipListMap<Long, String>) pending).headMap(ticket).entrySet()) {
            if (earlier.getValue().equals(slug) || earlier.getValue().equals(UNKNOWN)) {
                return true;
            }
        }
        return false;
    }
}
