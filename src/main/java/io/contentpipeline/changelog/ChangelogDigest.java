package io.contentpipeline.changelog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.files.AtomicFiles;
import io.contentpipeline.status.TickGuard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * outbox/CHANGELOG.md, the human view of changelog.jsonl: newest first, grouped by day (UTC).
 * Rebuilt by a timer route when events arrived, and once more at shutdown, rather than on
 * every event. Each rebuild reads only the events logged since the last one (the digest
 * notes how many bytes of the log it covers) and streams the earlier entries over from the
 * previous file, so its cost does not grow with the history.
 */
public final class ChangelogDigest {

    /** A "<" that opens what Markdown reads as an HTML tag, a comment or a declaration. */
    private static final Pattern TAG_OPENING = Pattern.compile("<(?=[A-Za-z/!?])");

    private static final Logger LOG = LoggerFactory.getLogger(ChangelogDigest.class);

    static final String HEADER = "# Changelog\n\nNewest first. Times are UTC. Machine-readable log: `changelog.jsonl`.\n";
    private static final Pattern COVERED = Pattern.compile("<!-- covers changelog.jsonl up to byte (\\d+) -->\n");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Changelog changelog;
    private final Path target;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The cause of the last failed rebuild, null while rebuilds succeed: one WARN line per cause. */
    private String failing;

    public ChangelogDigest(Changelog changelog, Path target) {
        this.changelog = changelog;
        this.target = target;
    }

    /**
     * Rebuilds CHANGELOG.md if events arrived since the last rebuild. The digest is a view of
     * changelog.jsonl, which holds every event already: when it cannot be written (outbox not
     * writable, disk full) one WARN line says why, and the next rebuild tries again; nothing is
     * lost, so an operator gets no stack trace for it, and no line for each retry.
     */
    public void refresh() {
        TickGuard.run("changelog-digest", this::refreshIfChanged);
    }

    private synchronized void refreshIfChanged() {
        if (!changelog.takeChanged()) {
            return;
        }
        try {
            rebuild();
            if (failing != null) {
                LOG.info("changelog.digest-written {} is up to date again", target.getFileName());
                failing = null;
            }
        } catch (OutOfMemoryError e) {
            // Skipped by TickGuard: the events taken are still to be shown at the next tick.
            changelog.markChanged();
            throw e;
        } catch (IOException | UncheckedIOException e) {
            changelog.markChanged();
            String cause = e.toString();
            if (!cause.equals(failing)) {
                LOG.warn("changelog.digest-failed {} could not be rebuilt ({}); changelog.jsonl has every event, and the"
                        + " rebuild is tried again at each interval (pipeline.changelog-digest-interval)", target.getFileName(), cause);
            }
            failing = cause;
        }
    }

    private void rebuild() throws IOException {
        // A log started again under its name (see Changelog) may have grown past the byte the
        // digest covers of the old one: its mark means nothing for the new file.
        boolean startedOver = changelog.takeStartedOver();
        try {
            rebuild(startedOver);
        } catch (IOException | RuntimeException | Error e) {
            if (startedOver) {
                changelog.markStartedOver();
            }
            throw e;
        }
    }

    private void rebuild(boolean startedOver) throws IOException {
        if (!Files.exists(changelog.file())) {
            return;
        }
        Previous previous = Previous.read(target);
        long covered = !startedOver && previous.covered() <= Files.size(changelog.file()) ? previous.covered() : 0;
        NewEvents fresh = readEvents(covered);
        if (fresh.events().isEmpty() && covered > 0) {
            return;
        }
        // Nothing of the old file is kept when starting over (a log cut by a repair, or no mark).
        Previous kept = covered == 0 ? Previous.NONE : previous;
        String newest = render(fresh.events());
        boolean sameDay = !fresh.events().isEmpty() && day(fresh.events().get(0)).equals(kept.firstDay());
        AtomicFiles.write(target, channel -> {
            AtomicFiles.writeFully(channel, (HEADER + "<!-- covers changelog.jsonl up to byte " + fresh.end() + " -->\n"
                    + newest).getBytes(StandardCharsets.UTF_8));
            kept.copyEntriesTo(channel, sameDay);
        });
    }

    /** The complete lines of the log from byte {@code from}, and where they end. */
    private NewEvents readEvents(long from) throws IOException {
        List<ChangelogEvent> events = new ArrayList<>();
        long end = from;
        try (FileChannel log = FileChannel.open(changelog.file(), StandardOpenOption.READ)) {
            log.position(from);
            BufferedReader lines = new BufferedReader(Channels.newReader(log, StandardCharsets.UTF_8));
            // A line still being appended has no newline yet: it waits for the next rebuild.
            for (String line = readCompleteLine(lines); line != null; line = readCompleteLine(lines)) {
                end += line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (!line.isBlank()) {
                    try {
                        events.add(json.readValue(line, ChangelogEvent.class));
                    } catch (JsonProcessingException e) {
                        LOG.warn("changelog.unreadable line left out of CHANGELOG.md: {}", e.getOriginalMessage());
                    }
                }
            }
        }
        return new NewEvents(events, end);
    }

