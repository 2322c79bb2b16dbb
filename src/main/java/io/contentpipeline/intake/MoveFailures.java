package io.contentpipeline.intake;

import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.status.TransientFailures;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inbox consumers' handler for failures after the route finished: moving the input to
 * the archive or to rejected/ (Camel's commit), or leaving it after a failure (rollback).
 * <p>
 * Camel's default handler only logs such a failure, under a logger this product silences
 * for its rollback noise, and leaves the file in the inbox. The next poll took the file
 * again, found it unchanged and failed to move it again: a silent loop every poll, and a
 * --once run that never became idle. Here the failure is logged at WARN once per input, and
 * the input is held like any transient failure: it waits out a growing delay before its
 * next attempt, and a --once run reports it and exits 1.
 */
public final class MoveFailures implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MoveFailures.class);

    private final HomeLayout layout;
    private final TransientFailures failures;
    /** Inputs already reported, by path and modification time: a file dropped again is a new input. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public MoveFailures(HomeLayout layout, TransientFailures failures) {
        this.layout = layout;
        this.failures = failures;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        String file = exchange == null ? null : exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
        if (file == null) {
            LOG.warn("pipeline.move-failed step=\"{}\" error=\"{}\"", message, reason(exception));
            return;
        }
        Path input = Path.of(file).toAbsolutePath();
        String target = exchange.getMessage().getHeader(InboxFiles.MOVE_TO, String.class);
        dropOrphanReport(target);
        Duration retry = failures.recordQuietly(input);
        String key = input + "@" + exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED);
        if (reported.add(key)) {
            LOG.warn("pipeline.move-failed file={} to={} step=\"{}\" error=\"{}\": the file stays in the inbox, tried again in {} ms",
                    input.getFileName(), target, message, reason(exception), retry.toMillis());
        } else {
            LOG.debug("pipeline.move-failed again file={} error=\"{}\" retry_in_ms={}", input.getFileName(), reason(exception), retry.toMillis());
        }
    }

    /**
     * A rejected input whose move failed is rejected again at its next attempt, under a new
     * reserved name: the report written for this attempt would stay behind with no file beside it.
     */
    private void dropOrphanReport(String target) {
        if (target == null) {
            return;
        }
        Path copy = Path.of(target).toAbsolutePath().normalize();
        if (!copy.getParent().equals(layout.rejected().toAbsolutePath().normalize()) || Files.exists(copy)) {
            return;
        }
        try {
            Files.deleteIfExists(Rejections.report(copy));
        } catch (IOException | RuntimeException e) {
            LOG.debug("pipeline.move-failed report {} left: {}", Rejections.report(copy), e.toString());
        }
    }

    /** Camel wraps the file system's error; the operator needs the innermost message. */
    private static String reason(Throwable exception) {
        Throwable cause = exception;
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause);
    }
}
