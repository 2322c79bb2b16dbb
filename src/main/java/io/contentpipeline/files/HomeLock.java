package io.contentpipeline.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One pipeline per home. Two would take the same inbox files and interleave their writes to
 * bundles and the changelog. The lock is the operating system's, held on an open file, so a
 * killed pipeline never leaves a stale lock behind; while held, the file names the holder's pid
 * for operators.
 */
public final class HomeLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
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
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new HomeInUseException(layout.home(), holder);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        return new HomeLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            // No pid left behind to send an operator after a process that has stopped.
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** Another pipeline is running on the same home. */
    public static final class HomeInUseException extends IOException {
        public HomeInUseException(Path home, String holderPid) {
            super("another pipeline" + (holderPid.isEmpty() ? "" : " (pid " + holderPid + ")")
                    + " is running on " + home + "; stop it first, or give this one its own --home");
        }
    }
}
