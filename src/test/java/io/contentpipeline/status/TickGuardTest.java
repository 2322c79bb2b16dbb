package io.contentpipeline.status;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A housekeeping tick on a real camel-timer route: an Error thrown on the timer's thread used to
 * end it, and every later status line (or CHANGELOG.md rebuild, or home-lock check) with it.
 */
class TickGuardTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(TickGuard.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    private int ticksAfterTheSecondThrows(Error error) throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("timer:tick?period=20").process(exchange -> TickGuard.run("tick", () -> {
                        if (ticks.incrementAndGet() == 2) {
                            throw error;
                        }
                    }));
                }
            });
            context.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() >= 6);
            return ticks.get();
        }
    }

    @Test
    void anExhaustedHeapSkipsOneTickWithOneLineAndTheTimerGoesOn() throws Exception {
        assertThat(ticksAfterTheSecondThrows(new OutOfMemoryError("Java heap space"))).isGreaterThanOrEqualTo(6);
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel().toString()).isEqualTo("WARN");
            assertThat(line.getFormattedMessage()).startsWith("pipeline.tick-skipped tick: the heap was exhausted (Java heap space)");
            assertThat(line.getThrowableProxy()).as("no stack trace for a fault of the machine").isNull();
        });
    }

    @Test
    void anyOtherErrorIsLoggedAsTheBugItIsAndTheTimerGoesOn() throws Exception {
        assertThat(ticksAfterTheSecondThrows(new StackOverflowError())).isGreaterThanOrEqualTo(6);
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel().toString()).isEqualTo("ERROR");
            assertThat(line.getFormattedMessage()).startsWith("pipeline.tick-failed tick");
        });
    }
}
