package io.contentpipeline.intake;

import io.contentpipeline.files.AtomicFiles;
import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.files.Sha256;
import io.contentpipeline.status.TickGuard;
import io.contentpipeline.status.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Inputs just renamed out of the inbox (to archive/ or rejected/), watched for a while after.
 * <p>
 * The read lock takes a file once it has not changed for pipeline.read-lock-min-age (300 ms).
 * A writer that pauses longer with the file still open (an editor or a copy that writes in two
 * parts) had its first part processed, and the rename took the open file with it: the rest
 * was written into the archived (or rejected) copy, which then held bytes the pipeline never
 * processed (its input_sha256 no longer matched), and the completed article was never taken.
 * A rename keeps the file, so the file at the target still has the inode the pipeline read;
 * when its size or time changes there, it goes back into the inbox (a hard link, the writer's
 * file itself, under its name or a free numbered one) to be taken again as a new input, and
 * the target gets the bytes processed: the changed file's first bytes, when they are still
 * those (a file completed, the usual case). A file rewritten from the start has lost them: the
 * target is then left out rather than kept with bytes that were not processed.
 * <p>
 * Only for {@link #WATCH} after the move, and only in memory: a writer that pauses longer, or
 * a pipeline stopped meanwhile, leaves the copy as it is.
 */
public final class MovedInputWatch {

    private static final Logger LOG = LoggerFactory.getLogger(MovedInputWatch.class);
    /**
     * How long a moved input is watched. Each one costs a look at its file every poll: at the
     * rate of a large import (some 150 inputs a second) ten seconds are 1,500 looks a poll.
     */
    static final Duration WATCH = Duration.ofSeconds(10);

    /** An input renamed out of the inbox: where from, where to, the file read and a digest of the bytes processed. */
    private record Moved(Path input, Path target, FileIdentity taken, String sha256, Instant until) {
    }

    private final HomeLayout layout;
    private final Consumer<Path> newInput;
    private final Clock clock;
    /** By target: one input per archived or rejected name. */
    private final Map<Path, Moved> watched = new ConcurrentHashMap<>();

    public MovedInputWatch(HomeLayout layout, TransientFailures failures) {
        this(layout, failures::forget, Clock.systemUTC());
    }

    /** @param newInput told of a path where a file was put back for the next poll (a back-off held for the older one goes) */
    MovedInputWatch(HomeLayout layout, Consumer<Path> newInput, Clock clock) {
        this.layout = layout;
        this.newInput = newInput;
        this.clock = clock;
    }

    /** The input at {@code input}, read as {@code taken} with these bytes, was renamed to {@code target}. */
    void moved(Path input, Path target, FileIdentity taken, byte[] bytes) {
        watched.put(target, new Moved(input, target, taken, Sha256.of(bytes), clock.instant().plus(WATCH)));
    }

    /** Timer step (routes/status.camel.yaml, every pipeline.poll-delay). */
    public void check() {
        TickGuard.run("moved-inputs", this::putBackChanged);
    }

    /**
     * Puts back in the inbox every watched input changed since it was moved, and forgets those
     * watched long enough; returns how many were put back (a --once run goes on while any is).
     */
    public synchronized int putBackChanged() {
        int putBack = 0;
        Instant now = clock.instant();
        for (Moved moved : watched.values()) {
            FileIdentity there;
            try {
                there = FileIdentity.of(moved.target());
            } catch (IOException unreadable) {
                there = null;
            }
            if (there != null && !moved.taken().isSameFile(there)) {
                watched.remove(moved.target());
                putBack += putBack(moved) ? 1 : 0;
            } else if (there == null || now.isAfter(moved.until())) {
                // Gone (taken away by hand), or unchanged long enough.
                watched.remove(moved.target());
            }
        }
        return putBack;
    }

    private boolean putBack(Moved moved) {
        try {
            byte[] now = Files.readAllBytes(moved.target());
            int size = (int) moved.taken().size();
            byte[] processed = now.length >= size && Sha256.of(Arrays.copyOf(now, size)).equals(moved.sha256())
                    ? Arrays.copyOf(now, size) : null;
            InboxCommit.PutBack back = InboxCommit.putBack(moved.target(), moved.input());
            if (processed != null) {
                AtomicFiles.write(moved.target(), processed);
            } else if (back.linked()) {
                Files.delete(moved.target());
            }
            newInput.accept(back.path());
            if (processed != null) {
                LOG.info("inbox.still-written file={} to={}: the file changed after it was taken and moved out of the inbox (still"
                                + " being written, with a pause longer than pipeline.read-lock-min-age); it is put back in the inbox as {}"
                                + " for the next poll, and the version processed is kept from the bytes read",
                        moved.input().getFileName(), layout.shown(moved.target()), back.path().getFileName());
            } else {
                LOG.warn("inbox.still-written file={} not_kept={}: the file was rewritten after it was taken and moved out of the"
                                + " inbox, and no longer begins with the bytes processed; it is put back in the inbox as {} for the next"
                                + " poll, and no copy of the version processed is kept there", moved.input().getFileName(),
                        layout.shown(moved.target()), back.path().getFileName());
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("inbox.still-written file={} to={} error=\"{}\": the file changed after it was moved out of the inbox, and"
                    + " could not be put back; it stays there", moved.input().getFileName(), layout.shown(moved.target()), e.toString());
            return false;
        }
    }

}
