package io.contentpipeline.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The run contract, on the packaged jar in a separate process: --once exits 0 when done,
 * --home creates its folders, a bad setting exits 2 before anything is written, and SIGTERM
 * stops the service gracefully.
 */
class CommandLineIT {

    private static final Path JAR = Path.of("target/content-pipeline.jar").toAbsolutePath();

    @TempDir
    Path temp;

    private Process start(Path home, Path log, String... options) throws IOException {
        return start(List.of(), home, log, options);
    }

    private Process start(List<String> jvmOptions, Path home, Path log, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "--home", home.toString()));
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
                .contains("intake-articles Started 2/0/0").contains("reject-input Started 1/0/0").doesNotContain("check-metadata")
                .as("progress: nothing left, both files taken").containsPattern("\\] inbox=0 taken=2 rate=[0-9.]+/s published=1 ");
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

    /**
     * A stop in the middle of a large import finishes the articles in hand and leaves the rest
     * in the inbox: it used to work through up to 1,000 articles already handed to the workers,
     * hit the 30 s shutdown timeout and force the routes down. The rest is taken on restart,
     * each article once.
     */
    @Test
    void aStopDuringALargeImportFinishesTheArticlesInHandAndTheRestWaitsInTheInbox() throws Exception {
        Path home = temp.resolve("import");
        PipelineHome pipeline = new PipelineHome(home);
        String seed = PipelineHome.resource(SeedArticleTest.SEED);
        int articles = 300;
        for (int i = 0; i < articles; i++) {
            pipeline.drop("inbox/import-" + i + ".md", seed.replaceFirst("---\n", "---\nslug: import-" + i + "\n"));
        }
        Path log = temp.resolve("import.log");
        Process process = start(home, log);
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> Files.readString(log).contains("bundle.published"));
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stopped = Files.readString(log);
        assertThat(stopped).contains("shutdown").doesNotContain("Forcing the routes to be shutdown").doesNotContain("\tat ");
        assertThat(pipeline.files("inbox")).as("the articles not taken wait for the next run").hasSizeGreaterThan(1);

        Process rest = start(home, temp.resolve("rest.log"), "--once");
        assertThat(rest.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(pipeline.files("inbox")).isEmpty();
        assertThat(pipeline.events()).filteredOn(event -> event.path("event").asText().equals("article.accepted"))
                .extracting(event -> event.path("slug").asText()).hasSize(articles).doesNotHaveDuplicates();
    }

    /**
     * The second pipeline refuses before it writes anything: it used to create its folders
     * first, so one started with another target language left inbox/translations/ES/ and
     * outbox/translations/ES/ in the first one's home, as if ES were a target there.
     */
    @Test
    void aSecondPipelineOnTheSameHomeRefusesToStartWithoutWritingAnythingAndLeavesTheFirstRunning() throws Exception {
        Path home = temp.resolve("shared");
        Process first = start(home, temp.resolve("first.log"));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(temp.resolve("first.log")).contains("started"));
            // The first pipeline's own writes at start-up are done once it has written CHANGELOG.md
            // (its digest's first round); it writes nothing more until an event arrives.
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/CHANGELOG.md")));
            Map<String, FileTime> before = tree(home);
            Path log = temp.resolve("second.log");

            Process second = start(List.of("-Dpipeline.targets=EN,ES"), home, log, "--once");

            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(Files.readString(log)).contains("pipeline.not-started: another pipeline (pid " + first.pid() + ")")
                    .doesNotContain("\tat ");
            assertThat(tree(home)).as("every file and folder of the home, with its modification time").isEqualTo(before);
            assertThat(home.resolve("inbox/translations/ES")).doesNotExist();
            assertThat(Files.readString(home.resolve("outbox/.pipeline.lock")).strip()).isEqualTo(String.valueOf(first.pid()));
            PipelineHome pipeline = new PipelineHome(home);
            pipeline.dropResource(SeedArticleTest.SEED, "seed.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/role-cmo-pme/bundle.json")));
        } finally {
            first.destroy();
            first.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /**
     * The lock file deleted while a pipeline runs: a second pipeline created a new one, locked it
     * and ran alongside. The first now takes the file back, so the second is refused; and when the
     * file is replaced by one another process holds, the first stops with exit code 1, naming both.
     */
    @Test
    void aLockFileDeletedWhileRunningIsTakenBackAndOneHeldByAnotherProcessStopsThePipeline() throws Exception {
        Path home = temp.resolve("relock");
        Path firstLog = temp.resolve("first.log");
        Process first = start(home, firstLog);
        Path lockFile = home.resolve("outbox/.pipeline.lock");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(firstLog).contains("started"));
            Files.delete(lockFile);

            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(firstLog).contains("pipeline.lock-taken-back"));
            assertThat(Files.readString(lockFile).strip()).isEqualTo(String.valueOf(first.pid()));
            Path secondLog = temp.resolve("second.log");
            Process second = start(home, secondLog, "--once");
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(Files.readString(secondLog)).contains("pipeline.not-started: another pipeline (pid " + first.pid() + ")");

            // Replaced by a lock file another process (this test) holds, as a pipeline started in between would.
            String other = String.valueOf(ProcessHandle.current().pid());
            Path part = home.resolve("outbox/.other.lock");
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 FileLock held = channel.lock()) {
                channel.write(ByteBuffer.wrap((other + "\n").getBytes(StandardCharsets.US_ASCII)));
                Files.move(part, lockFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

                assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the pipeline that lost its home stops").isTrue();
                assertThat(first.exitValue()).isEqualTo(1);
                assertThat(held.isValid()).isTrue();
                assertThat(Files.readString(lockFile)).as("the other's lock file is left as it is").isEqualTo(other + "\n");
            }
            String output = Files.readString(firstLog);
            assertThat(output).containsOnlyOnce("pipeline.lock-taken-back").containsOnlyOnce("pipeline.lock-lost")
                    .contains("pipeline.lock-lost file=outbox/.pipeline.lock pid=" + first.pid() + " other_pid=" + other)
                    .doesNotContain("\tat ");
        } finally {
            first.destroy();
            first.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** Every path under a folder, relative to it, with its modification time. */
    private static Map<String, FileTime> tree(Path folder) throws IOException {
        Map<String, FileTime> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                tree.put(folder.relativize(path).toString(), Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS));
            }
        }
        return tree;
    }

    @Test
    void anArticleThatExhaustsTheHeapStaysInTheInboxAndIsPublishedOnceThereIsMemory() throws Exception {
        Path home = temp.resolve("small heap");
        PipelineHome pipeline = new PipelineHome(home);
        // The seed with its body repeated up to 4.5 MB: under the size limit, but far more than
        // a 40 MB heap can work on (an article takes twenty to thirty times its size).
        String seed = PipelineHome.resource(SeedArticleTest.SEED);
        int bodyStart = seed.indexOf("\n---", 4) + 4;
        String body = seed.substring(bodyStart);
        pipeline.drop("inbox/big.md", seed.substring(0, bodyStart) + body.repeat(4_500_000 / body.length()));
        Path smallLog = temp.resolve("small.log");

        Process small = start(List.of("-Xmx40m"), home, smallLog, "--once");

        assertThat(small.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(smallLog);
        assertThat(small.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("pipeline.transient-failure file=big.md attempt=1").contains("OutOfMemoryError").contains("give the pipeline more heap (-Xmx)")
                .doesNotContain("pipeline.error").doesNotContain("\tat ");
        assertThat(pipeline.files("inbox")).containsExactly("big.md");
        assertThat(pipeline.files("outbox/rejected")).isEmpty();

        Path log = temp.resolve("enough.log");
        Process enough = start(List.of("-Xmx512m"), home, log, "--once");

        assertThat(enough.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(enough.exitValue()).as(Files.readString(log)).isZero();
        assertThat(pipeline.files("inbox")).isEmpty();
        assertThat(pipeline.files("outbox/published/role-cmo-pme")).contains("bundle.json");
    }

    @Test
    void aBadSettingStopsThePipelineBeforeItWritesAnythingWithOneLineNamingIt() throws Exception {
        Path home = temp.resolve("bad setting");
        Path log = temp.resolve("bad-setting.log");

        Process process = start(List.of("-Dpipeline.targets=EN,XX"), home, log, "--once");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("pipeline.not-started: pipeline.targets is a comma list of ISO 639-1 language codes the detector knows,"
                        + " not EN,XX (set by -Dpipeline.targets): XX is not one; the detector knows af, ar, ")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(home).doesNotExist();
    }

    @Test
    void everyBadSettingIsNamedAtOnceOneLineEachAndAnEmptyOneIsNotTakenForTheDefault() throws Exception {
        Path home = temp.resolve("bad settings");
        Path log = temp.resolve("bad-settings.log");

        Process process = start(List.of("-Dpipeline.targets=", "-Dpipeline.max-file-bytes=-1", "-Dpipeline.durability=fsync"),
                home, log, "--once");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output.lines().filter(line -> line.contains("pipeline.not-started:")).toList()).satisfiesExactly(
                targets -> assertThat(targets).endsWith("pipeline.not-started: pipeline.targets is a comma list of ISO 639-1 language"
                        + " codes the detector knows, not an empty value (set by -Dpipeline.targets): leave the setting out to use the default, EN"),
                durability -> assertThat(durability).endsWith("pipeline.not-started: pipeline.durability is power-loss or process-crash,"
                        + " not fsync (set by -Dpipeline.durability)"),
                bytes -> assertThat(bytes).endsWith("pipeline.not-started: pipeline.max-file-bytes is a whole number of bytes, 1 or more,"
                        + " not -1 (set by -Dpipeline.max-file-bytes)"));
        assertThat(output).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(home).doesNotExist();
    }

    /**
     * --home wins over pipeline.home given by -D or the environment: Camel reads those before its
     * own overrides, and PIPELINE_HOME used to beat --home without a word. Without --home they
     * decide, and an empty one is refused as any empty setting is (it meant the current
     * directory). The default spelled out, -Dpipeline.workers=auto, starts: it reached the routes
     * as the text "auto" and stopped the start with a stack trace.
     */
    @Test
    void theHomeTheCommandLineNamesWinsOverSettingsAndTheDefaultsSpelledOutStart() throws Exception {
        Path option = temp.resolve("option");
        Path setting = temp.resolve("setting");
        Path environment = temp.resolve("environment");

        String both = runOnce(List.of("-Dpipeline.home=" + setting, "-Dpipeline.workers=auto"),
                Map.of("PIPELINE_HOME", environment.toString(), "PIPELINE_WORKERS", "auto"), "--home", option.toString());
        assertThat(both).contains("pipeline home=" + option + " ").doesNotContain("\tat ").doesNotContain("no setting is named");
        assertThat(option.resolve("outbox")).isDirectory();
        assertThat(setting).doesNotExist();
        assertThat(environment).doesNotExist();

        assertThat(runOnce(List.of("-Dpipeline.home=" + setting), Map.of("PIPELINE_HOME", environment.toString())))
                .as("the environment wins over -D, as for every setting (Camel's order)").contains("pipeline home=" + environment + " ");
        assertThat(runOnce(List.of("-Dpipeline.home=" + setting), Map.of())).contains("pipeline home=" + setting + " ");

        Path log = temp.resolve("empty-home.log");
        Process empty = start(List.of("-Dpipeline.home="), Map.of(), log, "--once");
        assertThat(empty.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(empty.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("pipeline.not-started: pipeline.home is a folder, or a new folder in an existing one,"
                + " not an empty value (set by -Dpipeline.home): leave the setting out to use the default, .");
    }

    /** A --once run started in a folder of its own (so that the current directory is never the home), its output. */
    private String runOnce(List<String> jvmOptions, Map<String, String> environment, String... options) throws Exception {
        Path log = Files.createTempFile(temp, "run", ".log");
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.add("--once");
        Process process = start(jvmOptions, environment, log, arguments.toArray(String[]::new));
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The jar with these JVM options, environment variables and arguments only (no --home added). */
    private Process start(List<String> jvmOptions, Map<String, String> environment, Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Files.createDirectories(temp.resolve("cwd")).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PIPELINE_"));
        builder.environment().putAll(environment);
        return builder.start();
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
