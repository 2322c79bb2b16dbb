package io.contentpipeline.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The back-off kept per inbox path, and when it is let go. */
class TransientFailuresTest {

    @TempDir
    Path inbox;

    private final TransientFailures failures = new TransientFailures(Duration.ofMillis(200), Duration.ofSeconds(10), Clock.systemUTC());

    @Test
    void aForgottenPathStartsAgainAtTheFirstDelay() throws Exception {
        Path file = Files.writeString(inbox.resolve("a.md"), "x");
        failures.recordQuietly(file);
        assertThat(failures.recordQuietly(file)).isEqualTo(Duration.ofMillis(400));

        failures.forget(file);

        assertThat(failures.hasFailed(file)).isFalse();
        assertThat(failures.recordQuietly(file)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aFileTakenOutOfTheInboxByHandIsLetGoAtTheNextFailure() throws Exception {
        Path removed = Files.writeString(inbox.resolve("a.md"), "x");
        Path other = Files.writeString(inbox.resolve("b.md"), "x");
        failures.recordQuietly(removed);
        Files.delete(removed);

        failures.recordQuietly(other);

        assertThat(failures.hasFailed(removed)).isFalse();
        assertThat(failures.count()).isEqualTo(1);
    }
}