    private static String readCompleteLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = reader.read(); c >= 0; c = reader.read()) {
            if (c == '\n') {
                return line.toString();
            }
            line.append((char) c);
        }
        return null;
    }

    private record NewEvents(List<ChangelogEvent> events, long end) {
    }

    /** The digest on disk: how much of the log it covers, and where its entries start. */
    private record Previous(Path file, long covered, long entriesStart, LocalDate firstDay) {

        static final Previous NONE = new Previous(null, 0, 0, null);
        private static final Pattern FIRST_DAY = Pattern.compile("\n## (\\d{4}-\\d{2}-\\d{2})\n\n");

        static Previous read(Path file) throws IOException {
            if (!Files.exists(file)) {
                return NONE;
            }
            String start;
            try (InputStream in = Files.newInputStream(file)) {
                start = new String(in.readNBytes(HEADER.length() + 200), StandardCharsets.UTF_8);
            }
            Matcher mark = COVERED.matcher(start);
            if (!start.startsWith(HEADER) || !mark.find(HEADER.length()) || mark.start() != HEADER.length()) {
                return NONE;
            }
            long entries = mark.end();
            Matcher day = FIRST_DAY.matcher(start).region(mark.end(), start.length());
            LocalDate firstDay = day.lookingAt() ? LocalDate.parse(day.group(1)) : null;
            return new Previous(file, Long.parseLong(mark.group(1)), entries, firstDay);
        }

        /**
         * Streams the earlier entries after the new ones; when the newest of them fall on this
         * file's first day, that day's heading is already written and is skipped.
         */
        void copyEntriesTo(FileChannel out, boolean continuesFirstDay) throws IOException {
            if (file == null) {
                return;
            }
            long from = entriesStart + (continuesFirstDay && firstDay != null ? ("\n## " + firstDay + "\n\n").length() : 0);
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = in.size();
                for (long at = from; at < size; ) {
                    at += in.transferTo(at, size - at, out);
                }
            }
        }
    }

    /** Entries for {@code events} (oldest first, as logged): newest first, under a heading per day. */
    static String render(List<ChangelogEvent> events) {
        StringBuilder md = new StringBuilder();
        LocalDate day = null;
        for (int i = events.size() - 1; i >= 0; i--) {
            ChangelogEvent event = events.get(i);
            LocalDate eventDay = day(event);
            if (!eventDay.equals(day)) {
                md.append("\n## ").append(eventDay).append("\n\n");
                day = eventDay;
            }
            md.append("- ").append(TIME.format(event.time())).append(" **").append(event.event()).append("** `")
                    .append(event.slug() == null ? "-" : event.slug()).append('`');
            if (event.lang() != null) {
                md.append(' ').append(event.lang().toUpperCase());
            }
            if (event.version() != null) {
                md.append(" v").append(event.version());
            }
            // A version published again after its bundle was deleted by hand: otherwise the same line twice.
            if (event.detail().containsKey(ChangelogEvent.RESTORED)) {
                md.append(" (restored)");
            }
            // A translation accepted for an older version than the source's: the page is published, but not up to date.
            if ("outdated".equals(event.detail().get("status"))) {
                md.append(" (outdated)");
            }
            if (event.file() != null) {
                md.append(" — ").append(asText(event.file().replace("`", "'")));
            }
            // Why nothing was done (translation.request-kept: no new draft, and why): a reader of this
            // file would otherwise see a version with no draft for the language, and no word.
            Object why = event.detail().get(ChangelogEvent.REASON);
            if (why != null) {
                md.append(": ").append(asText(why));
            }
            Object reason = event.detail().get("errors");
            if (reason != null) {
                md.append(": ").append(asText(reason));
            }
            // What the author or translator should still fix in a file that was accepted (the seed's \' at line 17):
            // the people who read this file see it here, not only in the log and bundle.json.
            Object warnings = event.detail().get("warnings");
            if (warnings != null) {
                md.append(reason != null ? "; " : ": ").append("warnings ").append(asText(warnings));
            }
            md.append('\n');
        }
        return md.toString();
    }

    /**
     * A message as Markdown shows it as written, on one line: a "&lt;" that opens what reads as a
     * tag is escaped, or a renderer took "no &lt;target&gt;, or an empty one" for HTML and showed
     * "no , or an empty one".
     */
    private static String asText(Object value) {
        return TAG_OPENING.matcher(value.toString().replace('\n', ' ')).replaceAll("\\\\<");
    }

    private static LocalDate day(ChangelogEvent event) {
        return event.time().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
