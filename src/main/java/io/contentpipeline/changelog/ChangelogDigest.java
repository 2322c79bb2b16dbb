package io.contentpipeline.changelog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.contentpipeline.article.ChangelogEvent;
import io.contentpipeline.files.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * outbox/CHANGELOG.md, the human view of changelog.jsonl: newest first, grouped by day (UTC).
 * Rebuilt from the log by a timer route when events arrived, and once more at shutdown,
 * rather than on every event, so a migration of thousands of articles does not rewrite it
 * thousands of times.
 */
public final class ChangelogDigest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Changelog changelog;
    private final Path target;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ChangelogDigest(Changelog changelog, Path target) {
        this.changelog = changelog;
        this.target = target;
    }

    /** Rebuilds CHANGELOG.md if events arrived since the last rebuild. */
    public void refresh() throws IOException {
        if (changelog.takeChanged()) {
            AtomicFiles.write(target, render(readEvents()));
        }
    }

    private List<ChangelogEvent> readEvents() throws IOException {
        List<ChangelogEvent> events = new ArrayList<>();
        if (!Files.exists(changelog.file())) {
            return events;
        }
        try (var lines = Files.lines(changelog.file(), StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (!line.isBlank()) {
                    events.add(json.readValue(line, ChangelogEvent.class));
                }
            }
        }
        return events;
    }

    static String render(List<ChangelogEvent> events) {
        StringBuilder md = new StringBuilder("# Changelog\n\nNewest first. Times are UTC. Machine-readable log: `changelog.jsonl`.\n");
        LocalDate day = null;
        for (int i = events.size() - 1; i >= 0; i--) {
            ChangelogEvent event = events.get(i);
            LocalDate eventDay = event.time().atZone(ZoneOffset.UTC).toLocalDate();
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
            if (event.file() != null) {
                md.append(" — ").append(event.file().replace("`", "'"));
            }
            Object reason = event.detail().get("errors");
            if (reason != null) {
                md.append(": ").append(reason.toString().replace('\n', ' '));
            }
            md.append('\n');
        }
        return md.toString();
    }
}
