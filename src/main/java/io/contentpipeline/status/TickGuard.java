package io.contentpipeline.status;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The housekeeping routes (status lines, CHANGELOG.md, the home lock) run on camel-timer
 * threads, one per route, and an Error thrown on one ends that thread, and with it every later
 * tick of its route, with nothing but a stack trace on standard error. An OutOfMemoryError
 * is not rare there: a large article at work fills the heap and the next tick's allocation
 * fails (seen with -Xmx64m: "OutOfMemoryError thrown from the UncaughtExceptionHandler in
 * thread ... timer://home-lock", after which the lock was never checked again). A tick runs
 * through here instead: an exhausted heap skips it with one WARN line, and the next tick
 * tries again, as the workers' inputs do.
 */
public final class TickGuard {

    private static final Logger LOG = LoggerFactory.getLogger(TickGuard.class);

    private TickGuard() {
    }

    public static void run(String tick, Runnable work) {
        try {
            work.run();
        } catch (OutOfMemoryError e) {
            try {
                LOG.warn("pipeline.tick-skipped {}: the heap was exhausted ({}); the next tick tries again (give the pipeline"
                        + " more heap, -Xmx, if this comes back)", tick, e.getMessage());
            } catch (OutOfMemoryError stillExhausted) {
                // Nothing can be said while the heap is full; the tick is skipped all the same.
            }
        } catch (Error e) {
            // A bug rather than a fault of the machine: said with its stack trace, and the ticks go on.
            LOG.error("pipeline.tick-failed {}: {}", tick, e, e);
        }
    }
}
