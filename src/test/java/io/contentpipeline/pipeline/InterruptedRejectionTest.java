package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.contentpipeline.intake.Rejections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash point these tests recreate: a rejection wrote its report in outbox/rejected/ (and
 * maybe appended its event), and the process died before the file consumer moved the input
 * beside the report. The rejected copy is moved back into the inbox, as it was (same name,
 * same modification time, the same file), and the event is cut from the log or left there.
 * Rejected again, the input takes the report's name over, so that no report stays alone and
 * no numbered copy appears, and its event is in the changelog once. A file dropped again
 * under the name is still a new rejection.
 */
class InterruptedRejectionTest {

    private static final String NO_DATE = "---\ntitle: Sans date\n---\nTexte.\n";
    private static final String REPLAYED = "rejection.replayed";

    @TempDir
    Path temp;

    @Test
    void anInputRejectedAndLoggedButNotMovedIsRejectedOnceUnderItsNameOnReplay() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/brouillon.md", NO_DATE);
        assertThat(home.runOnce()).isZero();
        String rejectedAt = home.json("outbox/rejected/brouillon.md.errors.json").get("rejected_at").asText();

        // Twice: a crash can come again while the replay itself is rejected, before its move.
        for (int crash = 1; crash <= 2; crash++) {
            interruptBeforeMove(home, "brouillon.md", "inbox/brouillon.md");
            List<String> logged = RejectionTest.logLines(home::runOnce, 0, Rejections.class.getName());

            assertThat(logged).filteredOn(line -> line.startsWith(REPLAYED)).singleElement().satisfies(line -> assertThat(line)
                    .contains("file=brouillon.md", "report=outbox/rejected/brouillon.md.errors.json", "not written again"));
            assertThat(home.files("inbox")).isEmpty();
            assertThat(home.files("outbox/rejected")).containsExactly("brouillon.md", "brouillon.md.errors.json");
            assertThat(home.eventNames()).containsExactly("article.rejected");
            JsonNode report = home.json("outbox/rejected/brouillon.md.errors.json");
            assertThat(report.get("rejected_at").asText()).as("the rejection replayed keeps its time").isEqualTo(rejectedAt);
            assertThat(report.get("errors").get(0).get("field").asText()).isEqualTo("date");
        }
    }

    @Test
    void anInputRejectedButNotLoggedNorMovedIsRejectedUnderItsNameAndLoggedOnReplay() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/brouillon.md", NO_DATE);
        assertThat(home.runOnce()).isZero();

        interruptBeforeMove(home, "brouillon.md", "inbox/brouillon.md");
        cutLastEvent(home, "article.rejected");
        assertThat(home.eventNames()).isEmpty();
        List<String> logged = RejectionTest.logLines(home::runOnce, 0, Rejections.class.getName());

        assertThat(logged).noneMatch(line -> line.startsWith(REPLAYED));
        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.files("outbox/rejected")).containsExactly("brouillon.md", "brouillon.md.errors.json");
        assertThat(home.events()).singleElement().satisfies(event -> {
            assertThat(event.get("event").asText()).isEqualTo("article.rejected");
            assertThat(event.get("file").asText()).isEqualTo("brouillon.md");
            assertThat(event.get("detail").get("report").asText()).isEqualTo("outbox/rejected/brouillon.md.errors.json");
        });
    }

    @Test
    void aSecondFileOfTheNameInterruptedKeepsItsNumberedNameOnReplay() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/brouillon.md", NO_DATE);
        assertThat(home.runOnce()).isZero();
        home.drop("inbox/brouillon.md", NO_DATE + "Une autre version.\n");
        assertThat(home.runOnce()).isZero();
        assertThat(home.files("outbox/rejected")).containsExactly("brouillon.2.md", "brouillon.2.md.errors.json",
                "brouillon.md", "brouillon.md.errors.json");

        interruptBeforeMove(home, "brouillon.2.md", "inbox/brouillon.md");
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.files("outbox/rejected")).containsExactly("brouillon.2.md", "brouillon.2.md.errors.json",
                "brouillon.md", "brouillon.md.errors.json");
        assertThat(home.read("outbox/rejected/brouillon.2.md")).contains("Une autre version.");
        assertThat(home.eventNames()).containsExactly("article.rejected", "article.rejected");
    }

    @Test
    void anotherFileOfTheSameSizeAndTimeInTheInterruptedInputsPlaceIsANewRejectionNotAReplay() throws IOException {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/brouillon.md", NO_DATE);
        assertThat(home.runOnce()).isZero();
        JsonNode first = home.json("outbox/rejected/brouillon.md.errors.json");
        String rejectedAt = first.get("rejected_at").asText();
        assertThat(first.get("file_id").asText()).as("the inode, on Linux").contains("ino=");
        interruptBeforeMove(home, "brouillon.md", "inbox/brouillon.md");

        // Before the restart, another file takes the input's place: the same size and modification
        // time (cp -p of another file, or saved within the same tick), other bytes, another inode.
        Path input = home.resolve("inbox/brouillon.md");
        FileTime time = Files.getLastModifiedTime(input);
        String other = NO_DATE.replace("Texte.", "Autre.");
        assertThat(other).hasSameSizeAs(NO_DATE);
        Path part = home.resolve("inbox/.brouillon.md.part");
        Files.writeString(part, other);
        Files.setLastModifiedTime(part, time);
        Files.move(part, input, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(Files.size(input)).isEqualTo(NO_DATE.length());
        assertThat(Files.getLastModifiedTime(input)).isEqualTo(time);

        List<String> logged = RejectionTest.logLines(home::runOnce, 0, Rejections.class.getName());

        assertThat(logged).noneMatch(line -> line.startsWith(REPLAYED));
        assertThat(home.files("inbox")).isEmpty();
        // The report left alone is taken over (its input is gone), but as a new rejection, with its own time and event.
        assertThat(home.files("outbox/rejected")).containsExactly("brouillon.md", "brouillon.md.errors.json");
        assertThat(home.read("outbox/rejected/brouillon.md")).isEqualTo(other);
        JsonNode report = home.json("outbox/rejected/brouillon.md.errors.json");
        assertThat(report.get("rejected_at").asText()).isNotEqualTo(rejectedAt);
        assertThat(report.get("file_id").asText()).isNotEqualTo(first.get("file_id").asText());
        assertThat(home.eventNames()).containsExactly("article.rejected", "article.rejected");
    }

    @Test
    void aReturnRejectedAndLoggedButNotMovedIsLoggedOnce() {
        PipelineHome home = new PipelineHome(temp);
        // Beside the language folders: rejected for its place (translation-folder), no source needed.
        String misplaced = "---\ntitle: Early bird\ntranslation:\n  source: role-cmo-pme\n  source_lang: fr\n"
                + "  target_lang: en\n  source_version: 1\n---\nText.\n";
        home.drop("inbox/translations/early.md", misplaced);
        assertThat(home.runOnce()).isZero();
        assertThat(home.eventNames()).containsExactly("translation.rejected");

        interruptBeforeMove(home, "early.md", "inbox/translations/early.md");
        List<String> logged = RejectionTest.logLines(home::runOnce, 0, Rejections.class.getName());

        assertThat(logged).filteredOn(line -> line.startsWith(REPLAYED)).singleElement()
                .satisfies(line -> assertThat(line).contains("translation.rejected"));
        assertThat(home.files("inbox/translations")).isEmpty();
        assertThat(home.files("outbox/rejected")).containsExactly("early.md", "early.md.errors.json");
        assertThat(home.eventNames()).containsExactly("translation.rejected");
    }

    @Test
    void aReportLeftEmptyByACrashRightAfterItsReservationIsTakenOverAndTheRejectionLogged() throws IOException {
        PipelineHome home = new PipelineHome(temp);
        Files.createDirectories(home.resolve("outbox/rejected"));
        Files.createFile(home.resolve("outbox/rejected/brouillon.md.errors.json"));
        home.drop("inbox/brouillon.md", NO_DATE);

        assertThat(home.runOnce()).isZero();

        assertThat(home.files("outbox/rejected")).containsExactly("brouillon.md", "brouillon.md.errors.json");
        // Taken over: the empty reservation now holds this input's report, the missing date, beside the input itself.
        JsonNode report = home.json("outbox/rejected/brouillon.md.errors.json");
        assertThat(report.get("errors")).extracting(error -> error.get("field").asText()).contains("date");
        assertThat(report.get("rejected_at").asText()).isNotBlank();
        assertThat(home.read("outbox/rejected/brouillon.md")).isEqualTo(NO_DATE);
        assertThat(home.eventNames()).containsExactly("article.rejected");
    }

    @Test
    void theSameFileCopiedBackWithItsOldTimeWhileItsCopyIsStillThereIsANewRejection() throws IOException {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/brouillon.md", NO_DATE);
        assertThat(home.runOnce()).isZero();

        // cp -p: the report has its copy beside it, so nothing was interrupted.
        Path part = home.resolve("inbox/.brouillon.md.part");
        Files.copy(home.resolve("outbox/rejected/brouillon.md"), part, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(part, home.resolve("inbox/brouillon.md"));
        List<String> logged = RejectionTest.logLines(home::runOnce, 0, Rejections.class.getName());

        assertThat(logged).noneMatch(line -> line.startsWith(REPLAYED));
        assertThat(home.files("outbox/rejected")).containsExactly("brouillon.2.md", "brouillon.2.md.errors.json",
                "brouillon.md", "brouillon.md.errors.json");
        assertThat(home.eventNames()).containsExactly("article.rejected", "article.rejected");
    }

    @Test
    void aCopyTakenOutCorrectedAndDroppedBackIsANewRejectionOrAccepted() throws IOException {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/brouillon.md", NO_DATE);
        assertThat(home.runOnce()).isZero();
        String firstRejectedAt = home.json("outbox/rejected/brouillon.md.errors.json").get("rejected_at").asText();

        // The author takes the copy out of rejected/, corrects one thing but not the other.
        Files.delete(home.resolve("outbox/rejected/brouillon.md"));
        home.drop("inbox/brouillon.md", "---\ntitle: Sans date\ndate: 25/07/2025\n---\nTexte.\n");
        List<String> logged = RejectionTest.logLines(home::runOnce, 0, Rejections.class.getName());

        assertThat(logged).noneMatch(line -> line.startsWith(REPLAYED));
        assertThat(home.files("outbox/rejected")).containsExactly("brouillon.md", "brouillon.md.errors.json");
        JsonNode report = home.json("outbox/rejected/brouillon.md.errors.json");
        assertThat(report.get("rejected_at").asText()).isNotEqualTo(firstRejectedAt);
        assertThat(report.get("errors").get(0).get("message").asText()).contains("ISO-8601");
        assertThat(home.eventNames()).containsExactly("article.rejected", "article.rejected");

        // Corrected at last: accepted.
        Files.delete(home.resolve("outbox/rejected/brouillon.md"));
        home.drop("inbox/brouillon.md", "---\ntitle: Sans date\ndate: 2025-07-25\n---\nUn court texte en français sur la stratégie.\n");
        assertThat(home.runOnce()).isZero();
        assertThat(home.eventNames()).containsExactly("article.rejected", "article.rejected",
                "article.accepted", "translation.requested", "bundle.published");
    }

    /** The rejected copy back where the input was, as it was: the state a crash before the move leaves. */
    private static void interruptBeforeMove(PipelineHome home, String copy, String inbox) {
        try {
            Files.move(home.resolve("outbox/rejected").resolve(copy), home.resolve(inbox));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts the last line of this event from changelog.jsonl, as if the process died before appending it. */
    private static void cutLastEvent(PipelineHome home, String event) {
        try {
            Path log = home.resolve("outbox/changelog.jsonl");
            List<String> lines = new ArrayList<>(Files.readAllLines(log));
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains("\"event\":\"" + event + "\"")) {
                    lines.remove(i);
                    break;
                }
            }
            Files.write(log, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
