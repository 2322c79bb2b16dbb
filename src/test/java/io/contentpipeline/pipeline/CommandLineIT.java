package io.contentpipeline.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The run contract, on the packaged jar in a separate process: --once exits 0 when done,
 * --home creates its folders, and SIGTERM stops the service gracefully.
 */
class CommandLineIT {

    private static final Path JAR = Path.of("target/content-pipeline.jar").toAbsolutePath();

    @TempDir
    Path temp;

    private Process start(Path home, Path log, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "--home", home.toString()));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void onceProcessesEverythingPendingAndExitsZeroEvenWhenAnArticleIsRejected() throws Exception {
        Path home = temp.resolve("new home");
        PipelineHome pipeline = new PipelineHome(home);
        pipeline.dropResource(SeedArticleTest.SEED, "000_02568b89924bce3c.txt");
        pipeline.drop("inbox/bad.md", "---\ndate: 25/07/2025\n---\nx\n");
        Path log = temp.resolve("once.log");

        Process process = start(home, log, "--once");

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
        assertThat(pipeline.files("outbox/published/role-cmo-pme")).contains("bundle.json");
        assertThat(pipeline.files("outbox/rejected")).contains("bad.md", "bad.md.errors.json");
        String output = Files.readString(log);
        assertThat(output).contains("article.rejected").contains("article.accepted slug=role-cmo-pme lang=fr version=1")
                .contains("status routes=[").doesNotContain("RejectedInputException").doesNotContain("\tat ")
                .as("a rejection is not a failure, and stage routes stay out of the status line while they run")
                .contains("intake-articles Started 2/0/0").contains("reject-input Started 1/0/0").doesNotContain("check-metadata");
    }

    @Test
    void theServiceStopsGracefullyOnSigterm() throws Exception {
        Path home = temp.resolve("service");
        Path log = temp.resolve("service.log");
        Process process = start(home, log);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("started"));
            PipelineHome pipeline = new PipelineHome(home);
            pipeline.dropResource(SeedArticleTest.SEED, "seed.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/role-cmo-pme/bundle.json")));
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("shutdown");
        assertThat(new PipelineHome(home).files("inbox")).isEmpty();
        assertThat(Files.readString(home.resolve("outbox/CHANGELOG.md"))).contains("bundle.published");
    }

    @Test
    void aSecondPipelineOnTheSameHomeRefusesToStartAndLeavesTheFirstRunning() throws Exception {
        Path home = temp.resolve("shared");
        Process first = start(home, temp.resolve("first.log"));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(temp.resolve("first.log")).contains("started"));
            Path log = temp.resolve("second.log");

            Process second = start(home, log, "--once");

            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(Files.readString(log)).contains("pipeline.not-started: another pipeline (pid " + first.pid() + ")")
                    .doesNotContain("\tat ");
            PipelineHome pipeline = new PipelineHome(home);
            pipeline.dropResource(SeedArticleTest.SEED, "seed.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/role-cmo-pme/bundle.json")));
        } finally {
            first.destroy();
            first.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUnknownOptionExitsTwoWithUsage() throws Exception {
        Path log = temp.resolve("usage.log");
        Process process = start(temp.resolve("h"), log, "--bogus");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("unknown option --bogus").contains("Usage:");
    }
}
