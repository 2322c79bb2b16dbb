package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

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

    @TempDir
    Path temp;

    @Test
    void killedTenTimesWhileWorkingTheOutboxIsWholeAndTheChangelogExact() throws Exception {
        Path home = temp.resolve("home");
        PipelineHome pipelineHome = new PipelineHome(home);
        List<Path> posts = posts();
        Set<String> slugs = new HashSet<>();
        int dropped = KilledJar.dropArticles(pipelineHome, posts, slugs, 0, ARTICLES);
        Random random = new Random(SEED);
        int killed = 0;
        // Every kill must hit a working process: on a fast machine the inbox can empty before the
        // tenth, so it is topped up with more distinct articles whenever it runs low.
        for (int run = 0; killed < KILLS && run < 3 * KILLS; run++) {
            if (KilledJar.files(home.resolve("inbox")).size() < REFILL_BELOW) {
                dropped = KilledJar.dropArticles(pipelineHome, posts, slugs, dropped, REFILL);
            }
            if (KilledJar.runAndKill(home, 200 + random.nextInt(2500), temp.resolve("run.log"))) {
                killed++;
            }
        }
        KilledJar.runToEnd(home, temp.resolve("final.log"));

        assertThat(killed).as("kills that hit a working process (seed " + SEED + ")").isGreaterThanOrEqualTo(KILLS);
        KilledJar.assertBundlesWhole(home, slugs);
        assertChangelogExact(home, slugs);
        assertThat(KilledJar.files(home.resolve("inbox"))).as("inbox").isEmpty();
    }

    /** CDS blog posts from the corpus. */
    private static List<Path> posts() throws Exception {
        return KilledJar.corpus("singles/cds__(en|fr)__blog__posts__.*\\.md|pairs/cds-[^/]+/(en|fr)\\.md");
    }

    private static void assertChangelogExact(Path home, Set<String> slugs) throws IOException {
        Map<String, Integer> accepted = new HashMap<>();
        Map<String, Integer> publishedEvents = new HashMap<>();
        List<String> unchanged = new ArrayList<>();
        for (JsonNode event : KilledJar.changelog(home)) {
            String key = event.get("slug").asText() + " v" + event.get("version").asInt();
            switch (event.get("event").asText()) {
                case "article.accepted" -> accepted.merge(key, 1, Integer::sum);
                case "bundle.published" -> publishedEvents.merge(key, 1, Integer::sum);
                // No article is dropped twice: a replay after a kill is the same input, not unchanged content.
                case "article.unchanged" -> unchanged.add(event.toString());
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
