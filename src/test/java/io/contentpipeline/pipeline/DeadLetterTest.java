package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An input the pipeline fails on for a reason of its own (a bug: here an exception thrown
 * inside the real routes, StageHook) is set aside in outbox/rejected/ with internal-error.
 * A --once run that did so ended with exit code 0, and its status line counted the input as an
 * author's rejection (rejected_since_start={article=1}): a cron job saw nothing wrong. The run
 * now exits 1, says why in one line, and the status line counts it as internal_error.
 */
class DeadLetterTest {

    @TempDir
    Path temp;

    @AfterEach
    void clearHook() {
        StageHook.clear();
    }

    @Test
    void aOnceRunThatSetsAnInputAsideForAPipelineErrorExitsOneAndSaysSo() {
        PipelineHome home = new PipelineHome(temp, StageHook.SETTING);
        home.dropResource(SeedArticleTest.SEED, "seed.txt");
        StageHook.before("direct:derive-metadata", exchange -> {
            throw new IllegalStateException("a bug in a stage");
        });

        List<String> lines = RejectionTest.logLines(home::runOnce, 1, "pipeline.status", "io.contentpipeline.runtime.PipelineRunner");

        JsonNode error = home.json("outbox/rejected/seed.txt.errors.json").get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("internal-error");
        assertThat(lines).filteredOn(line -> line.startsWith("status ")).last().asString()
                .contains(" rejected_since_start={internal_error=1}");
        assertThat(lines).contains("pipeline.once-failed 1 input(s) were set aside in outbox/rejected/ by an error of the pipeline"
                + " (internal-error; the log has its stack trace)");
    }
}
