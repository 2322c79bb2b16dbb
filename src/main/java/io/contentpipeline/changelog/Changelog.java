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
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

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

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Set<String> recordedOnce = new HashSet<>();
    /** Version keys of lines written before events named their input's digest: those still count. */
    private final Set<String> recordedWithoutDigest = new HashSet<>();
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private final Object forceLock = new Object();
    private long linesWritten;
    private long linesForced;
    private FileChannel channel;

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
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
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
            if (event.happensOnce() && (recordedWithoutDigest.contains(event.versionKey()) || !recordedOnce.add(event.onceKey()))) {
                return false;
            }
            AtomicFiles.writeFully(channel, (json.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8));
            line = ++linesWritten;
            changed.set(true);
        }
        if (AtomicFiles.forcesToDevice()) {
            forceUpTo(line);
        }
        return true;
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
            synchronized (this) {
                upTo = linesWritten;
            }
            channel.force(false);
            linesForced = upTo;
        }
    }

    /** Whether events arrived since the last call; the digest route uses it to skip idle rebuilds. */
    public boolean takeChanged() {
        return changed.getAndSet(false);
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
