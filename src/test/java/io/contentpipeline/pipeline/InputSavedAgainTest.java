package io.contentpipeline.pipeline;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.contentpipeline.intake.InboxCommit;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An author saves a file again under its name while the pipeline works on it (a tester's
 * report: only the first version was published, the inbox ended empty, and the archive held
 * the second version's text under the first one's time). The version read is archived (or
 * rejected) from the bytes read, and the newer file stays in the inbox, taken next as the next
 * version. The file is saved again at a known stage, from inside the real routes (StageHook).
 */
class InputSavedAgainTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final byte[] V1 = PipelineHome.resourceBytes(SeedArticleTest.SEED);
    private static final byte[] V2 = PipelineHome.resource(SeedArticleTest.SEED)
            .replace("il n'exécute pas les tâches", "il ne réalise pas les tâches lui-même").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(InboxCommit.class);

    @FunctionalInterface
    private interface Save {
        void save(Path file, byte[] bytes) throws IOException;
    }

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        StageHook.clear();
        logger.detachAppender(log);
    }

    /** The README's way of saving: a hidden file renamed over the article. */
    @Test
    void anArticleSavedAgainByRenameWhileProcessedIsPublishedAsTheNextVersion() {
        savedAgainWhileProcessed(InputSavedAgainTest::renameOver);
    }

    /** A plain cp over it: the same file rewritten in place. */
    @Test
    void anArticleCopiedOverWhileProcessedIsPublishedAsTheNextVersion() {
        savedAgainWhileProcessed(Files::write);
    }

    private void savedAgainWhileProcessed(Save save) {
        PipelineHome home = new PipelineHome(temp, StageHook.SETTING);
        home.drop("inbox/cmo.md", V1);
        AtomicInteger derived = new AtomicInteger();
        AtomicReference<String> firstAcceptedAt = new AtomicReference<>();
        StageHook.before("direct:derive-metadata", exchange -> {
            Path file = inputOf(exchange);
            if (derived.getAndIncrement() == 0) {
                // Version 1 has been read and parsed: the author saves version 2 over it.
                save.save(file, V2);
            } else {
                // Version 2 is being worked on: version 1 was published.
                firstAcceptedAt.set(home.bundle("role-cmo-pme").get("languages").get("fr").get("accepted_at").asText());
            }
        });

        assertThat(home.runOnce()).isZero();

        assertThat(derived).hasValue(2);
        assertThat(home.files("inbox")).isEmpty();
        JsonNode bundle = home.bundle("role-cmo-pme");
        assertThat(bundle.get("version").asInt()).isEqualTo(2);
        assertThat(home.read("outbox/published/role-cmo-pme/index.fr.md")).contains("il ne réalise pas les tâches lui-même");
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("article.accepted"))
                .allSatisfy(e -> assertThat(e.get("file").asText()).isEqualTo("cmo.md"))
                .extracting(e -> e.get("version").asInt()).containsExactly(1, 2);
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("bundle.published"))
                .extracting(e -> e.get("version").asInt()).containsExactly(1, 2);
        // Each version archived with its own bytes, under the time its bundle took it in.
        String first = stamp(firstAcceptedAt.get()) + "_cmo.md";
        String second = stamp(bundle.get("languages").get("fr").get("accepted_at").asText()) + "_cmo.md";
        assertThat(home.files("outbox/archive/articles")).containsExactly(first, second);
        assertThat(home.resolve("outbox/archive/articles/" + first)).hasBinaryContent(V1);
        assertThat(home.resolve("outbox/archive/articles/" + second)).hasBinaryContent(V2);
        assertThat(savedAgainLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("inbox.saved-again file=cmo.md to=outbox/archive/articles/" + first + ":")
                .contains("it stays in the inbox for the next poll"));
    }

    /** The rejection path moves its input with the same header: the rejected copy is the version rejected. */
    @Test
    void aRejectedArticleSavedAgainWhileRejectedLeavesItsOwnBytesInRejected() {
        String rejected = "---\ntitle: Sans date\n---\nTexte.\n";
        PipelineHome home = new PipelineHome(temp, StageHook.SETTING);
        home.drop("inbox/cmo.md", rejected);
        AtomicInteger rejections = new AtomicInteger();
        StageHook.before("direct:reject-input", exchange -> {
            if (rejections.getAndIncrement() == 0) {
                renameOver(inputOf(exchange), V1);
            }
        });

        assertThat(home.runOnce()).isZero();

        assertThat(rejections).hasValue(1);
        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.files("outbox/rejected")).containsExactly("cmo.md", "cmo.md.errors.json");
        assertThat(home.read("outbox/rejected/cmo.md")).isEqualTo(rejected);
        assertThat(home.eventNames()).containsExactly("article.rejected", "article.accepted", "translation.requested", "bundle.published");
        assertThat(home.files("outbox/archive/articles")).singleElement()
                .satisfies(name -> assertThat(home.resolve("outbox/archive/articles/" + name)).hasBinaryContent(V1));
        assertThat(savedAgainLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("inbox.saved-again file=cmo.md to=outbox/rejected/cmo.md:"));
    }

    /** A translator saves a corrected return under the same name while the first is being published. */
    @Test
    void aReturnSavedAgainWhileProcessedIsTakenAsANewReturn() {
        PipelineHome home = new PipelineHome(temp, StageHook.SETTING);
        home.publishSeed("seed.txt");
        String first = Translator.englishSeedReturn(home);
        String corrected = first.replace("is a strategic governance function", "is a function of strategic governance");
        assertThat(corrected).isNotEqualTo(first);
        home.drop("inbox/translations/EN/returned.md", first);
        AtomicInteger published = new AtomicInteger();
        StageHook.before("direct:publish-translation", exchange -> {
            if (published.getAndIncrement() == 0) {
                renameOver(inputOf(exchange), corrected.getBytes(StandardCharsets.UTF_8));
            }
        });

        assertThat(home.runOnce()).isZero();

        assertThat(published).hasValue(2);
        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("translation.accepted"))
                .extracting(e -> e.get("file").asText()).containsExactly("returned.md", "returned.md");
        assertThat(home.read("outbox/published/role-cmo-pme/index.en.md")).contains("is a function of strategic governance");
        List<String> archived = home.files("outbox/archive/translations");
        assertThat(archived).hasSize(2).allSatisfy(name -> assertThat(name).endsWith("_returned.md"));
        assertThat(home.read("outbox/archive/translations/" + archived.get(0))).isEqualTo(first);
        assertThat(home.read("outbox/archive/translations/" + archived.get(1))).isEqualTo(corrected);
        assertThat(savedAgainLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("inbox.saved-again file=returned.md to=outbox/archive/translations/" + archived.get(0) + ":"));
    }

    private List<String> savedAgainLines() {
        synchronized (log) {
            return log.list.stream().filter(e -> e.getLevel() == Level.INFO).map(ILoggingEvent::getFormattedMessage)
                    .filter(line -> line.startsWith("inbox.saved-again")).toList();
        }
    }

    private static Path inputOf(Exchange exchange) {
        return Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
    }

    /** Writes a hidden file beside the input and renames it over the input. */
    private static void renameOver(Path file, byte[] bytes) throws IOException {
        Path hidden = file.resolveSibling("." + file.getFileName() + ".new");
        Files.write(hidden, bytes);
        Files.move(hidden, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String stamp(String instant) {
        return STAMP.format(Instant.parse(instant));
    }
}
