package io.contentpipeline.runtime;

import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.files.HomeLock;
import io.contentpipeline.status.TickGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Timer step (routes/status.camel.yaml, every pipeline.poll-delay): keeps the home lock on the
 * file at outbox/.pipeline.lock. A lock file deleted or replaced while the pipeline runs is
 * taken back (created and locked again), with one WARN line, so that a second pipeline is still
 * refused. When another pipeline already holds the new file, two pipelines are running on the
 * home: this one says so in one ERROR line naming both, and stops (the inputs in hand finish,
 * nothing new is taken, the process exits 1), leaving the home to the one the lock file names,
 * the one a new start or an operator looking at the file finds.
 * <p>
 * The home itself, or its outbox, moved away, deleted or replaced while the pipeline runs is
 * another matter: what the pipeline knows of the home (published versions, translations
 * requested, the changelog it appends to) is that folder's. Going on would fill a new, empty
 * folder at the same path with versions numbered from the old one and no sources to check
 * returns against; so it stops the same way, and a new start reads the folder now there.
 */
public final class HomeLockWatch {

    private static final Logger LOG = LoggerFactory.getLogger(HomeLockWatch.class);

    private final HomeLayout layout;
    private final HomeLock lock;
    private final Runnable stop;
    /** The file system's key (device and inode) of the home and of its outbox at start-up; none where the platform gives none. */
    private final Map<Path, Object> folders = new LinkedHashMap<>();
    private volatile boolean lost;
    private String lastFailure;

    /** @param stop stops the pipeline gracefully with exit code 1 */
    public HomeLockWatch(HomeLayout layout, HomeLock lock, Runnable stop) {
        this.layout = layout;
        this.lock = lock;
        this.stop = stop;
        for (Path folder : new Path[] {layout.home(), layout.outbox()}) {
            try {
                Object key = key(folder);
                if (key != null) {
                    folders.put(folder, key);
                }
            } catch (IOException e) {
                // Just created by the layout: a folder that cannot be read now is not watched.
            }
        }
    }

    public void check() {
        TickGuard.run("home-lock", this::checkLock);
    }

    private synchronized void checkLock() {
        if (lost) {
            return;
        }
        long pid = ProcessHandle.current().pid();
        if (folderMoved(pid)) {
            return;
        }
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

    /** Whether the home or its outbox is no longer the folder the pipeline started in; if so, says so once and stops. */
    private boolean folderMoved(long pid) {
        for (Map.Entry<Path, Object> folder : folders.entrySet()) {
            Object now;
            try {
                now = key(folder.getKey());
            } catch (IOException e) {
                // Unreadable for a moment is not moved: the lock check below says what fails.
                continue;
            }
            if (!folder.getValue().equals(now)) {
                lost = true;
                LOG.error("pipeline.home-moved folder={} pid={}: the folder this pipeline started in was {} while it ran;"
                                + " what the pipeline knows of its home (published versions, translations requested, the changelog) is"
                                + " that folder's, so it does not go on in another. It stops: the inputs in hand finish, nothing new is"
                                + " taken, and it exits 1; start it again to work on the folder now at {}",
                        folder.getKey(), pid, now == null ? "moved away or deleted" : "moved away or replaced (another folder is at its path now)", layout.home());
                stop.run();
                return true;
            }
        }
        return false;
    }

    /** A folder's key, following links (a home given as a link to a folder is that folder); null when it is gone. */
    private static Object key(Path folder) throws IOException {
        try {
            return Files.readAttributes(folder, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException gone) {
            return null;
        }
    }
}
