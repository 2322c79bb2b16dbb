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
}
