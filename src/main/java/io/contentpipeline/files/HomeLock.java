package io.contentpipeline.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * One pipeline per home. Two would take the same inbox files and interleave their writes to
 * bundles and the changelog. The lock is the operating system's, held on an open file, so a
 * killed pipeline never leaves a stale lock behind; while held, the file names the holder's pid
 * for operators.
 * <p>
 * The lock is on the file, not on its name: a lock file deleted (or replaced) while the pipeline
 * runs leaves it holding a file no one else can find, and a second pipeline started then created a
 * new one, locked it and ran alongside. {@link #check} finds the name no longer holding the file
 * locked (its inode) and takes the home back, unless another pipeline already holds the new file.
 */
public final class HomeLock implements AutoCloseable {

    private final Path file;
    private FileChannel channel;
    private FileLock lock;
    /** The file system's key (device and inode) of the file locked; null where the platform gives none. */
    private Object key;
    /** Released: a check after that (a timer firing during shutdown) must not lock the home again. */
    private boolean closed;

    private HomeLock(Path file, FileChannel channel, FileLock lock, Object key) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.key = key;
    }

    /** @throws HomeInUseException when another pipeline holds the home */
    public static HomeLock acquire(HomeLayout layout) throws IOException {
        Path file = layout.lockFile();
        FileChannel channel;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new HomeLayout.NotWritableException(layout.home(), "open the lock file " + file, e);
        }
        FileLock lock = tryLock(channel);
        if (lock == null) {
            String holder = holder(file);
            channel.close();
            throw new HomeInUseException(layout.home(), holder);
        }
        writePid(channel);
        return new HomeLock(file, channel, lock, key(file));
    }

    /** What {@link #check} found at the lock file's name. */
    public enum State {
        /** The name holds the file this pipeline locked. */
        HELD,
        /** The file was deleted or replaced, and this pipeline locked the one now there (created when missing). */
        TAKEN_BACK,
        /** The file was deleted or replaced, and another pipeline holds the one now there. */
        TAKEN_BY_OTHER
    }

    /**
     * @param state what was found
     * @param how   for a file not held any more: "deleted" or "replaced"
     * @param other the pid the lock file names when another pipeline holds it (may be empty)
     */
    public record Check(State state, String how, String other) {
    }

    /**
     * Whether the lock file is still the one locked. When it was deleted or replaced, the file now
     * at its name is created (when missing), locked and given this process's pid, unless another
     * process holds it already: then it is left alone, and this pipeline should stop.
     */
    public synchronized Check check() throws IOException {
        if (closed) {
            return new Check(State.HELD, null, null);
        }
        Object now = key(file);
        if (now != null && (key == null || key.equals(now))) {
            return new Check(State.HELD, null, null);
        }
        String how = now == null ? "deleted" : "replaced";
        Files.createDirectories(file.getParent());
        FileChannel reopened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock relocked;
        try {
            relocked = tryLock(reopened);
        } catch (IOException | RuntimeException e) {
            reopened.close();
            throw e;
        }
        if (relocked == null) {
            String other = holder(file);
            reopened.close();
            return new Check(State.TAKEN_BY_OTHER, how, other);
        }
        writePid(reopened);
        FileChannel old = channel;
        channel = reopened;
        lock = relocked;
        key = key(file);
        // The old file, gone from the home, goes with its lock.
        old.close();
        return new Check(State.TAKEN_BACK, how, null);
    }

    /** The lock file's path. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // No pid left behind to send an operator after a process that has stopped.
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            return null;
        }
    }

    private static void writePid(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
    }

    /** The pid a lock file names; empty when it names none (or cannot be read). */
    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** The file system's key of the file at this name, without following a link; null when there is none. */
    private static Object key(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            // Where the platform gives no key, a file there is taken for the one locked.
            return Objects.requireNonNullElse(attributes.fileKey(), NO_KEY);
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    private static final Object NO_KEY = new Object();

    /** Another pipeline is running on the same home. */
    public static final class HomeInUseException extends IOException {
        public HomeInUseException(Path home, String holderPid) {
            super("another pipeline" + (holderPid.isEmpty() ? "" : " (pid " + holderPid + ")")
                    + " is running on " + home + "; stop it first, or give this one its own --home");
        }
    }
}
