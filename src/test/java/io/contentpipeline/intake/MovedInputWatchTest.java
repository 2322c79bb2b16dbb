package io.contentpipeline.intake;

import io.contentpipeline.files.HomeLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An input renamed out of the inbox by {@link InboxCommit} and written to at its target
 * afterwards (its writer still had it open) goes back into the inbox, and the target keeps the
 * bytes processed; real files, the move done by InboxCommit itself, a clock the test turns.
 */
class MovedInputWatchTest {

    private static final byte[] FIRST = "---\ntitle: Moitié\n---\nPremière partie.\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] REST = "Seconde partie.\n".getBytes(StandardCharsets.UTF_8);
    private static final InboxCommit.Rename NO_FALLBACK = (from, to) -> {
        throw new AssertionError("Camel's rename was not needed");
    };

    @TempDir
    Path temp;

    private HomeLayout layout;
    private Path input;
    private Path target;
    private Instant now = Instant.parse("2026-11-28T10:00:00Z");
    private final List<Path> putBack = new ArrayList<>();
    private MovedInputWatch watch;

    @BeforeEach
    void takeTheFirstPart() throws Exception {
        layout = new HomeLayout(temp);
        Files.createDirectories(layout.inbox());
        input = layout.inbox().resolve("cmo.md");
        target = layout.archive().resolve("articles").resolve("20261128T100000.000Z_cmo.md");
        Files.write(input, FIRST);
        Files.setLastModifiedTime(input, FileTime.from(Instant.now().minusSeconds(10)));
        watch = new MovedInputWatch(layout, putBack::add, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
        InboxCommit commit = new InboxCommit(layout, path -> { }, watch, () -> { }, () -> { });
        assertThat(commit.leave(input, target, FileIdentity.of(input), FIRST, NO_FALLBACK)).isEqualTo(InboxCommit.Outcome.MOVED);
    }

    @Test
    void anUnchangedInputStaysWhereItWasMoved() throws Exception {
        assertThat(watch.putBackChanged()).isZero();
        assertThat(Files.readAllBytes(target)).isEqualTo(FIRST);
        assertThat(Files.exists(input)).isFalse();
        assertThat(putBack).isEmpty();
    }

    @Test
    void theRestWrittenIntoTheMovedFileSendsItBackAndTheTargetKeepsTheBytesProcessed() throws Exception {
        Files.write(target, REST, StandardOpenOption.APPEND);

        assertThat(watch.putBackChanged()).isOne();
        assertThat(Files.readAllBytes(input)).isEqualTo(concat(FIRST, REST));
        assertThat(Files.readAllBytes(target)).isEqualTo(FIRST);
        assertThat(putBack).containsExactly(input);
        // Once: the file is forgotten at its target.
        assertThat(watch.putBackChanged()).isZero();
    }

    @Test
    void aFileRewrittenFromItsStartGoesBackWithNoCopyLeftThatWasNotProcessed() throws Exception {
        Files.write(target, REST);

        assertThat(watch.putBackChanged()).isOne();
        assertThat(Files.readAllBytes(input)).isEqualTo(REST);
        assertThat(Files.exists(target)).as("no copy holding bytes that were not processed").isFalse();
    }

    @Test
    void aNewerFileUnderTheNameKeepsItAndTheChangedOneComesBackNumbered() throws Exception {
        Files.write(input, "---\ntitle: Autre\n---\n".getBytes(StandardCharsets.UTF_8));
        Files.write(target, REST, StandardOpenOption.APPEND);

        assertThat(watch.putBackChanged()).isOne();
        assertThat(Files.readString(input)).contains("Autre");
        assertThat(Files.readAllBytes(input.resolveSibling("cmo.2.md"))).isEqualTo(concat(FIRST, REST));
        assertThat(Files.readAllBytes(target)).isEqualTo(FIRST);
    }

    @Test
    void aChangeAfterTheWatchIsLeftAlone() throws Exception {
        now = now.plus(MovedInputWatch.WATCH).plusSeconds(1);
        assertThat(watch.putBackChanged()).isZero();
        Files.write(target, REST, StandardOpenOption.APPEND);

        assertThat(watch.putBackChanged()).isZero();
        assertThat(Files.exists(input)).isFalse();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
