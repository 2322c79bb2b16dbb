package io.contentpipeline.pipeline;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.contentpipeline.runtime.PipelineRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A home whose folders the pipeline cannot create (simulated by a plain file where
 * outbox/rejected/ should be, which fails even for root, unlike permissions; a home owned by
 * another user or on a read-only mount fails the same way). The operator used to get
 * "pipeline.failed: java.nio.file.AccessDeniedException: /srv/content/outbox/rejected" with a
 * stack trace of Camel's start-up: one line now says what could not be written and why.
 */
class UnwritableHomeTest {

    @TempDir
    Path temp;

    @Test
    void aHomeWhoseFoldersCannotBeCreatedStopsThePipelineWithOneLineSayingWhich() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        Files.createDirectories(home.resolve("outbox"));
        Files.writeString(home.resolve("outbox/rejected"), "not a folder");
        home.dropResource(SeedArticleTest.SEED, "seed.txt");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger runnerLogger = (Logger) LoggerFactory.getLogger(PipelineRunner.class);
        runnerLogger.addAppender(log);
        int exitCode;
        try {
            exitCode = home.runOnce();
        } finally {
            runnerLogger.detachAppender(log);
        }

        assertThat(exitCode).isEqualTo(1);
        assertThat(log.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).isEqualTo("pipeline.not-started: cannot create the folder "
                    + home.resolve("outbox/rejected") + ": a file of that name is in the way; the pipeline needs to create"
                    + " and write folders and files in its home, " + home.path());
            assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
        });
        assertThat(home.files("inbox")).containsExactly("seed.txt");

        // The home lock is taken before the folders are made: the refused run gave it back, so
        // the operator's next run (in this same process) is not told another pipeline holds it.
        Files.delete(home.resolve("outbox/rejected"));
        assertThat(home.runOnce()).isZero();
        assertThat(home.files("outbox/published/role-cmo-pme")).contains("bundle.json");
    }
}
