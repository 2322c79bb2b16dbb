package io.contentpipeline.pipeline;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The home moved away (mv) while the service works. An article taken by the poll and waiting
 * for its turn (here for room in the budget of bytes in flight, held by an article at work)
 * found its file gone when it came to be read: it was rejected as "a special file, not a
 * file", with a report and an article.rejected event, and the move of that rejection then
 * failed and said it again, as a file that "stays in the inbox, tried again in 1000 ms" (the
 * report then deleted as an orphan, the event left naming it). Nothing was read: one line says
 * the file was gone, and nothing else is written for it.
 */
class HomeMovedWhileRunningTest {

    @TempDir
    Path temp;

    @Test
    void anArticleWhoseFileLeftWithTheHomeBeforeItWasReadIsNamedOnceAndNotRejected() throws Exception {
        Map<String, String> settings = new HashMap<>(StageHook.SETTING);
        // Room for one article at a time: the second waits, taken but not read.
        settings.put("pipeline.in-flight-bytes", "1000");
        settings.put("pipeline.status-interval", "500");
        PipelineHome home = new PipelineHome(temp.resolve("home"), settings);
        Path away = temp.resolve("away");
        // The first article is held at work until the second has been taken and waits for room.
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch moveNow = new CountDownLatch(1);
        StageHook.before("direct:derive-metadata", exchange -> {
            held.countDown();
            if (moveNow.await(30, TimeUnit.SECONDS) && Files.exists(home.path())) {
                Files.move(home.path(), away);
            }
        });
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        try (RunningService service = home.startService()) {
            home.dropResource(SeedArticleTest.SEED, "a.txt");
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            home.drop("inbox/brouillon.md", "---\ntitle: Sans date\n---\nTexte." + " Encore.".repeat(120) + "\n");
            // A poll (500 ms) and the read lock's window (300 ms) later, it is taken and waits.
            Thread.sleep(1500);
            moveNow.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> lines(log).stream().anyMatch(line -> line.contains("brouillon.md")));
            // The retry the old move failure announced would have come by now.
            Thread.sleep(2000);
        } finally {
            StageHook.clear();
            root.detachAppender(log);
        }
        assertThat(lines(log)).filteredOn(line -> line.contains("brouillon.md")).singleElement().satisfies(line -> assertThat(line)
                .startsWith("inbox.gone file=brouillon.md: the file was taken out of the inbox (or the home moved away) before"));
        assertThat(home.events()).noneMatch(event -> event.get("file").asText().equals("brouillon.md"));
        assertThat(home.files("outbox/rejected")).isEmpty();
        assertThat(lines(log)).as("the service whose home moved stops (HomeLockTest)").anyMatch(line -> line.startsWith("pipeline.home-moved"));
        assertThat(away.resolve("inbox/brouillon.md")).as("the file, gone with the home, untouched").exists();
        assertThat(lines(log)).filteredOn(line -> line.startsWith("status ")).last()
                .satisfies(line -> assertThat(line).doesNotContain("retrying=").doesNotContain("rejected_since_start={article"));
    }

    private static List<String> lines(ListAppender<ILoggingEvent> log) {
        synchronized (log) {
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
