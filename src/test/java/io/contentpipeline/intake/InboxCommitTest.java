package io.contentpipeline.intake;

import io.contentpipeline.files.HomeLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The move at the end of an input's exchange takes out of the inbox only the file the pipeline
 * read: a newer file saved under its name stays (or is put back) for the next poll, and the
 * processed bytes go to the target. Every way of saving again, at every moment of the move.
 */
class InboxCommitTest {

    private static final byte[] V1 = "---\ntitle: Version une\n---\nTexte.\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] V2 = "---\ntitle: Version deux\n---\nTexte corrigé.\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] V3 = "---\ntitle: Version trois\n---\nEncore.\n".getBytes(StandardCharsets.UTF_8);
    private static final InboxCommit.Rename NO_FALLBACK = (from, to) -> {
        throw new AssertionError("Camel's rename was not needed");
    };

    @TempDir
    Path temp;

    private HomeLayout layout;
    private Path input;
    private Path target;
    private final List<Path> leftForNextPoll = new ArrayList<>();

    @BeforeEach
    void dropVersionOne() throws IOException {
        layout = new HomeLayout(temp);
        Files.createDirectories(layout.inbox());
        input = layout.inbox().resolve("cmo.md");
        target = layout.archive().resolve("articles").resolve("20250725T101500.000Z_cmo.md");
        Files.write(input, V1);
        Files.setLastModifiedTime(input, FileTime.from(Instant.now().minusSeconds(10)));
    }

    @Test
    void theFileReadIsMovedAsItIs() throws Exception {
        FileIdentity read = FileIdentity.of(input);
        Object inode = read.key();

        assertThat(commit().leave(input, target, read, V1, NO_FALLBACK)).isEqualTo(InboxCommit.Outcome.MOVED);

        assertThat(input).doesNotExist();
        assertThat(target).hasBinaryContent(V1);
        assertThat(FileIdentity.of(target).key()).isEqualTo(inode);
        assertThat(leftForNextPoll).isEmpty();
    }

    /** The README's way: a hidden file renamed over the input (a new inode). */
    @Test
    void aFileRenamedOverTheInputStaysAndTheBytesReadAreKept() throws Exception {
        FileIdentity read = FileIdentity.of(input);
        saveByRename(V2);

        assertThat(commit().leave(input, target, read, V1, NO_FALLBACK)).isEqualTo(InboxCommit.Outcome.NEWER_LEFT);

        assertThat(input).hasBinaryContent(V2);
        assertThat(target).hasBinaryContent(V1);
        assertThat(leftForNextPoll).containsExactly(input);
        assertThat(inboxNames()).containsExactly("cmo.md");
    }

    /** A plain copy over the input: the same inode, rewritten. */
    @Test
    void aFileRewrittenInPlaceStaysAndTheBytesReadAreKept() throws Exception {
        FileIdentity read = FileIdentity.of(input);
        Files.write(input, V2);

        assertThat(commit().leave(input, target, read, V1, NO_FALLBACK)).isEqualTo(InboxCommit.Outcome.NEWER_LEFT);

        assertThat(input).hasBinaryContent(V2);
        assertThat(target).hasBinaryContent(V1);
    }

    /** Even the same size and content, saved again, is a new drop: its own modification time. */
    @Test
    void theSameBytesSavedAgainAreANewDropToo() throws Exception {
        FileIdentity read = FileIdentity.of(input);
        Files.write(input, V1);
        Files.setLastModifiedTime(input, FileTime.from(Instant.now()));

        assertThat(commit().leave(input, target, read, V1, NO_FALLBACK)).isEqualTo(InboxCommit.Outcome.NEWER_LEFT);
        assertThat(input).hasBinaryContent(V1);
        assertThat(target).hasBinaryContent(V1);
    }

    /** Saved again between the check and the rename: the rename takes the newer file, which goes back. */
    @Test
    void aFileSavedInTheInstantOfTheMoveIsPutBack() throws Exception {
        FileIdentity read = FileIdentity.of(input);
        List<Object> newer = new ArrayList<>();
        InboxCommit commit = commit(() -> newer.add(saveByRename(V2).key()), () -> { });

        assertThat(commit.leave(input, target, read, V1, NO_FALLBACK)).isEqualTo(InboxCommit.Outcome.NEWER_PUT_BACK);

        assertThat(input).hasBinaryContent(V2);
        assertThat(FileIdentity.of(input).key()).as("the newer file itself, not a copy").isEqualTo(newer.get(0));
        assertThat(target).hasBinaryContent(V1);
        assertThat(leftForNextPoll).containsExactly(input);
        assertThat(inboxNames()).containsExactly("cmo.md");
    }

    /** And yet another file took the name before it could go back: it goes back under the next free name. */
    @Test
    void aFilePutBackWhileAThirdTookTheNameGetsAFreeName() throws Exception {
        FileIdentity read = FileIdentity.of(input);
        InboxCommit commit = commit(() -> saveByRename(V2), () -> saveByRename(V3));

        assertThat(commit.leave(input, target, read, V1, NO_FALLBACK)).isEqualTo(InboxCommit.Outcome.NEWER_PUT_BACK);

        assertThat(input).hasBinaryContent(V3);
        assertThat(layout.inbox().resolve("cmo.2.md")).hasBinaryContent(V2);
        assertThat(target).hasBinaryContent(V1);
        assertThat(leftForNextPoll).containsExactly(layout.inbox().resolve("cmo.2.md"));
    }

    @Test
    void aFileTakenAwayMeanwhileIsKeptFromTheBytesRead() throws Exception {
        FileIdentity read = FileIdentity.of(input);
        Files.delete(input);

        assertThat(commit().leave(input, target, read, V1, NO_FALLBACK)).isEqualTo(InboxCommit.Outcome.GONE);
        assertThat(target).hasBinaryContent(V1);
    }

    /** A file rejected unread (too large, a link) has no bytes to keep: the newer file still stays, nothing is written. */
    @Test
    void aFileRejectedUnreadAndSavedAgainStaysWithNothingWritten() throws Exception {
        FileIdentity taken = FileIdentity.taken((long) V1.length, Files.getLastModifiedTime(input).toMillis());
        saveByRename(V2);

        assertThat(commit().leave(input, target, taken, null, NO_FALLBACK)).isEqualTo(InboxCommit.Outcome.NEWER_LEFT);
        assertThat(input).hasBinaryContent(V2);
        assertThat(target).doesNotExist();
    }

    /** What Camel reported when it took the file (to the millisecond, no inode) is enough to know it again. */
    @Test
    void theFileAsCamelReportedItIsMovedWhenUnchanged() throws Exception {
        FileIdentity taken = FileIdentity.taken((long) V1.length, Files.getLastModifiedTime(input).toMillis());

        assertThat(commit().leave(input, target, taken, null, NO_FALLBACK)).isEqualTo(InboxCommit.Outcome.MOVED);
        assertThat(target).hasBinaryContent(V1);
        assertThat(input).doesNotExist();
    }

    private InboxCommit commit() {
        return commit(() -> { }, () -> { });
    }

    private InboxCommit commit(Runnable beforeRename, Runnable afterRename) {
        return new InboxCommit(layout, leftForNextPoll::add, beforeRename, afterRename);
    }

    /** Writes a hidden file and renames it over the input, as editors and the README do; returns the new file's identity. */
    private FileIdentity saveByRename(byte[] bytes) {
        try {
            Path hidden = input.resolveSibling(".cmo.md.swp");
            Files.write(hidden, bytes);
            Files.move(hidden, input, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return FileIdentity.of(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> inboxNames() throws IOException {
        try (Stream<Path> files = Files.list(layout.inbox())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
