package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reusing draft shows a pre-filled block in the translation it reuses, not in the source's
 * language: an error naming that block at its draft line quotes what the translator sees there.
 */
class ReusedDraftQuotesTest {

    private static final String DRAFT = "outbox/translations/EN/role-cmo-pme.md";
    private static final String HEADING_FR = "Missions du Directeur Marketing en PME";
    private static final String HEADING_EN = "Missions of the Marketing Director in an SME";
    private static final String CHANGED_FR = "il ne réalise pas les tâches lui-même.";
    private static final String CHANGED_EN = "but does not carry out the tasks itself.";

    @TempDir
    Path temp;

    /** A version 2 whose first paragraph changed: its draft reuses every other block's accepted translation. */
    private static String reusingDraft(PipelineHome home) {
        Translator.acceptEnglishSeed(home, "role-en.md");
        home.drop("inbox/role-v2.txt", PipelineHome.resource(SeedArticleTest.SEED)
                .replace("il n'exécute pas les tâches.", CHANGED_FR));
        assertThat(home.runOnce()).isZero();
        String draft = home.read(DRAFT);
        assertThat(draft).contains("source_version: 2").contains("### " + HEADING_EN).doesNotContain(HEADING_FR);
        return draft;
    }

    /** The draft, finished: its one changed paragraph translated, its marker gone. */
    private static String finished(String draft) {
        return Translator.MARKER.matcher(draft).replaceAll("")
                .replace("Il pilote les ressources opérationnelles et définit le cadre d'action, " + CHANGED_FR,
                        "The CMO steers the operational resources and sets the frame for action, " + CHANGED_EN);
    }

    private static JsonNode error(PipelineHome home, String file, String code) {
        for (JsonNode error : home.json("outbox/rejected/" + file + ".errors.json").get("errors")) {
            if (error.get("code").asText().equals(code)) {
                return error;
            }
        }
        throw new AssertionError("no " + code + " error");
    }

    @Test
    void aDeletedPreFilledHeadingIsQuotedAsTheDraftShowsIt() {
        PipelineHome home = new PipelineHome(temp);
        String draft = reusingDraft(home);

        home.drop("inbox/translations/EN/role-en-v2.md", finished(draft).replace("### " + HEADING_EN + "\n", ""));
        assertThat(home.runOnce()).isZero();

        assertThat(error(home, "role-en-v2.md", "structure-headings").get("message").asText())
                .contains("the heading \"" + HEADING_EN + "\" (draft line " + Translator.lineOf(draft, HEADING_EN)
                        + "; source \"" + HEADING_FR + "\") has no heading in the translation");
    }

    @Test
    void aPreFilledHeadingMadeAParagraphIsQuotedAsTheDraftShowsIt() {
        PipelineHome home = new PipelineHome(temp);
        String draft = reusingDraft(home);

        home.drop("inbox/translations/EN/role-en-v2.md", finished(draft).replace("### " + HEADING_EN + "\n", HEADING_EN + "\n"));
        assertThat(home.runOnce()).isZero();

        assertThat(home.bundle("role-cmo-pme").get("languages").get("en").get("warnings"))
                .filteredOn(w -> w.get("code").asText().equals("heading-restored")).singleElement()
                .satisfies(w -> assertThat(w.get("message").asText()).startsWith("the heading \"" + HEADING_EN + "\" (draft line "
                        + Translator.lineOf(draft, HEADING_EN) + "; source \"" + HEADING_FR + "\") is a plain paragraph in the translation"));
    }
}
