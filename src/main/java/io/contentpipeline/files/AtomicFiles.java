package io.contentpipeline.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Maildir-style writes: the bytes go to a temporary file in the same folder, are forced to
 * disk, and the file is renamed into place, so a reader sees the old file or the new one,
 * never half of one. Temporary names start with a dot so that folder scans skip them.
 */
public final class AtomicFiles {

    /**
     * Whether writes are forced to the device before they are renamed into place (fsync).
     * With it, an output survives a power cut; without it, outputs still survive a crash of
     * the process (the renames stay atomic and the operating system keeps what was written),
     * and writing is several times faster. Set once at start-up from pipeline.durability.
     */
    private static volatile boolean forceToDevice = true;

    /** Names of files being written; a crash can leave one behind, which start-up removes. */
    public static final String TEMPORARY_PREFIX = ".tmp-";
    /**
     * Temporary names carry no part of the target's name: a target named near the file
     * system's 255-byte limit would make a longer temporary name fail to be created.
     */
    private static final String TEMPORARY_SUFFIX = ".part";
    /** The whole name of a temporary file, so that a sweep never takes someone else's file for one of ours. */
    private static final Pattern TEMPORARY_NAME = Pattern.compile(
            Pattern.quote(TEMPORARY_PREFIX) + "\\p{XDigit}{8}(?:-\\p{XDigit}{4}){3}-\\p{XDigit}{12}"
                    + Pattern.quote(TEMPORARY_SUFFIX));

    private AtomicFiles() {
    }

    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, target.toAbsolutePath().getParent());
    }

    /**
     * Writes through a temporary file in {@code scratch}, which must be on the same file
     * system: used where even a hidden temporary file must never be seen (published bundles).
     */
    public static void write(Path target, byte[] bytes, Path scratch) throws IOException {
        write(target, channel -> writeFully(channel, bytes), scratch);
    }

    /**
     * Several files of one folder, each written whole and renamed into place, with one sync of
     * the folder for all the renames rather than one each.
     */
    public static void writeAll(Path folder, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(folder);
        Map<Path, Path> temporaries = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path temporary = temporaryIn(folder);
                temporaries.put(temporary, folder.resolve(file.getKey()));
                writeUnpublished(temporary, file.getValue());
            }
            for (Map.Entry<Path, Path> rename : temporaries.entrySet()) {
                rename(rename.getKey(), rename.getValue());
            }
            forceFolder(folder);
        } finally {
            for (Path temporary : temporaries.keySet()) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Like {@link #write(Path, byte[])}, for content written piece by piece. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, target.toAbsolutePath().getParent());
    }

    private static void write(Path target, Content content, Path scratch) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.createDirectories(scratch);
        Path temporary = temporaryIn(scratch);
        try {
            writeUnpublished(temporary, content);
            moveIntoPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path temporaryIn(Path folder) {
        return folder.resolve(TEMPORARY_PREFIX + UUID.randomUUID() + TEMPORARY_SUFFIX);
    }

    /**
     * Writes a new file directly, forced to the device when durability asks for it: for
     * temporary files, and for folders no reader looks into until they are renamed into
     * place (bundle staging).
     */
    public static void writeUnpublished(Path target, byte[] bytes) throws IOException {
        writeUnpublished(target, channel -> writeFully(channel, bytes));
    }

    private static void writeUnpublished(Path target, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            content.writeTo(channel);
            if (forceToDevice) {
                channel.force(true);
            }
        }
    }

    /** Content too large to hold in memory, streamed into the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    public static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Renames atomically, replacing what is there; the rename is the commit point. */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        rename(source, target);
        forceFolder(target.toAbsolutePath().getParent());
    }

    private static void rename(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename atomically from " + source + " to " + target
                    + "; keep outbox/ on one file system", e);
        }
    }

    /** Makes a rename durable: on Linux the folder entry must be synced too. */
    public static void forceFolder(Path folder) {
        if (!forceToDevice) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UncheckedIOException e) {
            // Some platforms cannot open a folder for syncing; the rename is still atomic there.
        }
    }

    public static void forceToDevice(boolean force) {
        forceToDevice = force;
    }

    public static boolean forcesToDevice() {
        return forceToDevice;
    }

    /** Whether a file name is one of our temporary files (.tmp-&lt;uuid&gt;.part). */
    public static boolean isTemporary(String name) {
        return TEMPORARY_NAME.matcher(name).matches();
    }

    /** Removes temporary files a crash left behind in a folder tree (start-up only). */
    public static int sweepTemporaries(Path root) throws IOException {
        return sweepTemporaries(root, Integer.MAX_VALUE);
    }

    /**
     * Removes temporary files a crash left behind in a folder and its subfolders down to
     * {@code depth} (1: the folder alone). Only folders above the last level are looked at
     * for subfolders, so that a large flat folder (the archive) is read by names alone.
     */
    public static int sweepTemporaries(Path folder, int depth) throws IOException {
        if (depth < 1 || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (isTemporary(entry.getFileName().toString())) {
                    removed += Files.deleteIfExists(entry) ? 1 : 0;
                } else if (depth > 1) {
                    removed += sweepTemporaries(entry, depth - 1);
                }
            }
        }
        return removed;
    }

    /** Deletes a folder tree; used for staging folders that never became visible. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
