package io.contentpipeline.changelog;

import io.contentpipeline.article.ChangelogEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChangelogTest {

    @TempDir
    Path temp;

    @Test
    void aLineTornByACrashIsCutAndStateEventsAreWrittenOncePerVersion() throws Exception {
        Path file = temp.resolve("changelog.jsonl");
        Changelog first = new Changelog(file);
        first.open();
        ChangelogEvent accepted = ChangelogEvent.now(ChangelogEvent.ARTICLE_ACCEPTED, "s", "fr", 1, "a.md", Map.of());
        assertThat(first.append(accepted)).isTrue();
        first.close();
        Files.writeString(file, Files.readString(file) + "{\"time\":\"2026-", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);

        Changelog second = new Changelog(file);
        second.open();
        assertThat(second.append(ChangelogEvent.now(ChangelogEvent.ARTICLE_ACCEPTED, "s", "fr", 1, "again.md", Map.of())))
                .as("replayed after a crash").isFalse();
        assertThat(second.append(ChangelogEvent.now(ChangelogEvent.ARTICLE_UNCHANGED, "s", "fr", 1, "again.md", Map.of()))).isTrue();
        assertThat(second.append(ChangelogEvent.now(ChangelogEvent.ARTICLE_ACCEPTED, "s", "fr", 2, "b.md", Map.of()))).isTrue();
        second.close();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3).allMatch(line -> line.startsWith("{") && line.endsWith("}"));
        assertThat(ChangelogDigest.render(List.of(accepted))).contains("**article.accepted** `s` FR v1 — a.md");
    }
}
