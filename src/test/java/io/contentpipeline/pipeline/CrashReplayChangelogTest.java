package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash point these tests recreate: an input's outputs (its bundle) are on disk, the
 * process died before some or all of its events were appended, and before the input left
 * the inbox. The archived input is moved back to where it was, as it was (same name, same
 * modification time, the same file), and events are cut from the log. The replay must leave
 * the changelog with exactly the events a run without the crash wrote: the lost ones
 * written back once, and no *.unchanged, since nobody dropped the file twice. The same file
 * dropped again, even copied with its old modification time, is still *.unchanged.
 */
class CrashReplayChangelogTest {

    private static final String SLUG = "role-cmo-pme";

    @TempDir
    Path temp;

    @Test
    void aSourcePublishedButNotLoggedLogsItsPublicationOnReplayAndNotUnchanged() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        List<String> uninterrupted = events(home);

        crashBeforeLogging(home, e -> e.get("event").asText().equals("bundle.published"));
        putBack(home, "outbox/archive/articles", "seed.txt", "inbox/seed.txt");
        assertThat(home.runOnce()).isZero();

        assertThat(events(home)).containsExactlyInAnyOrderElementsOf(uninterrupted);
        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.files("outbox/archive/articles")).hasSize(1);
    }

    @Test
    void aSourceWhoseEventsWereAllLoggedBeforeTheCrashLogsNothingMoreOnReplay() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        List<String> uninterrupted = events(home);

        putBack(home, "outbox/archive/articles", "seed.txt", "inbox/seed.txt");
        assertThat(home.runOnce()).isZero();

        assertThat(events(home)).containsExactlyElementsOf(uninterrupted);
        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.files("outbox/archive/articles")).hasSize(1);
    }

    @Test
    void theSameArticleDroppedAgainWithItsOldModificationTimeIsStillUnchanged() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");

        copyBack(home, "outbox/archive/articles", "seed.txt", "inbox/seed.txt");
        assertThat(home.runOnce()).isZero();

        assertThat(home.eventNames()).filteredOn("article.unchanged"::equals).hasSize(1);
        assertThat(home.eventNames()).filteredOn("bundle.published"::equals).hasSize(1);
        assertThat(home.files("outbox/archive/articles")).hasSize(2);
    }

    @Test
    void aReturnPublishedButNotLoggedLogsItsPublicationOnReplayAndNotUnchanged() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        home.publishSeed("seed.txt");
        List<String> uninterrupted = events(home);
        assertThat(uninterrupted).filteredOn(e -> e.startsWith("bundle.published")).hasSize(2);

        // The QA case: the bundle took the return in, translation.accepted was appended, the
        // process died before bundle.published lang=en.
        crashBeforeLogging(home, e -> e.get("event").asText().equals("bundle.published") && e.get("lang").asText().equals("en"));
        putBack(home, "outbox/archive/translations", SLUG + ".pseudo.md", "inbox/translations/EN/" + SLUG + ".pseudo.md");
        assertThat(home.runOnce()).isZero();

        assertThat(events(home)).containsExactlyInAnyOrderElementsOf(uninterrupted);
        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(home.files("outbox/archive/translations")).hasSize(1);
    }

    @Test
    void aReturnWhoseAcceptanceWasNotLoggedLogsItOnReplay() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        home.publishSeed("seed.txt");
        List<String> uninterrupted = events(home);

        crashBeforeLogging(home, e -> e.get("lang").asText().equals("en") && !e.get("event").asText().equals("translation.requested"));
        putBack(home, "outbox/archive/translations", SLUG + ".pseudo.md", "inbox/translations/EN/" + SLUG + ".pseudo.md");
        assertThat(home.runOnce()).isZero();

        assertThat(events(home)).containsExactlyInAnyOrderElementsOf(uninterrupted);
    }

    @Test
    void aReturnWhoseEventsWereAllLoggedBeforeTheCrashLogsNothingMoreOnReplay() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        home.publishSeed("seed.txt");
        List<String> uninterrupted = events(home);

        putBack(home, "outbox/archive/translations", SLUG + ".pseudo.md", "inbox/translations/EN/" + SLUG + ".pseudo.md");
        assertThat(home.runOnce()).isZero();

        assertThat(events(home)).containsExactlyElementsOf(uninterrupted);
        assertThat(home.files("outbox/archive/translations")).hasSize(1);
    }

    @Test
    void aReturnReplayedAfterItsSourceHadANewVersionAddsNoPublicationNorRequestOfItsOwn() {
        PipelineHome home = new PipelineHome(temp);
        Translator.acceptEnglishSeed(home, "en.md");
        // The crash came after a new version of the source was published (by another worker),
        // while the return's bundle.published was still to be appended: that version's
        // bundle.published lists English, and its draft for English is out and logged.
        home.drop("inbox/role-v2.md", PipelineHome.resource(SeedArticleTest.SEED)
                .replace("il n'exécute pas les tâches", "il ne réalise pas les tâches lui-même"));
        assertThat(home.runOnce()).isZero();
        assertThat(home.bundle(SLUG).get("languages").get("en").get("status").asText()).isEqualTo("outdated");
        crashBeforeLogging(home, e -> e.get("event").asText().equals("bundle.published") && e.get("lang").asText().equals("en"));
        List<String> beforeReplay = events(home);

        putBack(home, "outbox/archive/translations", "en.md", "inbox/translations/EN/en.md");
        assertThat(home.runOnce()).isZero();

        assertThat(events(home)).containsExactlyElementsOf(beforeReplay);
        assertThat(home.files("inbox/translations/EN")).isEmpty();
    }

    @Test
    void theSameReturnDroppedAgainWithItsOldModificationTimeIsStillUnchanged() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        home.publishSeed("seed.txt");

        copyBack(home, "outbox/archive/translations", SLUG + ".pseudo.md", "inbox/translations/EN/" + SLUG + ".pseudo.md");
        assertThat(home.runOnce()).isZero();

        assertThat(home.eventNames()).filteredOn("translation.unchanged"::equals).hasSize(1);
        assertThat(home.eventNames()).filteredOn("translation.accepted"::equals).hasSize(1);
        assertThat(home.eventNames()).filteredOn("bundle.published"::equals).hasSize(2);
        assertThat(home.files("outbox/archive/translations")).hasSize(2);
    }

    /**
     * A bundle deleted by hand and its article dropped again: the version is published again,
     * restored=1. The process dies after that bundle is back in place and before its
     * bundle.published restored=1 is appended. The replay found the bundle with the same
     * content, and wrote back the bundle.published of the first publication, which was logged
     * already, so the restored one was never written; and the next restoration of the version
     * was numbered 1 again, its article.accepted and translation.requested taken for repeats and
     * dropped.
     */
    @Test
    void aRestoredBundlePublishedButNotLoggedLogsItsRestoredPublicationOnReplay() throws IOException {
        PipelineHome home = new PipelineHome(temp);
        List<String> uninterrupted = publishedThenRestored(home);
        assertThat(uninterrupted).filteredOn(e -> e.contains("\"restored\":1")).hasSize(3);

        crashBeforeLogging(home, e -> e.get("event").asText().equals("bundle.published") && e.get("detail").has("restored"));
        putBack(home, "outbox/archive/articles", "seed.txt", "inbox/seed.txt");
        assertThat(home.runOnce()).isZero();

        assertThat(events(home)).containsExactlyInAnyOrderElementsOf(uninterrupted);
        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.files("outbox/archive/articles")).hasSize(2);

        // Deleted and published again once more: the second restoration, every event of it.
        restore(home);
        assertThat(home.events()).hasSize(uninterrupted.size() + 3).last().satisfies(e -> {
            assertThat(e.get("event").asText()).isEqualTo("bundle.published");
            assertThat(e.get("detail").get("restored").asInt()).isEqualTo(2);
        });
        assertThat(home.events().subList(uninterrupted.size(), uninterrupted.size() + 3))
                .extracting(e -> e.get("event").asText() + " restored=" + e.get("detail").path("restored").asInt())
                .containsExactly("article.accepted restored=2", "translation.requested restored=2", "bundle.published restored=2");
    }

    /** The same restoration, the process dead only after its events were all appended: the replay adds none. */
    @Test
    void aRestoredBundleWhoseEventsWereAllLoggedBeforeTheCrashLogsNothingMoreOnReplay() throws IOException {
        PipelineHome home = new PipelineHome(temp);
        List<String> uninterrupted = publishedThenRestored(home);

        putBack(home, "outbox/archive/articles", "seed.txt", "inbox/seed.txt");
        assertThat(home.runOnce()).isZero();

        assertThat(events(home)).containsExactlyElementsOf(uninterrupted);
        assertThat(home.files("outbox/archive/articles")).hasSize(2);
    }

    /** Every event of the changelog as a line without its time: what a run writes, whenever it writes it. */
    private static List<String> events(PipelineHome home) {
        return home.events().stream().map(e -> {
            ObjectNode timeless = ((ObjectNode) e).deepCopy();
            timeless.remove("time");
            return timeless.get("event").asText() + " " + timeless;
        }).toList();
    }

    /** As if the process died after writing the outputs but before appending these events. */
    private static void crashBeforeLogging(PipelineHome home, Predicate<JsonNode> lost) {
        Path log = home.resolve("outbox/changelog.jsonl");
        try {
            List<String> kept = Files.readAllLines(log).stream().filter(line -> {
                try {
                    return !lost.test(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            assertThat(kept).as("some event was cut").hasSizeLessThan(Files.readAllLines(log).size());
            Files.write(log, kept);
            Files.deleteIfExists(home.resolve("outbox/CHANGELOG.md")); // it cannot cover lines never written
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The input as it was before it left the inbox: the archived file itself, moved back (its time kept). */
    private static void putBack(PipelineHome home, String archive, String name, String inbox) {
        try {
            Files.move(archived(home, archive, name), home.resolve(inbox));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same file dropped again as cp -p drops it: a new copy with the archived one's modification time. */
    private static void copyBack(PipelineHome home, String archive, String name, String inbox) {
        try {
            Path target = home.resolve(inbox);
            Path part = target.resolveSibling("." + name + ".part");
            Files.copy(archived(home, archive, name), part, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(part, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest archived input of that name (archive names start with a UTC time, so they sort by it). */
    private static Path archived(PipelineHome home, String archive, String name) {
        return home.resolve(archive).resolve(home.files(archive).stream().filter(file -> file.endsWith("_" + name))
                .reduce((older, newer) -> newer).orElseThrow(() -> new AssertionError("no archived " + name + " in " + archive)));
    }

    /** The seed published, its bundle deleted by hand and the seed dropped again (restored=1): the events of that uninterrupted run. */
    private static List<String> publishedThenRestored(PipelineHome home) throws IOException {
        home.publishSeed("seed.txt");
        restore(home);
        return events(home);
    }

    /** The bundle deleted by hand, and its article dropped again and published. */
    private static void restore(PipelineHome home) throws IOException {
        io.contentpipeline.files.AtomicFiles.deleteTree(home.resolve("outbox/published/" + SLUG));
        home.publishSeed("seed.txt");
    }
}
