package io.contentpipeline.intake;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InputBudgetTest {

    private final CamelContext camel = new DefaultCamelContext();
    /** Files over 100 bytes, XLIFF files over 600, are rejected unread (InboxFiles.sizeLimit). */
    private final InputBudget budget = new InputBudget(10, path -> io.contentpipeline.translate.XliffMerge.isXliff(path.getFileName().toString()) ? 600 : 100);

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void aFileWaitsUntilItsBytesFitAndTheBudgetComesBackWhenAnExchangeIsDone() throws Exception {
        Exchange six = acquired(6);
        acquired(4);

        CompletableFuture<Exchange> five = CompletableFuture.supplyAsync(() -> acquiredUnchecked(5));
        Thread.sleep(200);
        assertThat(five).as("10 of 10 bytes in use").isNotDone();

        done(six);
        await().atMost(Duration.ofSeconds(5)).until(five::isDone);
        assertThat(budget.inUse()).isEqualTo(9);
    }

    @Test
    void aFileLargerThanTheBudgetRunsAloneAndOneOverTheSizeLimitCountsForNothing() throws Exception {
        Exchange tooLargeToRead = acquired(500);
        assertThat(budget.inUse()).isZero();
        done(tooLargeToRead);

        Exchange large = acquired(50);
        assertThat(budget.inUse()).isEqualTo(10);
        CompletableFuture<Exchange> small = CompletableFuture.supplyAsync(() -> acquiredUnchecked(1));
        Thread.sleep(200);
        assertThat(small).isNotDone();

        done(large);
        await().atMost(Duration.ofSeconds(5)).until(small::isDone);
        assertThat(budget.inUse()).isEqualTo(1);
    }

    /**
     * Articles and returns come from two consumers: a large return waiting for room is not
     * overtaken by a small article that still fits, or a steady import kept it waiting.
     */
    @Test
    void aFileWaitingForRoomIsNotOvertakenByASmallerOneThatStillFits() throws Exception {
        Exchange six = acquired(6);
        CompletableFuture<Exchange> large = CompletableFuture.supplyAsync(() -> acquiredUnchecked(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> budget.waiting() == 1);
        CompletableFuture<Exchange> small = CompletableFuture.supplyAsync(() -> acquiredUnchecked(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> budget.waiting() == 2);
        Thread.sleep(200);
        assertThat(small).as("1 byte fits beside 6 of 10, but the large one came first").isNotDone();

        done(six);
        await().atMost(Duration.ofSeconds(5)).until(large::isDone);
        assertThat(small).isNotDone();
        done(large.get());
        await().atMost(Duration.ofSeconds(5)).until(small::isDone);
        assertThat(budget.inUse()).isEqualTo(1);
    }

    @Test
    void aWaitingFileThatIsInterruptedGivesUpItsTurn() throws Exception {
        Exchange six = acquired(6);
        Thread large = new Thread(() -> {
            try {
                acquired(10);
            } catch (InterruptedException stopped) {
                // Given up, as at shutdown.
            }
        });
        large.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> budget.waiting() == 1);
        CompletableFuture<Exchange> small = CompletableFuture.supplyAsync(() -> acquiredUnchecked(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> budget.waiting() == 2);

        large.interrupt();

        await().atMost(Duration.ofSeconds(5)).until(small::isDone);
        assertThat(budget.inUse()).isEqualTo(7);
        done(six);
    }

    /**
     * An XLIFF file has a limit of its own (pipeline.max-xliff-bytes, six times the article limit
     * by default): one over the article limit but within its own is read and worked on, so it
     * counts. It used to count for nothing, as if it were rejected unread.
     */
    @Test
    void anXliffFileOverTheArticleLimitButWithinItsOwnCountsAndOneOverItsOwnDoesNot() throws Exception {
        Exchange xliff = acquired(500, "role.en.xlf");
        assertThat(budget.inUse()).isEqualTo(10);
        done(xliff);

        Exchange tooLarge = acquired(700, "role.en.XLIFF");
        assertThat(budget.inUse()).isZero();
        done(tooLarge);
        Exchange markdown = acquired(500, "role.en.md");
        assertThat(budget.inUse()).as("over the article limit: rejected unread").isZero();
        done(markdown);
    }

    private Exchange acquired(long bytes) throws InterruptedException {
        return acquired(bytes, "article.md");
    }

    private Exchange acquired(long bytes, String name) throws InterruptedException {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader(Exchange.FILE_NAME_ONLY, name);
        exchange.getIn().setHeader(Exchange.FILE_PATH, name);
        exchange.getIn().setHeader(Exchange.FILE_LENGTH, bytes);
        budget.acquire(exchange);
        return exchange;
    }

    private Exchange acquiredUnchecked(long bytes) {
        try {
            return acquired(bytes);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void done(Exchange exchange) {
        exchange.getExchangeExtension().handoverCompletions().forEach(completion -> completion.onComplete(exchange));
    }
}
