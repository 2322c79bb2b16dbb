package io.contentpipeline.pipeline;

import io.contentpipeline.translate.TranslationBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Markdown draft says, just above its translation: block, to leave the block as it is: a
 * translator working from a folder may never read the README. The line is a YAML comment, so a
 * return is accepted whether it keeps it or not, and the published page has neither.
 */
class DraftKeepCommentTest {

    private static final String DRAFT = "outbox/translations/EN/role-cmo-pme.md";
    private static final String COMMENT = "# " + TranslationBlock.KEEP_COMMENT + "\n";

    @TempDir
    Path temp;

    @Test
    void aDraftSaysJustAboveItsBlockToLeaveItAsItIs() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");

        assertThat(home.read(DRAFT)).contains("\n" + COMMENT + "translation:\n  source: role-cmo-pme\n")
                .containsOnlyOnce(COMMENT);
        assertThat(COMMENT).isEqualTo("# Leave the translation: block as it is: it tells the pipeline which article and version you translated.\n");
    }

    @Test
    void aReturnThatKeepsTheCommentIsAcceptedAndItsPageHasNoBlockNorComment() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String returned = Translator.englishSeedReturn(home).replace("\ntranslation:\n", "\n" + COMMENT + "translation:\n");
        assertThat(returned).contains(COMMENT);

        home.drop("inbox/translations/EN/role-en.md", returned);
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("outbox/rejected")).isEmpty();
        assertThat(home.bundle("role-cmo-pme").get("languages").get("en").get("status").asText()).isEqualTo("current");
        assertThat(home.read("outbox/published/role-cmo-pme/index.en.md")).doesNotContain("translation:").doesNotContain("Leave the");
    }

    @Test
    void aReturnThatDropsTheCommentIsAccepted() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String returned = Translator.englishSeedReturn(home);
        assertThat(returned).as("the test translator keeps the block alone").doesNotContain(TranslationBlock.KEEP_COMMENT);

        home.drop("inbox/translations/EN/role-en.md", returned);
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("outbox/rejected")).isEmpty();
        assertThat(home.bundle("role-cmo-pme").get("languages").get("en").get("status").asText()).isEqualTo("current");
    }

    /**
     * The comment line kept but its "#" deleted (taken for a heading mark, or by an editor's
     * "uncomment"): YAML reads it as a key whose value holds ": ", and the translator was told
     * that a value holding ": " must be quoted, as if about a title they typed.
     */
    @Test
    void aReturnWhoseCommentLostItsHashIsToldToPutItBack() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String returned = Translator.englishSeedReturn(home).replace("\ntranslation:\n", "\n" + TranslationBlock.KEEP_COMMENT + "\ntranslation:\n");

        home.drop("inbox/translations/EN/role-en.md", returned);
        assertThat(home.runOnce()).isZero();

        assertThat(home.json("outbox/rejected/role-en.md.errors.json").get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("code").asText()).isEqualTo("yaml-syntax");
            assertThat(error.get("line").asInt()).isEqualTo(Translator.lineOf(returned, TranslationBlock.KEEP_COMMENT));
            assertThat(error.get("message").asText()).startsWith("the front matter is not valid YAML: this line is text, not a"
                    + " key: value line: a comment line starts with # (as the draft's line above translation: does); put the #"
                    + " back, or delete the line");
        });
    }
}
