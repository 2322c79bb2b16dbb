package io.contentpipeline.status;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inputs a worker has in hand, each since when. An article takes about 60 ms, but a
 * 4.6 MB one takes 15 to 20 s cold, more on a busy machine, and a stage can hang on a file system that stopped
 * answering: the status line then said only "inbox=1 taken=0", line after line, and an
 * operator could not tell a slow article from a stuck pipeline, nor which file it was.
 * The status line names the one held longest once that is unusual ({@link StatusReporter}).
 */
public final class InputsAtWork {

    /** @param file the input's name under its inbox folder ("long-article.md", "EN/long-article.xlf") */
    public record AtWork(String file, Instant since) {
    }

    private final Map<String, AtWork> byExchange = new ConcurrentHashMap<>();
    private final Clock clock;

    public InputsAtWork(Clock clock) {
        this.clock = clock;
    }

    /** Route step on the worker's thread: the exchange's file is at work from now until the exchange is done. */
    public void start(Exchange exchange) {
        String id = exchange.getExchangeId();
        byExchange.put(id, new AtWork(exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class), clock.instant()));
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                byExchange.remove(id);
            }
        });
    }

    /** The input at work the longest, if any. */
    public Optional<AtWork> longest() {
        return byExchange.values().stream().min(Comparator.comparing(AtWork::since));
    }
}
