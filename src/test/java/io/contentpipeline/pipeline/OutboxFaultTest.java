package io.contentpipeline.pipeline;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.contentpipeline.status.TransientFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox cannot be written (simulated by a plain file where outbox/published/ should be,
 * which fails even for root, unlike permissions): the article stays in the inbox, each
 * attempt is logged once with a growing delay, no bundle appears, and when the fault
 * clears the article is published without anyone stepping in.
 */
class OutboxFaultTest {

    @TempDir
    Path temp;

    @Test
    void anArticleWaitsInTheInboxWhileTheOutboxFailsAndIsPublishedWhenItRecovers() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.io-retry-delay", "200", "pipeline.status-interval", "200"));
        ListAppender<ILoggingEvent> status = new ListAppender<>();
        status.start();
        Logger statusLogger = (Logger) LoggerFactory.getLogger("pipeline.status");
        statusLogger.addAppender(status);
        withServiceBlocking(home, "outbox/published", log -> {
            home.dropResource(SeedArticleTest.SEED, "seed.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(log) >= 3);
            // The status line used to say inbox=0 while the file sat there, waiting for its next attempt.
            await().atMost(Duration.ofSeconds(10)).until(() -> messages(status).stream().anyMatch(line -> line.contains(" inbox=0 retrying=1 ")));

            assertThat(home.files("inbox")).containsExactly("seed.txt");
            assertThat(home.eventNames()).doesNotContain("bundle.published");
            List<String> lines = messages(log);
            assertThat(lines.get(0)).contains("attempt=1").contains("retry_in_ms=200").contains("seed.txt");
            assertThat(lines.get(1)).contains("attempt=2").contains("retry_in_ms=400");
            assertThat(lines.get(2)).contains("attempt=3").contains("retry_in_ms=800");

            Files.delete(home.resolve("outbox/published"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/role-cmo-pme/bundle.json")));
            await().atMost(Duration.ofSeconds(10)).until(() -> home.files("inbox").isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> messages(status).stream()
                    .anyMatch(line -> line.contains(" inbox=0 taken=") && line.contains(" published=1 ")));
        });
        statusLogger.detachAppender(status);
        assertThat(home.eventNames()).containsSubsequence("article.accepted", "bundle.published");
        assertThat(home.eventNames()).filteredOn("article.accepted"::equals).hasSize(1);
    }

    /**
     * A file's back-off ends when it leaves the inbox: a later file of the same name that fails
     * starts again at the first delay, instead of going on with the old file's longer one.
     */
    @Test
    void aNewFileUnderTheNameOfOneThatRecoveredStartsItsBackOffAfresh() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.io-retry-delay", "200"));
        withServiceBlocking(home, "outbox/published", log -> {
            home.dropResource(SeedArticleTest.SEED, "seed.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(log) >= 3);
            Files.delete(home.resolve("outbox/published"));
            await().atMost(Duration.ofSeconds(30)).until(() -> home.files("inbox").isEmpty());
            int before = (int) attempts(log);

            // The outbox fails again, and another article is dropped under the same name.
            Files.move(home.resolve("outbox/published"), home.resolve("outbox/published-before"));
            Files.writeString(home.resolve("outbox/published"), "not a folder");
            home.drop("inbox/seed.txt", "---\ntitle: \"Un autre\"\ndate: 2025-07-25\n---\n\nUn autre texte en français.\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(log) >= before + 2);

            List<String> lines = messages(log);
            assertThat(lines.get(before)).contains("seed.txt").contains("attempt=1").contains("retry_in_ms=200");
            assertThat(lines.get(before + 1)).contains("attempt=2").contains("retry_in_ms=400");
        });
    }

    @Test
    void aRejectionThatCannotBeWrittenWaitsInTheInboxAndIsWrittenWhenTheOutboxRecovers() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.io-retry-delay", "200"));
        withServiceBlocking(home, "outbox/rejected", log -> {
            home.drop("inbox/sans-date.md", "---\ntitle: Sans date\n---\nTexte.\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(log) >= 3);

            assertThat(home.files("inbox")).containsExactly("sans-date.md");
            List<String> lines = messages(log);
            assertThat(lines.get(0)).contains("sans-date.md").contains("attempt=1");
            assertThat(lines.get(2)).contains("attempt=3").contains("retry_in_ms=800");

            Files.delete(home.resolve("outbox/rejected"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/rejected/sans-date.md.errors.json")));
            await().atMost(Duration.ofSeconds(10)).until(() -> home.files("inbox").isEmpty());
        });
        assertThat(home.eventNames()).containsExactly("article.rejected");
    }

    /** What a test does while the service runs, with the transient-failure log lines in hand. */
    private interface WhileBlocked {
        void run(ListAppender<ILoggingEvent> log) throws Exception;
    }

    /**
     * Runs the pipeline as a service, replaces one of its outbox folders with a plain file once
     * it has started, runs {@code steps}, and stops the service.
     */
    private static void withServiceBlocking(PipelineHome home, String folder, WhileBlocked steps) throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger ioLogger = (Logger) LoggerFactory.getLogger(TransientFailures.class);
        ioLogger.addAppender(log);
        try (RunningService service = home.startService()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.isDirectory(home.resolve(folder)));
            Files.delete(home.resolve(folder));
            Files.writeString(home.resolve(folder), "not a folder");
            steps.run(log);
        } finally {
            ioLogger.detachAppender(log);
        }
    }

    private static List<String> messages(ListAppender<ILoggingEvent> log) {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static long attempts(ListAppender<ILoggingEvent> log) {
        return log.list.stream().filter(e -> e.getFormattedMessage().startsWith("pipeline.transient-failure")).count();
    }
}
