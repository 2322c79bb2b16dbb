package io.contentpipeline.pipeline;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.contentpipeline.intake.ReturnsFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad inputs are moved to outbox/rejected/ with every problem listed, and nothing else is written. */
class RejectionTest {

    @TempDir
    Path temp;

    @Test
    void anArticleWithNoTitleAndAFrenchStyleDateIsRejectedWithBothProblems() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/brouillon.md", """
                ---
                author: "BLOT Antoine"
                date: 25/07/2025
                ---

                Un article sans titre.
                """);

        assertThat(home.runOnce()).as("a rejection is not a pipeline failure").isZero();

        assertThat(home.files("outbox/rejected")).containsExactly("brouillon.md", "brouillon.md.errors.json");
        JsonNode report = home.json("outbox/rejected/brouillon.md.errors.json");
        assertThat(report.get("file").asText()).isEqualTo("brouillon.md");
        assertThat(report.get("errors")).hasSize(2);
        assertThat(report.get("errors").get(0).get("field").asText()).isEqualTo("title");
        assertThat(report.get("errors").get(1).get("field").asText()).isEqualTo("date");
        assertThat(report.get("errors").get(1).get("line").asInt()).isEqualTo(3);
        assertThat(report.get("errors").get(1).get("message").asText()).contains("ISO-8601");
        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.files("outbox/published")).isEmpty();
        assertThat(home.files("outbox/translations/EN")).isEmpty();
        assertThat(home.eventNames()).containsExactly("article.rejected");
    }

    @Test
    void aYamlSyntaxErrorIsRejectedWithItsLineAndColumn() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/cassé.md", """
                ---
                title: "Un titre
                date: 2025-07-25
                tags: [a, b
                ---
                Texte.
                """);

        assertThat(home.runOnce()).isZero();

        JsonNode error = home.json("outbox/rejected/cassé.md.errors.json").get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("yaml-syntax");
        assertThat(error.get("line").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(error.has("column")).isTrue();
    }

    @Test
    void aFileWithoutFrontMatterIsRejectedAndAnUnrelatedTextFileToo() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/notes.txt", "Juste des notes, pas un article.\n");

        assertThat(home.runOnce()).isZero();

        assertThat(home.json("outbox/rejected/notes.txt.errors.json").get("errors").get(0).get("code").asText())
                .isEqualTo("no-front-matter");
    }

    @Test
    void aReturnWithoutItsTranslationBlockOrInTheWrongFolderIsRejected() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String draft = home.read("outbox/translations/EN/role-cmo-pme.md");
        String translated = Translator.englishSeedReturn(home);

        home.drop("inbox/translations/EN/no-block.md", PipelineHome.resource(SeedArticleTest.SEED_EN));
        home.drop("inbox/translations/ES/wrong-folder.md", translated);
        home.drop("inbox/translations/EN/untranslated.md", draft);
        assertThat(home.runOnce()).isZero();

        assertThat(home.json("outbox/rejected/no-block.md.errors.json").get("errors").get(0).get("message").asText())
                .contains("translation: block is missing");
        assertThat(home.json("outbox/rejected/wrong-folder.md.errors.json").get("errors").get(0).get("message").asText())
                .contains("a translation into EN but was dropped in the ES folder");
        assertThat(home.json("outbox/rejected/untranslated.md.errors.json").get("errors"))
                .extracting(e -> e.get("code").asText()).contains("untranslated", "translation-wrong-language");
        assertThat(home.eventNames()).filteredOn("translation.rejected"::equals).hasSize(3);
        assertThat(home.events()).filteredOn(e -> e.get("file").asText().equals("untranslated.md"))
                .singleElement().satisfies(e -> assertThat(e.get("version").asInt()).isEqualTo(1));
        assertThat(home.bundle("role-cmo-pme").get("languages").has("en")).isFalse();
        assertThat(home.bundle("role-cmo-pme").get("translations").get("en").get("status").asText()).isEqualTo("rejected");
        assertThat(home.bundle("role-cmo-pme").get("translations").has("es")).as("no draft went out in Spanish").isFalse();
    }

    /**
     * A return dropped in another language's folder (or a folder that is no language code) is
     * logged with the language and version its translation: block gives, not with the folder's
     * name and no version (it was lang=de, lang=english, version null).
     */
    @Test
    void aReturnInTheWrongFolderIsLoggedWithTheLanguageAndVersionOfItsBlock() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String translated = Translator.englishSeedReturn(home);
        home.drop("inbox/translations/DE/in-de.md", translated);
        home.drop("inbox/translations/english/in-english.md", translated);
        home.drop("inbox/translations/en-gb/in-en-gb.md", translated);
        home.drop("inbox/translations/DE/no-block.md", PipelineHome.resource(SeedArticleTest.SEED_EN));
        assertThat(home.runOnce()).isZero();

        List<JsonNode> rejected = home.events().stream().filter(e -> e.get("event").asText().equals("translation.rejected")).toList();
        assertThat(rejected).hasSize(4);
        assertThat(rejected).filteredOn(e -> e.get("file").asText().startsWith("in-")).hasSize(3).allSatisfy(e -> {
            assertThat(e.get("slug").asText()).isEqualTo("role-cmo-pme");
            assertThat(e.get("lang").asText()).isEqualTo("en");
            assertThat(e.get("version").asInt()).isEqualTo(1);
        });
        assertThat(home.json("outbox/rejected/in-english.md.errors.json").get("errors").get(0).get("message").asText())
                .contains("a translation into EN but was dropped in the ENGLISH folder");
        // Without a readable block, the folder is all there is to name.
        assertThat(rejected).filteredOn(e -> e.get("file").asText().equals("no-block.md")).singleElement()
                .satisfies(e -> assertThat(e.get("lang").asText()).isEqualTo("de"));
        JsonNode translations = home.bundle("role-cmo-pme").get("translations");
        assertThat(translations.get("en").get("status").asText()).isEqualTo("rejected");
        assertThat(translations.has("de")).isFalse();
    }

    @Test
    void aRejectedReturnLeavesTheCurrentTranslationCurrent() {
        PipelineHome home = new PipelineHome(temp);
        String translated = Translator.acceptEnglishSeed(home, "good.md");

        home.drop("inbox/translations/EN/broken.md", translated.replaceFirst("\n### [^\n]*\n", "\n"));
        assertThat(home.runOnce()).isZero();

        JsonNode headings = home.json("outbox/rejected/broken.md.errors.json").get("errors").get(0);
        assertThat(headings.get("code").asText()).isEqualTo("structure-headings");
        assertThat(headings.get("field").asText()).as("the heading lost, by segment id").startsWith("h-");
        assertThat(headings.get("message").asText()).contains("has no heading in the translation");
        assertThat(headings.get("line").asInt()).isPositive();
        JsonNode bundle = home.bundle("role-cmo-pme");
        assertThat(bundle.get("languages").get("en").get("status").asText()).isEqualTo("current");
        assertThat(bundle.get("translations").get("en").get("status").asText()).isEqualTo("current");
    }

    @Test
    @Timeout(60)
    void aFileRejectedAgainUnderTheSameNameIsKeptBesideTheFirst() {
        PipelineHome home = new PipelineHome(temp);
        String noDate = "---\ntitle: Sans date\n---\nTexte.\n";
        for (int attempt = 1; attempt <= 3; attempt++) {
            home.drop("inbox/brouillon.md", noDate);
            assertThat(home.runOnce()).isZero();
        }

        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.files("outbox/rejected")).containsExactly("brouillon.2.md", "brouillon.2.md.errors.json",
                "brouillon.3.md", "brouillon.3.md.errors.json", "brouillon.md", "brouillon.md.errors.json");
        assertThat(home.json("outbox/rejected/brouillon.2.md.errors.json").get("file").asText()).isEqualTo("brouillon.md");
        assertThat(home.eventNames()).containsExactly("article.rejected", "article.rejected", "article.rejected");
    }

    /**
     * The second rejected copy of a return used to be cmo.md.2: corrected and dropped back
     * under that name, it was never taken (the inbox takes .md, .xlf … only). The number now
     * goes before the extension, so the corrected copy goes back in as it is.
     */
    @Test
    @Timeout(120)
    void aSecondRejectedCopyKeepsItsExtensionSoThatItCanBeDroppedBackCorrected() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String translated = Translator.englishSeedReturn(home);
        String broken = translated.replaceFirst("\n### [^\n]*\n", "\n");
        for (int attempt = 1; attempt <= 2; attempt++) {
            home.drop("inbox/translations/EN/cmo.md", broken);
            assertThat(home.runOnce()).isZero();
        }
        assertThat(home.files("outbox/rejected")).containsExactly("cmo.2.md", "cmo.2.md.errors.json", "cmo.md", "cmo.md.errors.json");
        assertThat(home.json("outbox/rejected/cmo.2.md.errors.json").get("errors").get(0).get("code").asText())
                .isEqualTo("structure-headings");

        // The translator restores the heading in the second copy and drops it back under its name.
        home.drop("inbox/translations/EN/cmo.2.md", translated);
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("translation.accepted"))
                .singleElement().satisfies(e -> assertThat(e.get("file").asText()).isEqualTo("cmo.2.md"));
        assertThat(home.bundle("role-cmo-pme").get("languages").get("en").get("status").asText()).isEqualTo("current");
    }

    @Test
    void aReturnWhoseSourceIsNotPublishedYetWaitsInTheInbox() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/translations/EN/early.md", """
                ---
                title: Early bird
                translation:
                  source: not-yet-here
                  source_lang: fr
                  target_lang: en
                  source_version: 1
                ---
                Text.
                """);

        List<String> logged = logLines(ReturnsFilter.class, home::runOnce, 0);

        assertThat(home.files("inbox/translations/EN")).containsExactly("early.md");
        assertThat(home.files("outbox/rejected")).isEmpty();
        // Named like the other events: slug, language and version.
        assertThat(logged).filteredOn(line -> line.startsWith("translation.waiting ")).singleElement().asString()
                .startsWith("translation.waiting slug=not-yet-here lang=en version=1 file=early.md");
    }

    /** Runs the pipeline with the given logger's lines captured; checks the exit code and returns the lines. */
    static List<String> logLines(Class<?> source, java.util.function.IntSupplier run, int exitCode) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger logger = (Logger) LoggerFactory.getLogger(source);
        logger.addAppender(appender);
        try {
            assertThat(run.getAsInt()).isEqualTo(exitCode);
        } finally {
            logger.detachAppender(appender);
        }
        synchronized (appender) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
