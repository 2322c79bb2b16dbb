package io.contentpipeline.status;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inputs the pipeline could not process because the machine failed, not the file: the
 * outbox not writable, the disk full, the heap exhausted. The exchange fails, so the file
 * stays in the inbox; this filter then keeps the file consumers off it for a delay that
 * doubles with every failed attempt (up to a maximum), and the error is logged once per
 * attempt. When the fault clears, the
 * next attempt succeeds and processing goes on by itself. A --once run reports these
 * inputs and exits non-zero, since the pipeline itself failed. A path's entry is forgotten
 * when its file leaves the inbox (MoveFailures.forgetWhenGone), so a later file of that
 * name starts with the first delay.
 */
public final class TransientFailures implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(TransientFailures.class);

    private record Attempts(int count, Instant nextAttempt) {
    }

    private final Map<Path, Attempts> failed = new ConcurrentHashMap<>();
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Clock clock;

    public TransientFailures(Duration firstDelay, Duration maxDelay, Clock clock) {
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    /** Route step of the error configuration: one WARN line per failed attempt, no stack trace. */
    public void record(Exchange exchange) {
        Throwable cause = rootCause(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        String file = exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
        if (file == null) {
            LOG.warn("pipeline.transient-failure error=\"{}\"", String.valueOf(cause));
            return;
        }
        Path path = Path.of(file).toAbsolutePath();
        Attempts attempts = attempt(path);
        LOG.warn("pipeline.transient-failure file={} attempt={} retry_in_ms={} error=\"{}\": the file stays in the inbox{}",
                path.getFileName(), attempts.count(), delay(attempts.count()).toMillis(), String.valueOf(cause),
                cause instanceof OutOfMemoryError ? "; give the pipeline more heap (-Xmx) or lower pipeline.max-file-bytes" : "");
    }

    /**
     * Records a failed attempt without logging it, for a caller that reports the failure its
     * own way; returns how long the file is left alone before its next attempt.
     */
    public Duration recordQuietly(Path file) {
        return delay(attempt(file.toAbsolutePath()).count());
    }

    private Attempts attempt(Path path) {
        // A file taken out of the inbox by hand between two attempts is never seen leaving it
        // (forget): its entry goes here, so that the map holds only files still in the inbox.
        failed.keySet().removeIf(other -> Files.notExists(other, LinkOption.NOFOLLOW_LINKS));
        return failed.merge(path, new Attempts(1, clock.instant().plus(firstDelay)),
                (before, first) -> new Attempts(before.count() + 1, clock.instant().plus(delay(before.count() + 1))));
    }

    /**
     * Route step of the intake routes' doCatch: records the failure as {@link #record} does,
     * then fails the exchange again so that the file consumer leaves the file in the inbox.
     * The exception carries no stack trace: the WARN line above is all an operator needs.
     */
    public void recordAndRethrow(Exchange exchange) {
        record(exchange);
        throw new StillInInbox(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    /** Fails an exchange whose file must stay in the inbox after a transient failure. */
    static final class StillInInbox extends RuntimeException {
        StillInInbox(Throwable cause) {
            super("transient failure; the file stays in the inbox", cause, false, false);
        }
    }

    /** What the operator can act on: a full disk, an exhausted heap; not Camel's wrapper around it. */
    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private Duration delay(int attempt) {
        Duration delay = firstDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** File consumer filter: a file is not taken while it waits for its next attempt. */
    @Override
    public boolean accept(GenericFile<File> file) {
        return file.isDirectory() || !isWaiting(file.getFile().toPath().toAbsolutePath());
    }

    private boolean isWaiting(Path path) {
        Attempts attempts = failed.get(path);
        if (attempts == null) {
            return false;
        }
        if (!Files.exists(path)) {
            failed.remove(path);
            return false;
        }
        return clock.instant().isBefore(attempts.nextAttempt());
    }

    /** The file has left the inbox: its attempts are over. */
    public void forget(Path path) {
        failed.remove(path.toAbsolutePath());
    }

    public boolean hasFailed(Path path) {
        return failed.containsKey(path.toAbsolutePath());
    }

    public int count() {
        return failed.size();
    }
}
