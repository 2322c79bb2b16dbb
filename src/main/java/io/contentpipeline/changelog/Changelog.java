package io.contentpipeline.changelog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.article.HasEvents;
import io.contentpipeline.files.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * outbox/changelog.jsonl, the append-only record of every event, and the operator's log
 * line for each. Each event is one JSON line written with one append and forced to disk
 * before the stage that logged it goes on.
 * Events that mark a state reached (accepted, requested, published) are written once per
 * slug, language, version and input (its digest, when the event names one), so replaying an
 * input after a crash adds no duplicate.
 */
public final class Changelog {

    private static final Logger LOG = LoggerFactory.getLogger("pipeline.events");
    /** {@link #recordedSince} reads the log backwards this much at a time… */
    static final int TAIL_CHUNK = 64 * 1024;
    /** …and no further back than this from its end (some 100,000 events). */
    static final long TAIL_LIMIT = 32L << 20;
    /**
     * An event's time is taken when its stage makes it and the line is appended when its route
     * ends, so lines are in time order only roughly: the backward read stops at the first line
     * this much older than the time asked for.
     */
    static final Duration OUT_OF_ORDER = Duration.ofMinutes(10);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Set<String> recordedOnce = new HashSet<>();
    /** Version keys of lines written before events named their input's digest: those still count. */
    private final Set<String> recordedWithoutDigest = new HashSet<>();
    private final AtomicBoolean changed = new AtomicBoolean(true);
    /** Set when the log was started again under its name: CHANGELOG.md then covers none of it. */
    private final AtomicBoolean startedOver = new AtomicBoolean(false);
    private final Object forceLock = new Object();
    private long linesWritten;
    private long linesForced;
    private FileChannel channel;
    /** The file system's identity of the file {@link #channel} appends to. */
    private Object fileKey;

    public Changelog(Path file) {
        this.file = file;
    }

