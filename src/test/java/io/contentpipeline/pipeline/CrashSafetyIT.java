package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contentpipeline.files.Sha256;
import io.contentpipeline.slug.Slugs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety on the packaged jar in a separate process: a few hundred real articles,
 * the process killed with SIGKILL at random moments while it works (seeded, so a failure
 * can be replayed), restarted each time, then allowed to finish. Afterwards every article
 * is published exactly once, every bundle is whole, the changelog has each event once
 * and no torn line, and nothing is left in the inbox or half-written in outbox/published/.
 */
class CrashSafetyIT {

    private static final long SEED = Long.getLong("crash.seed", 20261127L);
    private static final int KILLS = 10;
    private static final int ARTICLES = 200;
    /** When fewer articles than this wait in the inbox before a run, more are dropped. */
    private static final int REFILL_BELOW = 60;
    private static final int REFILL = 100;
    private static final Path JAR = Path.of("target/content-pipeline.jar").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void killedTenTimesWhileWorkingTheOutboxIsWholeAndTheChangelogExact() throws Exception {
        Path home = temp.resolve("home");
        PipelineHome pipelineHome = new PipelineHome(home);
        List<Path> posts = posts();
        Set<String> slugs = new HashSet<>();
        int dropped = dropArticles(pipelineHome, posts, slugs, 0, ARTICLES);
        Random random = new Random(SEED);
        int killed = 0;
        // Every kill must hit a working process: on a fast machine the inbox can empty before the
        // tenth, so it is topped up with more distinct articles whenever it runs low.
        for (int run = 0; killed < KILLS && run < 3 * KILLS; run++) {
            if (inboxFiles(home) < REFILL_BELOW) {
                dropped = dropArticles(pipelineHome, posts, slugs, dropped, REFILL);
            }
            if (runAndKill(home, 200 + random.nextInt(2500))) {
                killed++;
            }
        }
        Process last = start(home, temp.resolve("final.log"));
        assertThat(last.waitFor(180, TimeUnit.SECONDS)).as("the final run finishes").isTrue();
        assertThat(last.exitValue()).as(Files.readString(temp.resolve("final.log"))).isZero();

        assertThat(killed).as("kills that hit a working process (seed " + SEED + ")").isGreaterThanOrEqualTo(KILLS);
        assertPublishedWhole(home, slugs);
        assertChangelogExact(home, slugs);
        try (Stream<Path> left = Files.list(home.resolve("inbox"))) {
            assertThat(left.filter(Files::isRegularFile).toList()).as("inbox").isEmpty();
        }
    }

    /** CDS blog posts from the corpus. */
    private static List<Path> posts() throws Exception {
        Path corpus = Path.of(CrashSafetyIT.class.getClassLoader().getResource("corpus").toURI());
        List<Path> posts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            files.filter(f -> f.getFileName().toString().matches("cds__(en|fr)__blog__posts__.*\\.md")
                    || f.toString().matches(".*/pairs/cds-[^/]+/(en|fr)\\.md")).sorted().forEach(posts::add);
        }
        return posts;
    }

    /**
     * Drops {@code count} articles numbered from {@code from}, each under a name (and so a slug)
     * of its own; past the end of the posts they come round again with a line added, so that no
     * two have the same content. Returns the next number.
     */
    private static int dropArticles(PipelineHome home, List<Path> posts, Set<String> slugs, int from, int count) throws Exception {
        for (int i = from; i < from + count; i++) {
            Path post = posts.get(i % posts.size());
            String name = String.format("%03d-%s.md", i, post.getParent().getFileName() + "-" + post.getFileName().toString().replace(".md", ""));
            String text = Files.readString(post, StandardCharsets.UTF_8);
            home.drop("inbox/" + name, i < posts.size() ? text : text + "\n\nCopy " + i + ".\n");
            slugs.add(Slugs.normalise(name.substring(0, name.length() - 3)));
        }
        return from + count;
    }

    private static long inboxFiles(Path home) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("inbox"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** Starts the pipeline, kills it (SIGKILL) the given time after it starts working; false if it had already finished. */
    private boolean runAndKill(Path home, int millisAfterFirstEvent) throws Exception {
        Path log = temp.resolve("run.log");
        Process process = new ProcessBuilder(java(), "-Xmx512m", "-jar", JAR.toString(), "--home", home.toString(), "--once")
                .redirectErrorStream(true).start();
        AtomicBoolean working = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.contains(" events ") || line.contains("started in")) {
                        working.set(true);
                    }
                    Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                // The process was killed: its output ends here.
            }
        });
        reader.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!working.get() && process.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(millisAfterFirstEvent);
        boolean alive = process.isAlive();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(5_000);
        return alive;
    }

    private static Process start(Path home, Path log) throws IOException {
        return new ProcessBuilder(java(), "-Xmx512m", "-jar", JAR.toString(), "--home", home.toString(), "--once")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void assertPublishedWhole(Path home, Set<String> slugs) throws IOException {
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

    private static void assertChangelogExact(Path home, Set<String> slugs) throws IOException {
        Map<String, Integer> accepted = new HashMap<>();
        Map<String, Integer> publishedEvents = new HashMap<>();
        List<String> unchanged = new ArrayList<>();
        for (String line : Files.readAllLines(home.resolve("outbox/changelog.jsonl"))) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.has("time") && event.has("event")).as("whole line: " + line).isTrue();
            String key = event.get("slug").asText() + " v" + event.get("version").asInt();
            switch (event.get("event").asText()) {
                case "article.accepted" -> accepted.merge(key, 1, Integer::sum);
                case "bundle.published" -> publishedEvents.merge(key, 1, Integer::sum);
                // No article is dropped twice: a replay after a kill is the same input, not unchanged content.
                case "article.unchanged" -> unchanged.add(line);
                default -> { }
            }
        }
        Map<String, Integer> once = new HashMap<>();
        slugs.forEach(slug -> once.put(slug + " v1", 1));
        assertThat(accepted).as("article.accepted per article version").isEqualTo(once);
        assertThat(publishedEvents).as("bundle.published per article version").isEqualTo(once);
        assertThat(unchanged).as("article.unchanged after replays").isEmpty();
    }
}
