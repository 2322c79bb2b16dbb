package io.contentpipeline.runtime;

import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.files.HomeLock;
import io.contentpipeline.status.TickGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Objects;

/**
 * Timer step (routes/status.camel.yaml, every pipeline.poll-delay): keeps the home lock on the
 * file at outbox/.pipeline.lock. A lock file deleted or replaced while the pipeline runs is
 * taken back (created and locked again), with one WARN line, so that a second pipeline is still
 * refused. When another pipeline already holds the new file, two pipelines are running on the
 * home: this one says so in one ERROR line naming both, and stops (the inputs in hand finish,
 * nothing new is taken, the process exits 1), leaving the home to the one the lock file names,
 * the one a new start or an operator looking at the file finds.
 */
public final class HomeLockWatch {

    private static final Logger LOG = LoggerFactory.getLogger(HomeLockWatch.class);

    private final HomeLayout layout;
    private final HomeLock lock;
    private final Runnable stop;
    private volatile boolean lost;
    private String lastFailure;

    /** @param stop stops the pipeline gracefully with exit code 1 */
    public HomeLockWatch(HomeLayout layout, HomeLock lock, Runnable stop) {
        this.layout = layout;
        this.lock = lock;
        this.stop = stop;
    }

    public void check() {
        TickGuard.run("home-lock", this::checkLock);
    }

    private synchronized void checkLock() {
        if (lost) {
            return;
        }
        long pid = ProcessHandle.current().pid();
        String file = layout.home().relativize(lock.file()).toString();
        HomeLock.Check check;
        try {
            check = lock.check();
            lastFailure = null;
        } catch (IOException | RuntimeException e) {
            // Said once per cause, not every poll; tried again at the next one.
            if (!Objects.equals(lastFailure, e.toString())) {
                lastFailure = e.toString();
                LOG.warn("pipeline.lock-check-failed file={} error=\"{}\": tried again at the next poll", file, e);
            }
            return;
        }
        switch (check.state()) {
            case HELD -> {
            }
            case TAKEN_BACK -> LOG.warn("pipeline.lock-taken-back file={} pid={}: the lock file was {} while this pipeline ran;"
                    + " it is created and locked again, so that a second pipeline on {} is still refused", file, pid, check.how(), layout.home());
            case TAKEN_BY_OTHER -> {
                lost = true;
                String other = check.other().isEmpty() ? "unknown" : check.other();
                LOG.error("pipeline.lock-lost file={} pid={} other_pid={}: the lock file was {} while this pipeline (pid {}) ran,"
                                + " and another pipeline (pid {}) holds the new one: two pipelines on {} would take the same inputs and"
                                + " interleave their writes. This one stops: the inputs in hand finish, nothing new is taken, and it"
                                + " exits 1, leaving the home to pid {}",
                        file, pid, other, check.how(), pid, other, layout.home(), other);
                stop.run();
            }
        }
    }
}
