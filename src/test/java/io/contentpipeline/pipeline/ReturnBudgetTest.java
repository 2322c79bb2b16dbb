package io.contentpipeline.pipeline;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Returns share the articles' memory budget (pipeline.in-flight-bytes). They used to be outside
 * it: a large return (an XLIFF file may be six times pipeline.max-file-bytes) was worked on beside
 * a full budget of articles. With a budget of one byte every input runs alone, so a return dropped
 * while an article is worked on waits for it.
 */
class ReturnBudgetTest {

    @TempDir
    Path temp;

    @AfterEach
    void clearHooks() {
        StageHook.clear();
    }

    @Test
    void aReturnWaitsForRoomInTheBudgetWhileAnArticleHoldsIt() throws Exception {
        Map<String, String> settings = new HashMap<>(StageHook.SETTING);
        settings.put("pipeline.in-flight-bytes", "1");
        PipelineHome home = new PipelineHome(temp, settings);
        home.publishSeed("000_02568b89924bce3c.txt");
        String enReturn = Translator.englishSeedReturn(home);

        CountDownLatch articleHeld = new CountDownLatch(1);
        CountDownLatch releaseArticle = new CountDownLatch(1);
        AtomicBoolean articleDone = new AtomicBoolean();
        AtomicBoolean returnRanBesideArticle = new AtomicBoolean();
        StageHook.before("direct:derive-metadata", exchange -> {
            articleHeld.countDown();
            releaseArticle.await(60, TimeUnit.SECONDS);
        });
        StageHook.before("direct:publish-source", exchange -> articleDone.set(true));
        StageHook.before("direct:publish-translation", exchange -> returnRanBesideArticle.compareAndSet(false, !articleDone.get()));

        RunningService service = home.startService();
        try {
            home.drop("inbox/autre.md", "---\ntitle: Un autre article\ndate: 2025-07-25\n---\n"
                    + "Un court texte en français sur la stratégie des petites entreprises.\n");
            assertThat(articleHeld.await(30, TimeUnit.SECONDS)).as("the article is being worked on").isTrue();

            home.drop("inbox/translations/EN/returned.md", enReturn);
            // Taken by the returns consumer, and held at the budget while the article holds it.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> service.runner().camelContext().getInflightRepository().size("intake-translations") == 1);
            Thread.sleep(1000);
            assertThat(returnRanBesideArticle).as("the return was worked on beside the article").isFalse();
            assertThat(home.files("inbox/translations/EN")).containsExactly("returned.md");

            releaseArticle.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> home.files("inbox/translations/EN").isEmpty()
                    && home.eventNames().contains("translation.accepted"));
        } finally {
            // Released before the stop, which waits for the article in hand.
            releaseArticle.countDown();
            service.close();
        }
        assertThat(service.exitCode()).isZero();
        assertThat(returnRanBesideArticle).isFalse();
        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.bundle("role-cmo-pme").get("languages").has("en")).isTrue();
        assertThat(home.resolve("outbox/published/autre/bundle.json")).exists();
    }
}
