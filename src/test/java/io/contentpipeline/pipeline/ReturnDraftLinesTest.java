package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.contentpipeline.translate.TranslationBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A return's errors name a source block by its line in the draft its translator was given
 * (outbox/translations/EN/&lt;slug&gt;.md), which has a longer translation: block than the
 * archived neutral draft the return is checked against and, when it reuses a translation,
 * that translation's blocks in place of the source's.
 */
class ReturnDraftLinesTest {

    private static final String DRAFT = "outbox/translations/EN/role-cmo-pme.md";
    private static final String FRACTIONAL_FR = "BLOT Antoine préconise le modèle du CMO externalisé";
    private static final String FRACTIONAL_EN = "BLOT Antoine recommends the fractional CMO model as a solution suited to the cost "
            + "structure and agility of SMEs.\n\n";

    @TempDir
    Path temp;

    private static JsonNode contentMissing(PipelineHome home, String file) {
        JsonNode found = null;
        for (JsonNode error : home.json("outbox/rejected/" + file + ".errors.json").get("errors")) {
            if (error.get("code").asText().equals("content-missing")) {
                assertThat(found).as("one content-missing error").isNull();
                found = error;
            }
        }
        assertThat(found).as("a content-missing error").isNotNull();
        return found;
    }

    @Test
    void aFirstDraftsBlockIsNamedByItsLineInThatDraft() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String draft = home.read(DRAFT);

        String returned = Translator.englishSeedReturn(home);
        assertThat(returned).contains(FRACTIONAL_EN);
        home.drop("inbox/translations/EN/role-en.md", returned.replace(FRACTIONAL_EN, ""));
        assertThat(home.runOnce()).isZero();

        assertThat(contentMissing(home, "role-en.md").get("message").asText())
                .startsWith("no translation for the source block at draft line " + Translator.lineOf(draft, FRACTIONAL_FR) + ": \"" + FRACTIONAL_FR);
    }

    @Test
    void aReusingDraftsBlockIsNamedByItsLineInThatDraftWhateverTheLinesOfTheTranslationsItReused() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        // The accepted translation has its first paragraph on three lines, where the source has one.
        String wrapped = Translator.englishSeedReturn(home).replace(". The CMO guarantees", ".\nThe CMO guarantees")
                .replace(". The CMO steers", ".\nThe CMO steers");
        home.drop("inbox/translations/EN/role-en.md", wrapped);
        assertThat(home.runOnce()).isZero();
        home.drop("inbox/role-v2.txt", PipelineHome.resource(SeedArticleTest.SEED)
                .replace("### Missions du Directeur Marketing en PME", "### Les missions du Directeur Marketing en PME"));
        assertThat(home.runOnce()).isZero();
        String draft = home.read(DRAFT);
        assertThat(draft).contains("needs_work: 1").contains(FRACTIONAL_EN);
        String neutral = home.read("outbox/sources/role-cmo-pme/v2.draft.md");
        // Six lines more in the translation: block, one for the comment above it, two more in the first paragraph.
        assertThat(Translator.lineOf(draft, "### The CMO's Role") - Translator.lineOf(neutral, "### Rôle CMO PME")).isEqualTo(7);
        assertThat(Translator.lineOf(draft, FRACTIONAL_EN) - Translator.lineOf(neutral, FRACTIONAL_FR)).isEqualTo(9);

        String returned = Translator.MARKER.matcher(draft).replaceAll("")
                .replace("Les missions du Directeur Marketing en PME", "The Missions of the Marketing Director in an SME");
        home.drop("inbox/translations/EN/role-en-v2.md", returned.replace(FRACTIONAL_EN, ""));
        assertThat(home.runOnce()).isZero();

        // The draft showed the reused translation there, not the source's text: the message quotes both.
        assertThat(contentMissing(home, "role-en-v2.md").get("message").asText())
                .startsWith("no translation for the source block at draft line " + Translator.lineOf(draft, FRACTIONAL_EN) + ": \""
                        + FRACTIONAL_EN.substring(0, 57) + "…\" (source \"" + FRACTIONAL_FR);
    }

    /**
     * A first draft replaced since by another first draft: its lines follow from its block's
     * length as drafts are written, the comment line above the block included.
     */
    @Test
    void aFirstDraftReplacedSinceIsNamedByItsLineInThatDraft() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String v1Draft = home.read(DRAFT);
        String returned = Translator.englishSeedReturn(home).replace("\ntranslation:\n",
                "\n# " + TranslationBlock.KEEP_COMMENT + "\ntranslation:\n");
        home.drop("inbox/role-v2.txt", PipelineHome.resource(SeedArticleTest.SEED)
                .replace("### Missions du Directeur Marketing en PME", "### Les missions du Directeur Marketing en PME"));
        assertThat(home.runOnce()).isZero();
        assertThat(home.read(DRAFT)).contains("source_version: 2").doesNotContain("needs_work_segments");

        home.drop("inbox/translations/EN/role-en.md", returned.replace(FRACTIONAL_EN, ""));
        assertThat(home.runOnce()).isZero();

        assertThat(contentMissing(home, "role-en.md").get("message").asText())
                .startsWith("no translation for the source block at draft line " + Translator.lineOf(v1Draft, FRACTIONAL_FR) + ": \"" + FRACTIONAL_FR);
    }

    @Test
    void aBlockOfADraftReplacedSinceIsNamedWithoutALine() {
        PipelineHome home = new PipelineHome(temp);
        Translator.acceptEnglishSeed(home, "role-en.md");
        home.drop("inbox/role-v2.txt", PipelineHome.resource(SeedArticleTest.SEED)
                .replace("### Missions du Directeur Marketing en PME", "### Les missions du Directeur Marketing en PME"));
        assertThat(home.runOnce()).isZero();
        String v2Draft = home.read(DRAFT);
        // Version 3 replaces the version 2 draft the translator is working from.
        home.drop("inbox/role-v3.txt", PipelineHome.resource(SeedArticleTest.SEED)
                .replace("### Missions du Directeur Marketing en PME", "### Les missions du directeur marketing en PME"));
        assertThat(home.runOnce()).isZero();
        assertThat(home.read(DRAFT)).contains("source_version: 3");

        String returned = Translator.MARKER.matcher(v2Draft).replaceAll("")
                .replace("Les missions du Directeur Marketing en PME", "The Missions of the Marketing Director in an SME");
        home.drop("inbox/translations/EN/role-en-v2.md", returned.replace(FRACTIONAL_EN, ""));
        assertThat(home.runOnce()).isZero();

        assertThat(contentMissing(home, "role-en-v2.md").get("message").asText())
                .startsWith("no translation for the source block: \"" + FRACTIONAL_FR);
    }
}
