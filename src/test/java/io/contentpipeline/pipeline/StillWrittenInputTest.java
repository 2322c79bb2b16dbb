package io.contentpipeline.pipeline;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.contentpipeline.files.Sha256;
import io.contentpipeline.intake.MovedInputWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An author's editor (or a copy) writes an article in two parts, the file open all along, with
 * a pause longer than the read lock's window (pipeline.read-lock-min-age, 300 ms) between them.
 * The first part is taken and processed; the rename out of the inbox took the open file with it,
 * and the second part used to be written into the archived (or rejected) copy: the archive then
 * held the whole article under the first part's time while bundle.json's input_sha256 and the
 * changelog named the first part's bytes, and the whole article was never published. Now the
 * copy changed at its target goes back into the inbox and is taken as the next version, and the
 * target keeps the bytes processed. Real service, real files, one stream held open.
 */
class StillWrittenInputTest {

    private static final String SEED = PipelineHome.resource(SeedArticleTest.SEED);

    @TempDir
    Path temp;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(MovedInputWatch.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @Test
    void anArticleCompletedAfterItsFirstPartWasPublishedIsTakenAgainAndTheArchiveKeepsTheBytesProcessed() throws Exception {
        // The first part is an article on its own: the front matter and the body's first half.
        int bodyStart = SEED.indexOf("\n---\n") + 5;
        int cut = SEED.indexOf("\n\n", bodyStart + (SEED.length() - bodyStart) / 2) + 1;
        byte[] first = SEED.substring(0, cut).getBytes(StandardCharsets.UTF_8);
        byte[] whole = SEED.getBytes(StandardCharsets.UTF_8);
        PipelineHome home = new PipelineHome(temp);
        try (RunningService service = home.startService();
             FileOutputStream editor = new FileOutputStream(home.resolve("inbox/cmo.md").toFile())) {
            editor.write(first);
            await().atMost(Duration.ofSeconds(30)).until(() -> home.files("outbox/archive/articles").size() == 1
                    && home.files("inbox").isEmpty());
            assertThat(inputSha256(home)).isEqualTo(Sha256.of(first));

            editor.write(whole, first.length, whole.length - first.length);
            editor.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> home.bundle("role-cmo-pme").get("version").asInt() == 2
                    && home.files("inbox").isEmpty() && home.files("outbox/archive/articles").size() == 2);
        }
        assertThat(inputSha256(home)).isEqualTo(Sha256.of(whole));
        List<byte[]> archived = home.files("outbox/archive/articles").stream()
                .map(name -> bytes(home.resolve("outbox/archive/articles/" + name))).toList();
        assertThat(archived).as("the archive: the first part as processed, then the whole article")
                .satisfiesExactly(one -> assertThat(one).isEqualTo(first), two -> assertThat(two).isEqualTo(whole));
        List<String> accepted = home.events().stream().filter(e -> e.get("event").asText().equals("article.accepted"))
                .map(e -> e.get("detail").get("sha256").asText()).toList();
        assertThat(accepted).containsExactly(Sha256.of(first), Sha256.of(whole));
        assertThat(lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("inbox.still-written file=cmo.md to=outbox/archive/articles/").contains("put back in the inbox as cmo.md"));
    }

    @Test
    void aRejectedFirstPartKeepsItsBytesInRejectedAndTheCompletedArticleIsPublished() throws Exception {
        // Cut inside the front matter: the first part alone is rejected (its front matter never ends).
        int cut = SEED.indexOf("\ndate:") + 1;
        byte[] first = SEED.substring(0, cut).getBytes(StandardCharsets.UTF_8);
        byte[] whole = SEED.getBytes(StandardCharsets.UTF_8);
        PipelineHome home = new PipelineHome(temp);
        try (RunningService service = home.startService();
             FileOutputStream editor = new FileOutputStream(home.resolve("inbox/cmo.md").toFile())) {
            editor.write(first);
            await().atMost(Duration.ofSeconds(30)).until(() -> home.files("outbox/rejected").contains("cmo.md")
                    && home.files("inbox").isEmpty());

            editor.write(whole, first.length, whole.length - first.length);
            editor.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("outbox/published/role-cmo-pme/bundle.json"))
                    && home.files("inbox").isEmpty());
        }
        assertThat(bytes(home.resolve("outbox/rejected/cmo.md"))).as("the rejected copy is the part rejected").isEqualTo(first);
        assertThat(home.json("outbox/rejected/cmo.md.errors.json").get("file_bytes").asLong()).isEqualTo(first.length);
        assertThat(inputSha256(home)).isEqualTo(Sha256.of(whole));
        assertThat(home.files("outbox/archive/articles")).singleElement()
                .satisfies(name -> assertThat(bytes(home.resolve("outbox/archive/articles/" + name))).isEqualTo(whole));
        assertThat(home.eventNames()).startsWith("article.rejected", "article.accepted");
        assertThat(lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("inbox.still-written file=cmo.md to=outbox/rejected/cmo.md"));
    }

    private static String inputSha256(PipelineHome home) {
        JsonNode fr = home.bundle("role-cmo-pme").get("languages").get("fr");
        return fr.get("input_sha256").asText();
    }

    private static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines() {
        synchronized (log) {
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
