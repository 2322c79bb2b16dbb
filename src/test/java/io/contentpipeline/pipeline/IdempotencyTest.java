package io.contentpipeline.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drops repeated, renamed or racing: each article version is published once, in order, and nothing is lost. */
class IdempotencyTest {

    private static final String FR = "corpus/pairs/cds-blog-100-weeks-get-updates/fr.md";

    @TempDir
    Path temp;

    @Test
    void oneFileUnderTwoNamesPublishesOnce() {
        PipelineHome home = new PipelineHome(temp);
        home.dropResource(FR, "cent-semaines.md");
        home.dropResource(FR, "copie de cent-semaines.md");

        assertThat(home.runOnce()).isZero();

        try (var bundles = Files.list(home.resolve("outbox/published"))) {
            assertThat(bundles.count()).isEqualTo(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(home.eventNames()).filteredOn("bundle.published"::equals).hasSize(1);
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("article.unchanged"))
                .singleElement().satisfies(e -> assertThat(e.get("detail").has("duplicate_of")).isTrue());
        assertThat(home.files("inbox")).isEmpty();
    }

    /**
     * A bundle deleted by hand: the same article dropped again publishes its version again; an
     * edited one is the next version after those archived. It used to restart at version 1, and
     * overwrite the archived version 1 that translators' returns are checked against.
     */
    @Test
    void afterABundleWasDeletedVersionsGoOnFromTheArchivedOnesAndNoneIsOverwritten() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.dropResource(FR, "cent-semaines.md");
        assertThat(home.runOnce()).isZero();
        String slug = onlyBundle(home);
        String v1 = home.read("outbox/sources/" + slug + "/v1.md");

        deleteTree(home.resolve("outbox/published/" + slug));
        home.dropResource(FR, "cent-semaines.md");
        assertThat(home.runOnce()).isZero();
        deleteTree(home.resolve("outbox/published/" + slug));
        home.drop("inbox/cent-semaines.md", PipelineHome.resource(FR).replaceFirst("\n---\n", "\n---\nUne phrase ajoutée après coup.\n\n"));
        assertThat(home.runOnce()).isZero();

        assertThat(home.bundle(slug).get("version").asInt()).isEqualTo(2);
        assertThat(home.read("outbox/sources/" + slug + "/v1.md")).isEqualTo(v1);
        assertThat(home.read("outbox/sources/" + slug + "/v2.md")).contains("Une phrase ajoutée après coup.");
        // Version 1 published again (restored=1), then version 2.
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("article.accepted"))
                .extracting(e -> e.get("version").asInt()).containsExactly(1, 1, 2);
    }

    /**
     * A bundle deleted by hand and the same article dropped again: its version is published
     * again, and the log and the changelog say so, each event once more with restored=1. Every
     * event of the version was in the changelog already, so the bundle came back without a line
     * and the status line counted a file taken that no event named. The same file dropped again
     * is then unchanged, and a second deletion is restored=2.
     */
    @Test
    void aBundleDeletedByHandAndPublishedAgainFromTheSameArticleIsLoggedAsRestored() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.dropResource(FR, "cent-semaines.md");
        assertThat(home.runOnce()).isZero();
        String slug = onlyBundle(home);

        deleteTree(home.resolve("outbox/published/" + slug));
        home.dropResource(FR, "cent-semaines.md");
        assertThat(home.runOnce()).isZero();

        assertThat(home.bundle(slug).get("version").asInt()).isEqualTo(1);
        assertThat(home.events()).extracting(e -> e.get("event").asText() + " v" + e.get("version").asInt()
                        + (e.get("detail").has("restored") ? " restored=" + e.get("detail").get("restored").asInt() : ""))
                .containsExactly("article.accepted v1", "translation.requested v1", "bundle.published v1",
                        "article.accepted v1 restored=1", "translation.requested v1 restored=1", "bundle.published v1 restored=1");

        home.dropResource(FR, "cent-semaines.md");
        assertThat(home.runOnce()).isZero();
        assertThat(home.eventNames()).hasSize(7).last().isEqualTo("article.unchanged");

        deleteTree(home.resolve("outbox/published/" + slug));
        home.dropResource(FR, "cent-semaines.md");
        assertThat(home.runOnce()).isZero();
        assertThat(home.events()).hasSize(10).last().satisfies(e -> {
            assertThat(e.get("event").asText()).isEqualTo("bundle.published");
            assertThat(e.get("detail").get("restored").asInt()).isEqualTo(2);
        });
    }

    /**
     * One language's page deleted by hand from a bundle: every later version of the article
     * failed on it, retried without end, with "bundle role-cmo-pme lists index.en.md but it is
     * missing", which did not say what to do. The line now says: put the file back, or delete
     * the bundle; and deleting it publishes the new version (its translation requested again).
     */
    @Test
    void aBundleMissingAPageSaysHowToRepairItAndDeletingItPublishesTheArticleAgain() throws Exception {
        PipelineHome home = new PipelineHome(temp, java.util.Map.of("pipeline.io-retry-delay", "100000"));
        Translator.acceptEnglishSeed(home, "cmo-en.md");
        Files.delete(home.resolve("outbox/published/role-cmo-pme/index.en.md"));
        home.drop("inbox/seed.txt", PipelineHome.resource(SeedArticleTest.SEED).replace("Définition par BLOT Antoine",
                "Définition, par BLOT Antoine"));
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log = new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        ch.qos.logback.classic.Logger failures = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                io.contentpipeline.status.TransientFailures.class);
        failures.addAppender(log);
        try {
            assertThat(home.runOnce()).isEqualTo(1);
        } finally {
            failures.detachAppender(log);
        }
        assertThat(log.list).singleElement().extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).asString()
                .contains("outbox/published/role-cmo-pme/ lists index.en.md, which is missing (deleted by hand?): put it back,"
                        + " or delete outbox/published/role-cmo-pme/ to publish the article again without it");

        deleteTree(home.resolve("outbox/published/role-cmo-pme"));
        assertThat(home.runOnce()).isZero();
        assertThat(home.bundle("role-cmo-pme").get("version").asInt()).isEqualTo(2);
        assertThat(home.bundle("role-cmo-pme").get("translations").get("en").get("status").asText()).isEqualTo("requested");
        assertThat(home.files("inbox")).isEmpty();
    }

    private static String onlyBundle(PipelineHome home) throws java.io.IOException {
        try (var bundles = Files.list(home.resolve("outbox/published"))) {
            return bundles.filter(Files::isDirectory).map(p -> p.getFileName().toString()).findFirst().orElseThrow();
        }
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void twoVersionsDroppedTogetherApplyInModificationOrderAndNeitherIsLost() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        String v1 = PipelineHome.resource(FR);
        String v2 = v1.replaceFirst("\n---\n", "\n---\nUne introduction ajoutée dans la deuxième version.\n\n");
        // Named so that alphabetical order is the reverse of the order they were written in.
        Path second = home.drop("inbox/a-second.md", v2.replaceFirst("---\n", "---\nslug: cent-semaines\n"));
        Path first = home.drop("inbox/b-first.md", v1.replaceFirst("---\n", "---\nslug: cent-semaines\n"));
        Files.setLastModifiedTime(first, FileTime.from(Instant.now().minusSeconds(20)));
        Files.setLastModifiedTime(second, FileTime.from(Instant.now().minusSeconds(10)));

        assertThat(home.runOnce()).isZero();

        assertThat(home.bundle("cent-semaines").get("version").asInt()).isEqualTo(2);
        assertThat(home.read("outbox/published/cent-semaines/index.fr.md")).contains("Une introduction ajoutée");
        assertThat(home.read("outbox/sources/cent-semaines/v1.md")).doesNotContain("Une introduction ajoutée");
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("article.accepted"))
                .extracting(e -> e.get("file").asText() + " v" + e.get("version").asInt())
                .containsExactly("b-first.md v1", "a-second.md v2");
        assertThat(home.files("outbox/archive/articles")).hasSize(2);
    }

    /**
     * Two versions of one slug with the same modification time (copied together, unzipped, or
     * saved within one millisecond): the one whose file name sorts first is version 1. Sorted by
     * modification time alone, they came in the order the folder happened to list them, which
     * on ext4 depends on a hash of the names and on tmpfs on the order they were created.
     */
    @Test
    void twoVersionsWithTheSameModificationTimeApplyInFileNameOrder() throws Exception {
        sameTimeVersionsApplyInFileNameOrder(new PipelineHome(temp));
    }

    /**
     * The same with pipeline.max-messages-per-poll set: Camel took the first files the folder
     * listed up to the limit and sorted only those (eagerMaxMessagesPerPoll), so the order was
     * the listing's again, for files of different times too.
     */
    @Test
    void twoVersionsApplyInOrderWhenEachPollTakesOneFile() throws Exception {
        sameTimeVersionsApplyInFileNameOrder(new PipelineHome(temp, java.util.Map.of("pipeline.max-messages-per-poll", "1")));
    }

    private static void sameTimeVersionsApplyInFileNameOrder(PipelineHome home) throws Exception {
        String v1 = PipelineHome.resource(FR).replaceFirst("---\n", "---\nslug: cent-semaines\n");
        String v2 = v1.replaceFirst("\n---\n", "\n---\nUne introduction ajoutée dans la deuxième version.\n\n");
        // A pair of names that the folder lists in the reverse of their name order, so that an
        // order left to the listing gives the wrong version 1 (found by trying: the listing
        // order of a name pair differs from one file system to another).
        FileTime same = FileTime.from(Instant.now().minusSeconds(10));
        Path earlier = null;
        Path later = null;
        for (int i = 0; i < 200 && later == null; i++) {
            Path a = home.drop("inbox/" + i + "-a.md", v1);
            Path b = home.drop("inbox/" + i + "-b.md", v2);
            List<String> listed = List.of(home.resolve("inbox").toFile().list());
            if (listed.indexOf(b.getFileName().toString()) < listed.indexOf(a.getFileName().toString())) {
                earlier = a;
                later = b;
            } else {
                Files.delete(a);
                Files.delete(b);
            }
        }
        assertThat(later).as("a pair of names listed out of name order").isNotNull();
        Files.setLastModifiedTime(earlier, same);
        Files.setLastModifiedTime(later, same);

        assertThat(home.runOnce()).isZero();

        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("article.accepted"))
                .extracting(e -> e.get("file").asText() + " v" + e.get("version").asInt())
                .containsExactly(earlier.getFileName() + " v1", later.getFileName() + " v2");
        assertThat(home.read("outbox/sources/cent-semaines/v1.md")).doesNotContain("Une introduction ajoutée");
        assertThat(home.read("outbox/published/cent-semaines/index.fr.md")).contains("Une introduction ajoutée");
    }

    @Test
    void aReturnedTranslationDroppedTwiceIsAcceptedOnce() {
        PipelineHome home = new PipelineHome(temp);
        String returned = Translator.acceptEnglishSeed(home, "first.md");
        home.drop("inbox/translations/EN/again.md", returned);
        assertThat(home.runOnce()).isZero();

        assertThat(home.eventNames()).filteredOn("translation.accepted"::equals).hasSize(1);
        assertThat(home.eventNames()).contains("translation.unchanged");
        assertThat(home.files("outbox/archive/translations")).hasSize(2);
    }

    @Test
    void aTranslationReplayedAfterACrashBeforeItsEventWasLoggedCompletesTheLog() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        String returned = Translator.acceptEnglishSeed(home, "first.md");
        // As if the process died after the bundle was written but before the event was appended.
        Path log = home.resolve("outbox/changelog.jsonl");
        Files.write(log, Files.readAllLines(log).stream().filter(line -> !line.contains("\"translation.accepted\"")).toList());

        home.drop("inbox/translations/EN/first.md", returned);
        assertThat(home.runOnce()).isZero();
        home.drop("inbox/translations/EN/again.md", returned);
        assertThat(home.runOnce()).isZero();

        assertThat(home.eventNames()).filteredOn("translation.accepted"::equals).as("written back once, not twice").hasSize(1);
    }
}
