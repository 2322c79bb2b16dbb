package io.contentpipeline.pipeline;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The home lock is on a file: deleted while the pipeline runs, a second pipeline created a new
 * one, locked it and ran alongside. The running pipeline now takes the lock file back, and stops
 * when another pipeline holds the new one. (CommandLineIT does the same with separate processes.)
 */
class HomeLockTest {

    private static final String LOCK_FILE = "outbox/.pipeline.lock";
    /** The pipelines of these tests run in the test's process. */
    private static final String PID = String.valueOf(ProcessHandle.current().pid());

    private static final String WATCH = "io.contentpipeline.runtime.HomeLockWatch";

    @TempDir
    Path temp;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void listen() {
        appender.start();
        ((Logger) LoggerFactory.getLogger(WATCH)).addAppender(appender);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(WATCH)).detachAppender(appender);
    }

    private List<ILoggingEvent> logged() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    @Test
    void aLockFileDeletedWhileThePipelineRunsIsTakenBackAndASecondPipelineIsStillRefused() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        RunningService service = home.startService();
        Path lockFile = home.resolve(LOCK_FILE);
        try (service) {
            Object locked = Files.readAttributes(lockFile, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

            Files.delete(lockFile);

            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(lockFile) && Files.readString(lockFile).strip().equals(PID));
            assertThat(Files.readAttributes(lockFile, java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isNotEqualTo(locked);
            assertThat(home.runOnce()).as("a second pipeline on the home").isEqualTo(1);
            assertThat(Files.readString(lockFile).strip()).isEqualTo(PID);
            // Still running, and still the only one: an article dropped now is published once.
            home.dropResource(SeedArticleTest.SEED, "seed.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/role-cmo-pme/bundle.json")));
        }
        assertThat(service.isAlive()).isFalse();
        assertThat(service.exitCode()).isZero();
        assertThat(logged()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).startsWith("pipeline.lock-taken-back file=outbox/.pipeline.lock pid=" + PID)
                    .contains("was deleted");
        });
        assertThat(home.eventNames()).containsExactly("article.accepted", "translation.requested", "bundle.published");
    }

    @Test
    void aLockFileReplacedByOneAnotherPipelineHoldsStopsThisPipelineWithExitCodeOne() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        RunningService service = home.startService();
        Path lockFile = home.resolve(LOCK_FILE);
        Path other = home.resolve("outbox/.other.lock");
        try (service) {
            FileChannel channel = FileChannel.open(other, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            // Another pipeline's lock, as one started while the file was missing holds it: locked, naming its pid.
            FileLock held = channel.lock();
            channel.write(ByteBuffer.wrap("424242\n".getBytes(StandardCharsets.US_ASCII)));
            Files.move(other, lockFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            service.awaitEnd(Duration.ofSeconds(60));

            assertThat(service.isAlive()).as("the pipeline that lost its home stops").isFalse();
            assertThat(held.isValid()).isTrue();
            assertThat(Files.readString(lockFile)).as("the other pipeline's lock file is left as it is").isEqualTo("424242\n");
            channel.close();
        }
        assertThat(service.exitCode()).isEqualTo(1);
        assertThat(logged()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).startsWith("pipeline.lock-lost file=outbox/.pipeline.lock pid=" + PID + " other_pid=424242")
                    .contains("was replaced", "another pipeline (pid 424242)", "exits 1");
        });
    }

    /**
     * The home moved away while the service runs: it used to go on at the same path, creating a
     * new, empty home there (a lock file, a changelog) and publishing into it versions numbered
     * from the old one. It stops with exit code 1, and the moved home keeps what it held.
     */
    @Test
    void aHomeMovedAwayWhileThePipelineRunsStopsItWithExitCodeOne() throws Exception {
        PipelineHome home = new PipelineHome(temp.resolve("home"));
        RunningService service = home.startService();
        Path away = temp.resolve("away");
        try (service) {
            home.dropResource(SeedArticleTest.SEED, "seed.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/role-cmo-pme/bundle.json")));

            Files.move(home.path(), away);

            service.awaitEnd(Duration.ofSeconds(60));
            assertThat(service.isAlive()).as("the pipeline whose home moved stops").isFalse();
        }
        assertThat(service.exitCode()).isEqualTo(1);
        assertThat(logged()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).startsWith("pipeline.home-moved folder=" + home.path() + " pid=" + PID)
                    .contains("was moved away or", "exits 1");
        });
        assertThat(away.resolve("outbox/published/role-cmo-pme/bundle.json")).exists();
    }

    /** The outbox replaced by an empty folder (moved aside to start afresh): the pipeline stops rather than publish into it. */
    @Test
    void anOutboxReplacedWhileThePipelineRunsStopsIt() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        RunningService service = home.startService();
        try (service) {
            Files.move(home.resolve("outbox"), home.resolve("outbox.old"));
            Files.createDirectory(home.resolve("outbox"));

            service.awaitEnd(Duration.ofSeconds(60));
            assertThat(service.isAlive()).isFalse();
        }
        assertThat(service.exitCode()).isEqualTo(1);
        assertThat(logged()).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .startsWith("pipeline.home-moved folder=" + home.resolve("outbox") + " pid=" + PID)
                .contains("was moved away or replaced (another folder is at its path now) while it ran"));
    }
}
