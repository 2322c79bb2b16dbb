package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Every hostile or broken input of src/test/resources/hostile/ (plus a few made here: a file
 * over the size limit, a 1 MB line, a symbolic link out of the inbox, a file still being
 * written), dropped together: each gets the outcome EXPECTED.tsv names, the pipeline keeps
 * running, nothing is written outside the home folder, and no published page carries script.
 */
class HostileInputTest {

    private record Expected(String file, String outcome, String code, String slug) {
    }

    @TempDir
    Path temp;

    @Test
    void everyHostileInputGetsItsExpectedOutcome() throws Exception {
        Path home = temp.resolve("home");
        // The slow writer pauses 200 ms between pieces: the read lock must see the file unchanged longer than that.
        // An operator's include that forgets hidden files and editor leftovers: the routes never take them anyway.
        PipelineHome pipeline = new PipelineHome(home, java.util.Map.of("pipeline.read-lock-min-age", "1000",
                "pipeline.inbox.include", "(?i).*\\.(md|markdown|txt|xlf|xliff)"));
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Path hostile = Path.of(HostileInputTest.class.getClassLoader().getResource("hostile").toURI());
        List<Expected> expected = expectations(hostile.resolve("EXPECTED.tsv"));
        try (Stream<Path> files = Files.list(hostile)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("EXPECTED.tsv")).toList()) {
                Files.copy(file, inbox.resolve(file.getFileName().toString()));
            }
        }
        generate(inbox);
        Path secret = Files.writeString(temp.resolve("outside-secret.md"), "---\ntitle: Secret\ndate: 2025-01-01\n---\nSecret.\n");
        Files.createSymbolicLink(inbox.resolve("symbolic-link.md"), secret);
        AtomicReference<Exception> writerFailure = new AtomicReference<>();
        Thread slowWriter = stillBeingWritten(inbox.resolve("still-being-written.md"), writerFailure);
        slowWriter.start();

        int exit = pipeline.runOnce();
        slowWriter.join();

        assertThat(writerFailure.get()).isNull();
        assertThat(exit).as("the pipeline never stops on a bad input").isZero();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(30);
        assertSoftly(soft -> {
            for (Expected item : expected) {
                Path rejected = home.resolve("outbox/rejected").resolve(item.file());
                switch (item.outcome()) {
                    case "rejected" -> {
                        soft.assertThat(Files.exists(rejected)).as(item.file() + " moved to rejected/").isTrue();
                        JsonNode report = pipeline.json("outbox/rejected/" + item.file() + ".errors.json");
                        List<String> codes = new ArrayList<>();
                        report.get("errors").forEach(e -> codes.add(e.get("code").asText()));
                        soft.assertThat(codes).as(item.file() + " error codes").contains(item.code());
                    }
                    case "accepted" -> {
                        Path bundle = home.resolve("outbox/published").resolve(item.slug()).resolve("bundle.json");
                        soft.assertThat(Files.exists(bundle)).as(item.file() + " published as " + item.slug()).isTrue();
                        if (Files.exists(bundle) && !"-".equals(item.code())) {
                            List<String> codes = new ArrayList<>();
                            pipeline.bundle(item.slug()).get("languages").elements().next().get("warnings")
                                    .forEach(w -> codes.add(w.get("code").asText()));
                            soft.assertThat(codes).as(item.file() + " warnings").contains(item.code());
                        }
                    }
                    case "ignored" -> soft.assertThat(Files.exists(inbox.resolve(item.file()))).as(item.file() + " left alone").isTrue();
                    default -> soft.fail("unknown outcome " + item.outcome());
                }
            }
        });
        // Nothing written outside the home folder, and the secret behind the link untouched.
        try (Stream<Path> siblings = Files.list(temp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("home", "outside-secret.md");
        }
        assertThat(Files.readString(secret)).contains("Secret.");
        assertThat(pipeline.read("outbox/published/still-being-written/index.fr.md")).contains("Dernière phrase, écrite en dernier.");
        // Only the ignored files stay in the inbox.
        try (Stream<Path> left = Files.list(inbox)) {
            assertThat(left.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder(".DS_Store", "~$brouillon.md", ".brouillon.md.swp");
        }
        SafePages.assertNoScript(home.resolve("outbox/published"));
    }

    /**
     * A named pipe under an article's name (left by a script, or a mount that shows one): the
     * worker that opened it waited for a writer forever, every article after it waited its
     * turn behind it, and --once never ended. It is rejected unread, like a symbolic link.
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aNamedPipeInTheInboxIsRejectedUnreadAndHoldsNothingUp() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Process mkfifo = new ProcessBuilder("mkfifo", inbox.resolve("pipe.md").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
        home.dropResource(SeedArticleTest.SEED, "seed.txt");

        assertThat(home.runOnce()).isZero();

        assertThat(home.resolve("outbox/published/role-cmo-pme/bundle.json")).exists();
        assertThat(home.files("inbox")).isEmpty();
        JsonNode error = home.json("outbox/rejected/pipe.md.errors.json").get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("not-a-file");
        assertThat(error.get("message").asText()).isEqualTo("this is a named pipe, not a file: drop the article itself");
    }

    /**
     * The same in a return folder, where the file is read before the consumer takes it, to see
     * whether its source is published yet: a named pipe held the returns consumer's poll
     * forever, and a file larger than the heap (3 GB here, sparse) threw an OutOfMemoryError
     * with a stack trace out of the poll, at every poll, and out of the --once watcher, which
     * then never ended the run (the file stayed, unrejected). Both are rejected unread.
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aNamedPipeOrAHugeFileInAReturnFolderIsRejectedUnread() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        Path returns = Files.createDirectories(home.resolve("inbox/translations/EN"));
        Process mkfifo = new ProcessBuilder("mkfifo", returns.resolve("pipe.md").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(returns.resolve("huge.md").toFile(), "rw")) {
            huge.setLength(3L << 30);
        }

        assertThat(home.runOnce()).isZero();

        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(home.json("outbox/rejected/pipe.md.errors.json").get("errors").get(0).get("code").asText()).isEqualTo("not-a-file");
        assertThat(home.json("outbox/rejected/huge.md.errors.json").get("errors").get(0).get("code").asText()).isEqualTo("file-too-large");
    }

    private static List<Expected> expectations(Path tsv) throws IOException {
        List<Expected> expected = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] columns = line.split("\t");
                expected.add(new Expected(columns[0], columns[1], columns[2], columns[3]));
            }
        }
        return expected;
    }

    /** Inputs too big or too odd to keep in the repository. */
    private static void generate(Path inbox) throws IOException {
        // Maven leaves .DS_Store out of test resources, so the Finder's file is made here.
        Files.write(inbox.resolve(".DS_Store"), new byte[]{0, 0, 0, 1, 'B', 'u', 'd', '1', 0, 0, 16, 0});
        String head = "---\ntitle: \"Un article\"\ndate: 2025-07-25\nauthor: Test\n---\n";
        String sentence = "Une très longue ligne de texte français sans retour. ";
        Files.writeString(inbox.resolve("one-megabyte-line.md"), head + sentence.repeat(1_000_000 / sentence.length()) + "\n");
        try (OutputStream out = Files.newOutputStream(inbox.resolve("too-large.md"))) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] line = "Du texte pour dépasser la limite de taille.\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written <= 5L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
    }

    /** A writer that takes two seconds to write its file, in pieces: the pipeline must wait for the end. */
    private static Thread stillBeingWritten(Path file, AtomicReference<Exception> failure) {
        return new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                out.write("---\ntitle: \"En cours d'écriture\"\ndate: 2025-07-25\nauthor: Test\n---\n".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 10; i++) {
                    out.write(("Paragraphe numéro " + i + " de cet article écrit lentement, en français.\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(200);
                }
                out.write("Dernière phrase, écrite en dernier.\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException e) {
                failure.set(e);
            }
        }, "slow-writer");
    }
}
