package io.contentpipeline.pipeline;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.contentpipeline.files.FileNames;
import io.contentpipeline.intake.MoveFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs named up to the file system's limit (255 bytes of UTF-8): every name the pipeline
 * derives from them (archive copy, rejected copy, report, temporary files) must fit too, or
 * the input could never leave the inbox. And a move that fails for any reason is reported
 * and held back, not retried silently at every poll.
 */
class LongFileNameTest {

    private static final String ARTICLE = "---\ntitle: \"Un titre\"\ndate: 2025-07-25\n---\n\nUn court texte en français sur la stratégie.\n";
    private static final String WITHOUT_DATE = "---\ntitle: \"Sans date\"\n---\n\nUn court texte en français sur la stratégie.\n";

    @TempDir
    Path temp;

    @Test
    @Timeout(60)
    void inputsNamedNearTheLimitArePublishedOrRejectedAndLeaveTheInbox() {
        PipelineHome home = new PipelineHome(temp);
        String valid = "a".repeat(240) + ".md";
        String undated = "Stratégie ".repeat(21) + "x".repeat(6) + ".md";
        assertThat(FileNames.utf8Length(valid)).isEqualTo(243);
        assertThat(FileNames.utf8Length(undated)).isEqualTo(240);
        home.drop("inbox/" + valid, ARTICLE);
        home.drop("inbox/" + undated, WITHOUT_DATE);

        assertThat(home.runOnce()).isZero();

        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.bundle("a".repeat(100)).get("slug").asText()).isEqualTo("a".repeat(100));
        List<String> archived = home.files("outbox/archive/articles");
        assertThat(archived).singleElement().satisfies(name -> {
            assertThat(FileNames.utf8Length(name)).isLessThanOrEqualTo(255);
            assertThat(name).matches("\\d{8}T\\d{6}\\.\\d{3}Z_a+~[0-9a-f]{8}\\.md");
        });
        assertThat(home.read("outbox/archive/articles/" + archived.get(0))).isEqualTo(ARTICLE);

        List<String> rejected = home.files("outbox/rejected");
        assertThat(rejected).hasSize(2).allSatisfy(name -> assertThat(FileNames.utf8Length(name)).isLessThanOrEqualTo(255));
        String copy = rejected.get(0);
        assertThat(copy).startsWith("Stratégie Stratégie").endsWith(".md");
        assertThat(rejected.get(1)).isEqualTo(copy + ".errors.json");
        assertThat(home.read("outbox/rejected/" + copy)).isEqualTo(WITHOUT_DATE);
        assertThat(home.json("outbox/rejected/" + copy + ".errors.json").get("file").asText()).isEqualTo(undated);

        assertThat(home.eventNames()).containsExactlyInAnyOrder("article.accepted", "translation.requested", "bundle.published", "article.rejected");
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("article.rejected"))
                .singleElement().satisfies(e -> assertThat(e.get("file").asText()).isEqualTo(undated));
        assertNoDebris(home.resolve("outbox"));
    }

    @Test
    @Timeout(60)
    void aRejectionThatMustBeNumberedFitsToo() {
        PipelineHome home = new PipelineHome(temp);
        String undated = "é".repeat(120) + ".md";
        home.drop("inbox/" + undated, WITHOUT_DATE);
        assertThat(home.runOnce()).isZero();
        home.drop("inbox/" + undated, WITHOUT_DATE);
        assertThat(home.runOnce()).isZero();

        List<String> rejected = home.files("outbox/rejected");
        assertThat(rejected).hasSize(4).allSatisfy(name -> assertThat(FileNames.utf8Length(name)).isLessThanOrEqualTo(255));
        assertThat(rejected).anySatisfy(name -> assertThat(name).endsWith(".2.md.errors.json"));
        assertThat(rejected).anySatisfy(name -> assertThat(name).endsWith(".2.md"));
        assertThat(home.files("inbox")).isEmpty();
        assertNoDebris(home.resolve("outbox"));
    }

    /**
     * outbox/archive/articles is a plain file, so the archive move fails after the article is
     * published. The run must end (exit 1, the input stays in the inbox) with one WARN line
     * naming the file and the reason, rather than taking the file again at every poll.
     */
    @Test
    @Timeout(60)
    void anArchiveMoveThatFailsIsReportedOnceAndTheRunEnds() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        Files.createDirectories(home.resolve("outbox/archive"));
        Files.writeString(home.resolve("outbox/archive/articles"), "not a folder");
        home.drop("inbox/article.md", ARTICLE);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger moveLogger = (Logger) LoggerFactory.getLogger(MoveFailures.class);
        moveLogger.addAppender(log);
        int exit;
        try {
            exit = home.runOnce();
        } finally {
            moveLogger.detachAppender(log);
        }

        assertThat(exit).as("an input that could not be handled").isEqualTo(1);
        assertThat(home.files("inbox")).containsExactly("article.md");
        assertThat(home.bundle("article").get("slug").asText()).isEqualTo("article");
        assertThat(log.list).filteredOn(e -> e.getLevel().toString().equals("WARN")).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).startsWith("pipeline.move-failed file=article.md")
                        .contains("outbox/archive/articles/").contains("error="));
        // A retry of the stuck file within the run is not logged as article.unchanged (StuckInputChangelogTest).
        assertThat(home.eventNames()).doesNotContain("article.unchanged");
    }

    /** No temporary file, no empty file and no name over the limit anywhere in the outbox. */
    private static void assertNoDebris(Path outbox) {
        try (Stream<Path> paths = Files.walk(outbox)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String name = path.getFileName().toString();
                assertThat(name).as(path.toString()).doesNotStartWith(".tmp-");
                assertThat(FileNames.utf8Length(name)).as(path.toString()).isLessThanOrEqualTo(255);
                if (!name.equals(".pipeline.lock")) {
                    assertThat(Files.size(path)).as(path + " is empty").isPositive();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