    /** Opens the log, cutting a line torn by a crash, and loads which events already happened. */
    public synchronized void open() throws IOException {
        Files.createDirectories(file.getParent());
        repairTornTail();
        if (Files.exists(file)) {
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines.filter(line -> !line.isBlank()).forEach(line -> {
                    try {
                        ChangelogEvent event = json.readValue(line, ChangelogEvent.class);
                        if (event.happensOnce()) {
                            recordedOnce.add(event.onceKey());
                            if (!event.detail().containsKey(ChangelogEvent.SHA256)) {
                                recordedWithoutDigest.add(event.versionKey());
                            }
                        }
                    } catch (IOException e) {
                        LOG.warn("changelog.unreadable line skipped: {}", e.getMessage());
                    }
                });
            }
        }
        openChannel();
    }

    private void openChannel() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        fileKey = fileKey();
    }

    private Object fileKey() throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    /**
     * The log is appended through a channel held open, so a changelog.jsonl deleted or moved
     * away while the pipeline ran (cleaned up by hand, rotated by logrotate) used to take every
     * later event with it: into the moved file, or into a deleted one, lost, with no
     * changelog.jsonl in the outbox until the next start. Before each append the name is checked
     * to still hold the file the channel writes (its inode); when it does not, the log starts
     * again under its name, with one WARN line.
     */
    private void reopenIfReplaced() throws IOException {
        Object now = fileKey();
        if (now != null && now.equals(fileKey)) {
            return;
        }
        channel.force(false);
        channel.close();
        Files.createDirectories(file.getParent());
        openChannel();
        startedOver.set(true);
        LOG.warn("changelog.reopened {} was {} while the pipeline ran; the events from now on are written to a new {}",
                file.getFileName(), now == null ? "deleted or moved away" : "replaced by another file", file.getFileName());
    }

    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    /**
     * Records a stage's events and logs one line each; returns the stage result unchanged so
     * the route can go on with it.
     */
    public <T extends HasEvents> T record(T result, String routeId, long elapsedMillis) throws IOException {
        for (ChangelogEvent event : result.events()) {
            if (append(event)) {
                LOG.info("{} slug={} lang={} version={} file={} route={} ms={}{}", event.event(), orDash(event.slug()),
                        orDash(event.lang()), orDash(event.version()), quoted(event.file()), routeId, elapsedMillis, detail(event.detail()));
            }
        }
        return result;
    }

    /** True when the event was written, and forced to disk when durability asks; false when it had already happened. */
    boolean append(ChangelogEvent event) throws IOException {
        long line;
        synchronized (this) {
            if (event.happensOnce() && (withoutDigest(event) || !recordedOnce.add(event.onceKey()))) {
                return false;
            }
            reopenIfReplaced();
            AtomicFiles.writeFully(channel, (json.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8));
            line = ++linesWritten;
            changed.set(true);
        }
        if (AtomicFiles.forcesToDevice()) {
            forceUpTo(line);
        }
        return true;
    }

    /** Whether an event that happens once is in the log already (as {@link #append} would find it). */
    public synchronized boolean recorded(ChangelogEvent event) {
        return event.happensOnce() && (withoutDigest(event) || recordedOnce.contains(event.onceKey()));
    }

    /**
     * Whether a line written before events named their input stands for this event. Not for the
     * events of a version published again after its bundle was deleted: those came after.
     */
    private boolean withoutDigest(ChangelogEvent event) {
        return !event.detail().containsKey(ChangelogEvent.RESTORED) && recordedWithoutDigest.contains(event.versionKey());
    }

    /**
     * Group commit: a worker that finds its line already forced by another one's sync skips
     * its own, so that workers appending at the same time share one wait for the disk.
     */
    private void forceUpTo(long line) throws IOException {
        synchronized (forceLock) {
            if (linesForced >= line) {
                return;
            }
            long upTo;
            FileChannel current;
            synchronized (this) {
                upTo = linesWritten;
                current = channel;
            }
            try {
                current.force(false);
            } catch (ClosedChannelException reopened) {
                // The log started again under its name meanwhile: the old file was forced before it was closed.
            }
            linesForced = upTo;
        }
    }

    /**
     * Whether an event that {@code match}es was written at or after {@code since}, looking only
     * at the end of the log: read backwards from its end, up to the first line older than
     * {@code since} by {@link #OUT_OF_ORDER} (or {@link #TAIL_LIMIT} bytes). For the rare check
     * of whether an input replayed after a crash had its event written before it; events
     * that happen once are known without reading the file.
     */
    public boolean recordedSince(Instant since, Predicate<ChangelogEvent> match) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        Instant floor = since.minus(OUT_OF_ORDER);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = in.size();
            long stop = Math.max(0, position - TAIL_LIMIT);
            // The start of a line whose beginning is in the part of the file not read yet.
            byte[] partial = new byte[0];
            while (position > stop) {
                int length = (int) Math.min(TAIL_CHUNK, position - stop);
                position -= length;
                byte[] chunk = Arrays.copyOf(readAt(in, position, length), length + partial.length);
                System.arraycopy(partial, 0, chunk, length, partial.length);
                int end = chunk.length;
                for (int i = chunk.length - 1; i >= 0; i--) {
                    if (chunk[i] == '\n') {
                        Boolean found = look(chunk, i + 1, end, floor, since, match);
                        if (found != null) {
                            return found;
                        }
                        end = i;
                    }
                }
                partial = Arrays.copyOf(chunk, end);
            }
            if (position == 0) {
                // The first line of the file.
                Boolean found = look(partial, 0, partial.length, floor, since, match);
                return found != null && found;
            }
            return false;
        }
    }

    private static byte[] readAt(FileChannel in, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (in.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("changelog shorter than read: " + (position + buffer.position()));
            }
        }
        return buffer.array();
    }

    /** True when the line matches, false when it is too old to go on, null to read on. */
    private Boolean look(byte[] bytes, int from, int to, Instant floor, Instant since, Predicate<ChangelogEvent> match) {
        if (to <= from) {
            return null;
        }
        ChangelogEvent event;
        try {
            event = json.readValue(bytes, from, to - from, ChangelogEvent.class);
        } catch (IOException unreadable) {
            // A line being appended right now, or one the changelog skips on open too.
            return null;
        }
        if (event.time() == null) {
            return null;
        }
        if (event.time().isBefore(floor)) {
            return false;
        }
        return !event.time().isBefore(since) && match.test(event) ? Boolean.TRUE : null;
    }

    /** Whether events arrived since the last call; the digest route uses it to skip idle rebuilds. */
    public boolean takeChanged() {
        return changed.getAndSet(false);
    }

    /** Whether the log started again under its name since the last call: the digest then starts over too. */
    public boolean takeStartedOver() {
        return startedOver.getAndSet(false);
    }

    /** A start-over taken with {@link #takeStartedOver()} is still to be shown: the rebuild that took it failed. */
    public void markStartedOver() {
        startedOver.set(true);
    }

    /** Events taken with {@link #takeChanged()} are still to be shown: the rebuild that took them failed. */
    public void markChanged() {
        changed.set(true);
    }

    public Path file() {
        return file;
    }

    private void repairTornTail() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            raf.seek(length - 1);
            if (raf.read() == '\n') {
                return;
            }
            long end = length - 1;
            while (end > 0) {
                raf.seek(end - 1);
                if (raf.read() == '\n') {
                    break;
                }
                end--;
            }
            raf.setLength(end);
            LOG.warn("changelog.repaired a line torn by an interrupted write was cut ({} bytes)", length - end);
        }
    }

    private static Object orDash(Object value) {
        return value == null ? "-" : value;
    }

    private static String quoted(String value) {
        if (value == null) {
            return "-";
        }
        return value.indexOf(' ') >= 0 ? '"' + value + '"' : value;
    }

    private static String detail(Map<String, Object> detail) {
        if (detail.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        detail.forEach((key, value) -> {
            if (!ChangelogEvent.SHA256.equals(key) && !ChangelogEvent.ACCEPTED_AT.equals(key)) {
                text.append(' ').append(key).append('=').append(value);
            }
        });
        return text.toString();
    }
}
