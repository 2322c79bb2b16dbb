package io.contentpipeline.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The pipeline as a service: it watches the inbox folders and handles files as they arrive. */
class ServiceModeTest {

    @TempDir
    Path temp;

    @Test
    void articlesAndReturnsDroppedWhileRunningArePublished() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        RunningService service = home.startService();
        try (service) {
            home.dropResource(SeedArticleTest.SEED, "000_02568b89924bce3c.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/translations/EN/role-cmo-pme.md")));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/role-cmo-pme/bundle.json")));

            home.drop("inbox/translations/EN/returned.md", Translator.englishSeedReturn(home));
            await().atMost(Duration.ofSeconds(30)).until(() -> home.bundle("role-cmo-pme").get("languages").has("en"));
        }
        assertThat(service.isAlive()).isFalse();
        assertThat(service.exitCode()).isZero();
        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.eventNames()).containsExactly("article.accepted", "translation.requested", "bundle.published",
                "translation.accepted", "bundle.published");
        assertThat(home.read("outbox/CHANGELOG.md")).contains("translation.accepted");
    }

    /**
     * A name with a backslash: Camel reads the backslash as a path separator, so its read lock
     * never got the file, and the status line said inbox=1 taken=1 for as long as the service ran.
     */
    @Test
    void aFileWithABackslashInItsNameDroppedWhileRunningIsRenamedAndPublished() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        try (RunningService service = home.startService()) {
            home.dropResource(SeedArticleTest.SEED, "lot\\role.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/role-cmo-pme/bundle.json")));
        }
        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.bundle("role-cmo-pme").get("languages").get("fr").get("input_file").asText()).isEqualTo("lot_role.txt");
    }

    /**
     * An operator deletes the bundle of an article published under a wrong name and drops it
     * again under the right one while the service runs: it is published under the new name. It
     * was logged as article.unchanged, duplicate_of the deleted slug, and published nowhere
     * until the next restart (a --once run, which reads the bundles afresh, published it).
     */
    @Test
    void anArticleWhoseBundleWasDeletedWhileRunningIsPublishedWhenDroppedAgainUnderAnotherName() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        String article = "---\ntitle: \"Le bon nom\"\ndate: 2025-07-25\nauthor: A\n---\n\n"
                + "Un texte en français, assez long pour que la langue soit reconnue sans hésitation par le détecteur.\n";
        try (RunningService service = home.startService()) {
            home.drop("inbox/mauvais-nom.md", article);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/mauvais-nom/bundle.json")));
            try (var files = Files.walk(home.resolve("outbox/published/mauvais-nom"))) {
                for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
            home.drop("inbox/bon-nom.md", article);
            await().atMost(Duration.ofSeconds(30)).until(() -> home.files("inbox").isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(home.resolve("outbox/published/bon-nom/bundle.json")));
        }
        assertThat(home.events()).filteredOn(e -> e.get("slug").asText().equals("bon-nom"))
                .extracting(e -> e.get("event").asText()).containsExactly("article.accepted", "translation.requested", "bundle.published");
    }

    /**
     * changelog.jsonl moved away (as logrotate does) or deleted while the service runs: the log
     * starts again under its name. It was appended through a channel held open, so every later
     * event went into the moved file, or into the deleted one and was lost, and the outbox had no
     * changelog.jsonl until the next start.
     */
    @Test
    void aChangelogMovedAwayOrDeletedWhileRunningStartsAgainUnderItsName() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.changelog-digest-interval", "100"));
        String article = "---\ntitle: \"Article %s\"\ndate: 2025-07-25\nauthor: A\n---\n\n"
                + "Un texte en français, assez long pour que la langue soit reconnue sans hésitation par le détecteur, numéro %s.\n";
        Path rotated = temp.resolve("changelog.jsonl.1");
        try (RunningService service = home.startService()) {
            home.drop("inbox/premier.md", article.formatted(1, 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/premier/bundle.json")));
            Files.move(home.resolve("outbox/changelog.jsonl"), rotated);

            home.drop("inbox/deuxieme.md", article.formatted(2, 2));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/deuxieme/bundle.json")));
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> home.read("outbox/CHANGELOG.md").contains("`deuxieme`"));
            assertThat(home.eventNames()).as("the events after the move").containsExactly("article.accepted",
                    "translation.requested", "bundle.published");
            assertThat(home.read("outbox/CHANGELOG.md")).as("a view of the new log only").doesNotContain("`premier`");

            Files.delete(home.resolve("outbox/changelog.jsonl"));
            home.drop("inbox/troisieme.md", article.formatted(3, 3));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/troisieme/bundle.json")));
        }
        assertThat(Files.readString(rotated)).contains("\"premier\"").doesNotContain("deuxieme");
        assertThat(home.events()).extracting(e -> e.get("slug").asText()).containsOnly("troisieme").hasSize(3);
        assertThat(home.read("outbox/CHANGELOG.md")).contains("`troisieme`").doesNotContain("`deuxieme`");
    }

    /**
     * A bundle deleted by hand while the service runs is no longer counted: the status line went
     * on saying published=1, and naming the deleted article as the one waiting longest for its
     * translation, until a restart.
     */
    @Test
    void theStatusLineStopsCountingABundleDeletedWhileRunning() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.status-interval", "200"));
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> status = statusLines();
        try (RunningService service = home.startService()) {
            home.dropResource(SeedArticleTest.SEED, "seed.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> lines(status).stream().anyMatch(line -> line.contains(" published=1 ")
                    && line.contains("longest wait role-cmo-pme")));
            try (var files = Files.walk(home.resolve("outbox/published/role-cmo-pme"))) {
                for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
            int before = lines(status).size();
            await().atMost(Duration.ofSeconds(10)).until(() -> lines(status).size() > before + 1);
            assertThat(lines(status).get(lines(status).size() - 1)).contains(" published=0 translations={} ");
        } finally {
            statusLogger().detachAppender(status);
        }
    }

    /**
     * While there is work the status line comes every pipeline.progress-interval, so an
     * operator sees a large import advance; an idle service logs none between the regular
     * lines (here ten minutes apart, so none at all).
     */
    @Test
    void theStatusLineComesEveryProgressIntervalWhileThereIsWorkAndNotWhenIdle() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.status-interval", "600000", "pipeline.progress-interval", "200"));
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> status = statusLines();
        try (RunningService service = home.startService()) {
            await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(5)).until(() -> lines(status).isEmpty());

            home.dropResource(SeedArticleTest.SEED, "seed.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> lines(status).stream().anyMatch(line -> line.contains(" taken=1 ")));
            assertThat(lines(status)).allSatisfy(line -> assertThat(line).contains("intake-articles Started").doesNotContain("progress-report"));

            // Idle again: the line that showed the article taken is the last until the regular one.
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/role-cmo-pme/bundle.json")));
            int afterWork = lines(status).size();
            await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(5)).until(() -> lines(status).size() <= afterWork + 1);
            int settled = lines(status).size();
            await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(5)).until(() -> lines(status).size() == settled);
        } finally {
            statusLogger().detachAppender(status);
        }
    }

    /**
     * An input held by a worker longer than a progress interval (a very long article, a file
     * system that stopped answering) is named in the status line with how long it has been at
     * work; "inbox=1 taken=0" alone did not tell a slow article from a stuck pipeline. Here the
     * article's derive stage is held for two seconds from inside the real routes.
     */
    @Test
    void anInputAtWorkLongerThanAProgressIntervalIsNamedInTheStatusLine() throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(StageHook.SETTING);
        settings.putAll(Map.of("pipeline.status-interval", "600000", "pipeline.progress-interval", "300"));
        PipelineHome home = new PipelineHome(temp, settings);
        StageHook.before("direct:derive-metadata", exchange -> Thread.sleep(2000));
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> status = statusLines();
        try (RunningService service = home.startService()) {
            home.dropResource(SeedArticleTest.SEED, "slow article.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> lines(status).stream()
                    .anyMatch(line -> line.contains(" at_work_longest={slow article.txt 0m1s} ")));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/role-cmo-pme/bundle.json")));
            // Once it is done, a quick one: the line that shows it taken names nothing.
            StageHook.clear();
            home.dropResource(SeedArticleTest.SEED, "quick.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> lines(status).stream().anyMatch(line -> line.contains(" taken=2 ")));
            assertThat(lines(status).stream().filter(line -> line.contains(" taken=2 "))).noneMatch(line -> line.contains("at_work_longest"));
            assertThat(lines(status).stream().filter(line -> line.contains("at_work_longest")))
                    .allSatisfy(line -> assertThat(line).containsPattern(" at_work_longest=\\{slow article\\.txt 0m[0-2]s\\} "));
        } finally {
            StageHook.clear();
            statusLogger().detachAppender(status);
        }
    }

    /**
     * The status timer and the progress timer tick at the same moments when their intervals are
     * equal (or one is a multiple of the other), and while there was work both wrote a line: two
     * status lines a few milliseconds apart. One line per tick, whichever the two settings: here
     * equal, then the progress interval the longer one, which adds no line of its own. An
     * article held two seconds at work keeps the pipeline busy meanwhile.
     */
    @Test
    void oneStatusLinePerTickWhenTheTwoIntervalsAreEqual() throws Exception {
        assertOneLinePerTick("300", "300");
    }

    @Test
    void oneStatusLinePerTickWhenTheProgressIntervalIsTheLonger() throws Exception {
        assertOneLinePerTick("200", "300");
    }

    private void assertOneLinePerTick(String statusInterval, String progressInterval) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(StageHook.SETTING);
        settings.putAll(Map.of("pipeline.status-interval", statusInterval, "pipeline.progress-interval", progressInterval));
        PipelineHome home = new PipelineHome(temp, settings);
        StageHook.before("direct:derive-metadata", exchange -> Thread.sleep(2000));
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> status = statusLines();
        try (RunningService service = home.startService()) {
            home.dropResource(SeedArticleTest.SEED, "slow.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/role-cmo-pme/bundle.json")));
            // A few ticks idle too, after the work.
            Thread.sleep(1000);
        } finally {
            StageHook.clear();
            statusLogger().detachAppender(status);
        }
        long shorter = Math.min(Long.parseLong(statusInterval), Long.parseLong(progressInterval));
        java.util.List<Long> times;
        synchronized (status) {
            times = status.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getTimeStamp).toList();
        }
        assertThat(times).as("status lines while the article was at work and after").hasSizeGreaterThan(8);
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).as("ms between status lines %d and %d of %s", i - 1, i, times)
                    .isGreaterThanOrEqualTo(shorter / 2);
        }
    }

    /** The status lines logged from now on, until the appender is detached from {@link #statusLogger}. */
    private static ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> statusLines() {
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> status = new ch.qos.logback.core.read.ListAppender<>();
        status.start();
        statusLogger().addAppender(status);
        return status;
    }

    private static ch.qos.logback.classic.Logger statusLogger() {
        return (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("pipeline.status");
    }

    private static java.util.List<String> lines(ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log) {
        synchronized (log) {
            return log.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Test
    void aReturnThatArrivesBeforeItsSourceWaitsThenJoinsTheBundleOnceTheSourceIsPublished() throws Exception {
        PipelineHome elsewhere = new PipelineHome(temp.resolve("elsewhere"));
        elsewhere.publishSeed("seed.txt");
        String translation = Translator.englishSeedReturn(elsewhere);
        PipelineHome home = new PipelineHome(temp.resolve("home"));
        try (RunningService service = home.startService()) {
            home.drop("inbox/translations/EN/early.md", translation);
            // Several polls pass with the return held back, unchanged, its source still missing.
            Thread.sleep(1000);
            assertThat(home.files("inbox/translations/EN")).containsExactly("early.md");

            home.dropResource(SeedArticleTest.SEED, "seed.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/role-cmo-pme/bundle.json"))
                    && home.bundle("role-cmo-pme").get("languages").has("en"));
        }
        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(home.bundle("role-cmo-pme").get("languages").get("en").get("status").asText()).isEqualTo("current");
    }

    /** A running service rejects a return naming an unknown source once source-wait has passed since the file changed. */
    @Test
    void aReturnWhoseSourceNeverComesIsRejectedWhenItsWaitIsOver() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.returns.source-wait", "PT3S"));
        try (RunningService service = home.startService()) {
            home.drop("inbox/translations/EN/typo.md", """
                    ---
                    title: A typo
                    translation:
                      source: role-cmo-pm
                      source_lang: fr
                      target_lang: en
                      source_version: 1
                    ---
                    Text.
                    """);
            Thread.sleep(500);
            assertThat(home.files("inbox/translations/EN")).as("held back at first").containsExactly("typo.md");
            await().atMost(Duration.ofSeconds(30)).until(() -> home.files("outbox/rejected").contains("typo.md.errors.json"));
        }
        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(home.json("outbox/rejected/typo.md.errors.json").get("errors").get(0).get("code").asText())
                .isEqualTo("translation-unknown-source");
    }
}
