package io.contentpipeline.pipeline;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An input whose outputs are written but which cannot be moved out of the inbox (here
 * outbox/archive/articles is a plain file, which fails even for root) is taken again after
 * each back-off. Each attempt runs the route again, and used to log the file as
 * article.unchanged every time: the changelog grew by one line per retry for as long as the
 * obstacle stayed. A stuck file is logged once; a file dropped again later is logged again.
 */
class StuckInputChangelogTest {

    private static final String NEW_ARTICLE = "---\ntitle: \"Un titre\"\ndate: 2025-07-25\n---\n\nUn court texte en français sur la stratégie.\n";

    @TempDir
    Path temp;

    @Test
    @Timeout(180)
    void aFileThatCannotLeaveTheInboxIsLoggedOnceOverItsRetriesAndLeavesWhenTheArchiveRecovers() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.io-retry-delay", "200", "pipeline.io-retry-max-delay", "400"));
        home.publishSeed("seed.txt");
        // The archive folder is set aside and a plain file takes its place: every move into it fails.
        Files.move(home.resolve("outbox/archive/articles"), home.resolve("outbox/archive-before"));
        Files.writeString(home.resolve("outbox/archive/articles"), "not a folder");

        MoveFailureLog log = new MoveFailureLog();
        try (RunningService service = home.startService()) {
            // The seed again, same content (unchanged), and an article not seen before (accepted).
            // Dropped files are dated a second back; a file dated before its bundle took in the
            // same content under the same name would be that input replayed after a crash.
            await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().minusSeconds(2).isAfter(Instant.parse(home.bundle("role-cmo-pme").get("languages").get("fr").get("accepted_at").asText())));
            home.dropResource(SeedArticleTest.SEED, "seed.txt");
            home.drop("inbox/nouveau.md", NEW_ARTICLE);
            await().atMost(Duration.ofSeconds(60)).until(() -> log.retries("seed.txt") >= 3 && log.retries("nouveau.md") >= 3);

            assertThat(home.files("inbox")).containsExactly("nouveau.md", "seed.txt");
            assertThat(events(home, "role-cmo-pme")).containsExactly(
                    "article.accepted", "translation.requested", "bundle.published", "article.unchanged");
            assertThat(events(home, "nouveau")).containsExactly("article.accepted", "translation.requested", "bundle.published");
            assertThat(log.lines()).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(2);

            // The obstacle goes: both files leave the inbox at their next attempt, logged no more.
            Files.delete(home.resolve("outbox/archive/articles"));
            await().atMost(Duration.ofSeconds(30)).until(() -> home.files("inbox").isEmpty());
            assertThat(home.files("outbox/archive/articles")).hasSize(2);
            assertThat(events(home, "role-cmo-pme")).filteredOn("article.unchanged"::equals).hasSize(1);
            assertThat(events(home, "nouveau")).containsExactly("article.accepted", "translation.requested", "bundle.published");

            // An operator copies the archived seed back into the inbox as it was (same size and
            // modification time, as cp -p does): a new input, logged once more. What was known of
            // the stuck file went when it left the inbox, so this one is not taken for a retry.
            Path archived = home.resolve("outbox/archive/articles").resolve(home.files("outbox/archive/articles").stream()
                    .filter(name -> name.endsWith("_seed.txt")).findFirst().orElseThrow());
            Path part = home.resolve("inbox/.seed.txt.part");
            Files.copy(archived, part, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(part, home.resolve("inbox/seed.txt"));
            await().atMost(Duration.ofSeconds(30)).until(() -> home.files("inbox").isEmpty()
                    && home.files("outbox/archive/articles").size() == 3);
        } finally {
            log.close();
        }
        assertThat(events(home, "role-cmo-pme")).containsExactly(
                "article.accepted", "translation.requested", "bundle.published", "article.unchanged", "article.unchanged");
        assertThat(events(home, "nouveau")).containsExactly("article.accepted", "translation.requested", "bundle.published");
    }

    /** The changelog's events for one slug, in order. */
    private static List<String> events(PipelineHome home, String slug) {
        return home.events().stream().filter(e -> e.get("slug").asText().equals(slug))
                .map(e -> e.get("event").asText()).toList();
    }
}
