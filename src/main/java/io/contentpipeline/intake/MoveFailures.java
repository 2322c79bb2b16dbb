package io.contentpipeline.intake;

import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.status.TransientFailures;
import org.apache.camel.Exchange;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
 * next attempt, and a --once run reports it and exits 1. Whatever the failed move left at
 * its target is removed, so that a stuck input has no copy in the outbox however many times
 * it is tried.
 * <p>
 * Each attempt runs the whole route again before its move, and the route records the
 * input's events: the attempt that published a new article and every later one finding it
 * "unchanged". {@link #isRetry} tells the event recorder that an input is such a retry, so
 * that a stuck file does not add one article.unchanged (or .rejected) to the changelog per
 * attempt.
 * <p>
 * What is held against a path (here and in {@link TransientFailures}) is forgotten when the
 * file leaves the inbox ({@link #forgetWhenGone}), or at the next failure when it was taken
 * out by hand: memory holds the files stuck now, and a later file of that name starts afresh.
 */
public final class MoveFailures implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MoveFailures.class);

    private final HomeLayout layout;
    private final TransientFailures failures;
    /**
     * Inputs whose move failed: the file each path held then (inode, size and modification
     * time). The retry of a stuck file finds the same; a file dropped again under the name (even
     * with the same content, even a copy with the same time) is another file, so it is a new
     * input, reported and logged again. One entry per path, removed when the file leaves the
     * inbox. (Size and time alone took a copy put back with cp -p for the stuck file when it
     * came before the entry was removed.)
     */
    private final Map<Path, FileIdentity> stuck = new ConcurrentHashMap<>();

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
        dropCopy(input, target);
        dropOrphanReport(target);
        // Files taken out of the inbox by hand while stuck are never seen leaving (forgetWhenGone).
        stuck.keySet().removeIf(other -> Files.notExists(other, LinkOption.NOFOLLOW_LINKS));
        // Remembered before the back-off is set, so the retry cannot be taken before it is known as one.
        FileIdentity taken = InboxFiles.takenIdentity(exchange);
        FileIdentity before = taken == null ? null : stuck.put(input, taken);
        boolean first = before == null || !before.isSameFile(taken);
        Duration retry = failures.recordQuietly(input);
        if (first) {
            LOG.warn("pipeline.move-failed file={} to={} step=\"{}\" error=\"{}\": the file stays in the inbox, tried again in {} ms",
                    input.getFileName(), target, message, reason(exception), retry.toMillis());
        } else {
            LOG.debug("pipeline.move-failed again file={} error=\"{}\" retry_in_ms={}", input.getFileName(), reason(exception), retry.toMillis());
        }
    }

    /**
     * Route step, first in each intake route: when the exchange is done and its file is no
     * longer in the inbox (moved out, or taken away), its path's back-off and stuck entry are
     * dropped. Without this, both stayed for the life of the process, and a later file of the
     * same name that failed went on with the old file's longer delay.
     * <p>
     * "No longer in the inbox" means the path no longer holds the file this exchange took
     * ({@link FileIdentity}, inode included), not that the path is empty: a copy put back under
     * the name (cp -p, same size and time) in the instant between the move and this check was
     * taken for the stuck file still there, so the memory stayed (a race StuckInputChangelogTest
     * could lose: it puts the archived file back as soon as the inbox is empty). {@link #isRetry}
     * compares inodes too, so such a copy is a new input even when it is taken before this check.
     */
    public void forgetWhenGone(Exchange exchange) {
        String file = exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
        if (file == null) {
            return;
        }
        Path input = Path.of(file).toAbsolutePath();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                if (left(input, InboxFiles.takenIdentity(done))) {
                    stuck.remove(input);
                    failures.forget(input);
                }
            }

            /** After the file consumer's own completion, which moves the file (or fails to). */
            @Override
            public int getOrder() {
                return Ordered.LOWEST;
            }
        });
    }

    /** Whether the file taken is no longer at its inbox path: gone, or another file (a new inode) in its place. */
    private static boolean left(Path input, FileIdentity taken) {
        try {
            FileIdentity now = FileIdentity.of(input);
            return now == null || taken != null && !taken.isSameFile(now);
        } catch (IOException unreadable) {
            return Files.notExists(input, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /**
     * Whether this exchange is another attempt at an input whose move failed, unchanged since:
     * its first attempt finished the route, so its events are in the changelog already.
     */
    public boolean isRetry(Exchange exchange) {
        String file = exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
        if (file == null) {
            return false;
        }
        FileIdentity before = stuck.get(Path.of(file).toAbsolutePath());
        FileIdentity taken = InboxFiles.takenIdentity(exchange);
        return before != null && taken != null && before.isSameFile(taken);
    }

    /**
     * When the input cannot be deleted from the inbox (inbox/ read-only), Camel's move falls
     * back to copy and delete, and the copy stays at the target while the input stays in the
     * inbox. Each retry would copy it again under a new name (a new archive time, the next
     * rejected/ number): one more duplicate per attempt. The input is whole in the inbox and
     * leaves it at a later attempt, so the copy goes; only when byte for byte the input, so
     * that nothing else is ever deleted.
     */
    private static void dropCopy(Path input, String target) {
        if (target == null) {
            return;
        }
        Path copy = Path.of(target).toAbsolutePath();
        try {
            if (Files.isRegularFile(input) && Files.isRegularFile(copy) && Files.mismatch(input, copy) == -1) {
                Files.delete(copy);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("pipeline.move-failed copy {} left: {}", copy, e.toString());
        }
    }

    /**
     * A rejected input whose move failed is rejected again at its next attempt, under a name
     * reserved anew: the report written for this attempt would stay behind with no file beside it.
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
