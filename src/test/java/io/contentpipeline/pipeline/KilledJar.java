package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contentpipeline.files.Sha256;
import io.contentpipeline.slug.Slugs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the crash-safety tests share: the packaged jar run with --once in a separate process,
 * killed (SIGKILL) a given time after it starts working, and the checks made afterwards on
 * the outbox and the changelog.
 */
final class KilledJar {

    static final Path JAR = Path.of("target/content-pipeline.jar").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KilledJar() {
    }

    /** Corpus files whose path (relative to the corpus folder, with '/') matches the pattern, sorted. */
    static List<Path> corpus(String pattern) throws Exception {
        Path corpus = Path.of(KilledJar.class.getClassLoader().getResource("corpus").toURI());
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            files.filter(f -> corpus.relativize(f).toString().replace('\\', '/').matches(pattern)).sorted().forEach(found::add);
        }
        return found;
    }

    /**
     * Drops {@code count} articles numbered from {@code from}, each under a name (and so a slug)
     * of its own; past the end of the posts they come round again with a line added, so that no
     * two have the same content. Returns the next number.
     */
    static int dropArticles(PipelineHome home, List<Path> posts, Set<String> slugs, int from, int count) throws Exception {
        for (int i = from; i < from + count; i++) {
            Path post = posts.get(i % posts.size());
            String text = Files.readString(post, StandardCharsets.UTF_8);
            home.drop("inbox/" + articleName(i, post) + ".md", i < posts.size() ? text : text + "\n\nCopy " + i + ".\n");
            slugs.add(slug(i, post));
        }
        return from + count;
    }

    /** The slug of the article dropArticles drops as number {@code i}. */
    static String slug(int i, Path post) {
        return Slugs.normalise(articleName(i, post));
    }

    private static String articleName(int i, Path post) {
        return String.format("%03d-%s", i, post.getParent().getFileName() + "-" + post.getFileName().toString().replace(".md", ""));
    }

    /** Starts the pipeline with --once on the home, its output written to the log; runs to the end. */
    static Process start(Path home, Path log) throws IOException {
        return start(home, List.of(), log);
    }

    /** The same, with options for the JVM (before -jar). */
    static Process start(Path home, List<String> jvmOptions, Path log) throws IOException {
        return new ProcessBuilder(command(home, jvmOptions)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs the pipeline once to the end and checks that it exits 0. */
    static void runToEnd(Path home, Path log) throws Exception {
        runToEnd(home, List.of(), log);
    }

    /** The same, with options for the JVM (before -jar). */
    static void runToEnd(Path home, List<String> jvmOptions, Path log) throws Exception {
        Process process = start(home, jvmOptions, log);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the run finishes").isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    }

    /**
     * Starts the pipeline, kills it (SIGKILL) the given time after it starts working (Camel has
     * started, or a first event is logged), its output appended to the log; false if it had
     * already finished.
     */
    static boolean runAndKill(Path home, int millisAfterFirstEvent, Path log) throws Exception {
        return runAndKill(home, List.of(), line -> line.contains(" events ") || line.contains("started in"), millisAfterFirstEvent, log);
    }

    /**
     * Starts the pipeline, kills it (SIGKILL) the given time after the first line of its output
     * that {@code working} accepts, its output appended to the log; false if it had already finished.
     *
     * @param jvmOptions options for the JVM (before -jar)
     */
    static boolean runAndKill(Path home, List<String> jvmOptions, Predicate<String> working, int millisAfter, Path log) throws Exception {
        Process process = new ProcessBuilder(command(home, jvmOptions)).redirectErrorStream(true).start();
        AtomicBoolean started = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (working.test(line)) {
                        started.set(true);
                    }
                    Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                // The process was killed: its output ends here.
            }
        });
        reader.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!started.get() && process.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(millisAfter);
        boolean alive = process.isAlive();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(5_000);
        return alive;
    }

    private static List<String> command(Path home, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "--home", home.toString(), "--once"));
        return command;
    }

    /** Regular files directly in a folder of the home (none when it does not exist). */
    static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * outbox/published/ holds exactly these bundles, each whole: every file its bundle.json lists
     * is there with the sha256 recorded, no other file, and no temporary or hidden file anywhere.
     */
    static void assertBundlesWhole(Path home, Set<String> slugs) throws IOException {
        Path published = home.resolve("outbox/published");
        try (Stream<Path> bundles = Files.list(published)) {
            assertThat(bundles.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(slugs);
        }
        try (Stream<Path> all = Files.walk(published)) {
            assertThat(all.filter(p -> p.getFileName().toString().startsWith(".")).toList())
                    .as("temporary or hidden files in outbox/published").isEmpty();
        }
        for (String slug : slugs) {
            Path bundle = published.resolve(slug);
            JsonNode manifest = JSON.readTree(bundle.resolve("bundle.json").toFile());
            Set<String> listed = new HashSet<>(List.of("bundle.json"));
            for (Iterator<JsonNode> languages = manifest.get("languages").elements(); languages.hasNext(); ) {
                JsonNode files = languages.next().get("files");
                for (Iterator<Map.Entry<String, JsonNode>> file = files.fields(); file.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = file.next();
                    listed.add(entry.getKey());
                    assertThat(Sha256.of(Files.readAllBytes(bundle.resolve(entry.getKey()))))
                            .as(slug + "/" + entry.getKey()).isEqualTo(entry.getValue().asText());
                }
            }
            try (Stream<Path> files = Files.list(bundle)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(listed);
            }
        }
    }

    /** Every line of outbox/changelog.jsonl, each checked whole (a JSON object with its time and event). */
    static List<JsonNode> changelog(Path home) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(home.resolve("outbox/changelog.jsonl"))) {
            JsonNode event;
            try {
                event = JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("torn line in changelog.jsonl: " + line, e);
            }
            assertThat(event != null && event.has("time") && event.has("event")).as("whole line: " + line).isTrue();
            events.add(event);
        }
        return events;
    }
}
