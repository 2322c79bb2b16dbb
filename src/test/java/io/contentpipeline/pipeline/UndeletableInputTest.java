package io.contentpipeline.pipeline;

import ch.qos.logback.classic.Level;
import io.contentpipeline.intake.MoveFailures;
import io.contentpipeline.status.PipelineCounts;
import io.contentpipeline.status.TransientFailures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * inbox/ refuses deletions (read-only for a user, append-only for root, whom permissions do
 * not stop): Camel's move cannot rename an input out of it, so it copies the file to its
 * target and then fails to delete the original. The input stays in the inbox and is retried
 * after each back-off; each retry used to leave one more copy in outbox/archive/ (and one
 * more &lt;name&gt;.N with its report in outbox/rejected/). While stuck, an input has no
 * copy in the outbox; once the inbox can be written again it leaves with exactly one. A
 * rejected input is counted once in the status line's rejected_since_start, not once per
 * attempt.
 */
class UndeletableInputTest {

    private static final String NEW_ARTICLE = "---\ntitle: \"Un titre\"\ndate: 2025-07-25\n---\n\nUn court texte en français sur la stratégie.\n";
    private static final String WITHOUT_DATE = "---\ntitle: Sans date\n---\nTexte.\n";

    @TempDir
    Path temp;

    @Test
    @Timeout(180)
    void anInputThatCannotBeDeletedFromTheInboxLeavesWithOneCopy() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.io-retry-delay", "200", "pipeline.io-retry-max-delay", "400"));
        home.drop("inbox/nouveau.md", NEW_ARTICLE);
        home.drop("inbox/sans-date.md", WITHOUT_DATE);
        Path inbox = home.resolve("inbox");
        Assumptions.assumeTrue(refuseDeletions(inbox), "cannot make a folder refuse deletions here (root without chattr)");

        MoveFailureLog log = new MoveFailureLog();
        RunningService service = home.startService();
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> log.retries("nouveau.md") >= 3 && log.retries("sans-date.md") >= 3);

            assertThat(home.files("inbox")).filteredOn(name -> !name.startsWith(".")).containsExactly("nouveau.md", "sans-date.md");
            // rejected_since_start counts the undated input once, not once per attempt.
            PipelineCounts counts = service.runner().camelContext().getRegistry().lookupByNameAndType("pipelineCounts", PipelineCounts.class);
            assertThat(counts.rejected()).isEqualTo(Map.of("article", 1L));
            assertThat(log.lines()).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(2)
                    .allSatisfy(e -> assertThat(e.getFormattedMessage()).contains("Cannot delete file"));
            // The copy a failed attempt made is removed: the input is whole in the inbox. (An
            // attempt in flight holds its report, then its copy, for a moment: wait for a gap.)
            await().atMost(Duration.ofSeconds(30)).until(() -> home.files("outbox/archive/articles").isEmpty());
            await().atMost(Duration.ofSeconds(30)).until(() -> home.files("outbox/rejected").isEmpty());

            allowDeletions(inbox);
            await().atMost(Duration.ofSeconds(30)).until(() -> home.files("inbox").isEmpty());
            assertThat(home.files("outbox/archive/articles")).singleElement().satisfies(name -> assertThat(name).endsWith("_nouveau.md"));
            assertThat(home.read("outbox/archive/articles/" + home.files("outbox/archive/articles").get(0))).isEqualTo(NEW_ARTICLE);
            assertThat(home.files("outbox/rejected")).containsExactly("sans-date.md", "sans-date.md.errors.json");
            assertThat(home.read("outbox/rejected/sans-date.md")).isEqualTo(WITHOUT_DATE);
            assertThat(counts.rejected()).isEqualTo(Map.of("article", 1L));
            // Both inputs left the inbox: their back-offs are forgotten (and MoveFailures' records with them).
            TransientFailures failures = service.runner().camelContext().getRegistry().lookupByNameAndType("transientFailures", TransientFailures.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> failures.count() == 0);
        } finally {
            // Deletions allowed again before the stop, which waits for the inputs in hand.
            allowDeletions(inbox);
            service.close();
            log.close();
        }
        assertThat(home.eventNames()).containsExactlyInAnyOrder("article.accepted", "translation.requested", "bundle.published", "article.rejected");
    }

    /**
     * Makes a folder refuse deletions, checked on a hidden probe file (which the pipeline
     * ignores): read-only is enough for a user; root needs the append-only attribute.
     */
    static boolean refuseDeletions(Path folder) throws IOException, InterruptedException {
        Path probe = folder.resolve(".probe");
        Files.writeString(probe, "");
        folder.toFile().setWritable(false, false);
        if (!deletable(probe)) {
            return true;
        }
        folder.toFile().setWritable(true, false);
        Files.writeString(probe, "");
        return new ProcessBuilder("chattr", "+a", folder.toString()).redirectErrorStream(true).start().waitFor() == 0
                && !deletable(probe);
    }

    static void allowDeletions(Path folder) throws IOException, InterruptedException {
        try {
            new ProcessBuilder("chattr", "-a", folder.toString()).redirectErrorStream(true).start().waitFor();
        } catch (IOException noChattr) {
            // Not root, or no chattr: the folder was only made read-only.
        }
        folder.toFile().setWritable(true, false);
        Files.deleteIfExists(folder.resolve(".probe"));
    }

    private static boolean deletable(Path file) {
        try {
            Files.delete(file);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
