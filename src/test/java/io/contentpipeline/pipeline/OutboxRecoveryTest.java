package io.contentpipeline.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What start-up repairs after a kill -9: temporary files of interrupted writes, wherever the pipeline writes them. */
class OutboxRecoveryTest {

    @TempDir
    Path temp;

    /**
     * A kill during a write of outbox/CHANGELOG.md left outbox/.tmp-&lt;uuid&gt;.part, and one
     * during a pseudo-translated return left it in inbox/translations/EN/: only published/,
     * translations/, sources/ and rejected/ were swept, so these stayed for good. Names that
     * only look like ours are left alone.
     */
    @Test
    @Timeout(120)
    void temporaryFilesLeftByAKilledWriteAreSweptFromTheOutboxRootTheArchiveAndTheReturnFolders() {
        PipelineHome home = new PipelineHome(temp);
        String[] ours = {"outbox/" + temporary(), "outbox/archive/articles/" + temporary(), "outbox/archive/" + temporary(),
                "inbox/translations/EN/" + temporary(), "outbox/published/x/" + temporary()};
        for (String path : ours) {
            home.drop(path, "half a file");
        }
        home.drop("outbox/.tmp-notes.part", "not ours");
        home.drop("outbox/archive/articles/20250725T101500.000Z_.tmp-draft.md", "an archived input");

        List<String> lines = RejectionTest.logLines(home::runOnce, 0, "io.contentpipeline.publish.BundleStore");

        for (String path : ours) {
            assertThat(home.resolve(path)).as(path).doesNotExist();
        }
        assertThat(home.resolve("outbox/.tmp-notes.part")).exists();
        assertThat(home.resolve("outbox/archive/articles/20250725T101500.000Z_.tmp-draft.md")).exists();
        assertThat(lines).containsExactly("outbox.recovered 5 temporary file(s) left by an interrupted write were removed");
    }

    private static String temporary() {
        return ".tmp-" + UUID.randomUUID() + ".part";
    }
}
