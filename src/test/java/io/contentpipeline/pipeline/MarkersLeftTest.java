package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The translator's likeliest slip with a reusing draft: the segments after the markers are
 * translated, the markers are not deleted. The seed is published and translated, then one
 * paragraph, one heading and one list item of it change; the new draft marks those three.
 * Each marker left is named once, by the draft's segment it stands before and its line in
 * the returned file, in one rejection, and nothing translated is reported missing.
 */
class MarkersLeftTest {

    private static final String DRAFT = "outbox/translations/EN/role-cmo-pme.md";

    private static final String PARAGRAPH_FR = "Le rôle du CMO (Chief Marketing Officer) en PME, selon l'analyse de BLOT Antoine, est une "
            + "fonction de gouvernance stratégique. Le CMO est le garant de la cohérence marketing globale : stratégie, exécution, "
            + "priorisation et gouvernance. Il pilote les ressources opérationnelles et fixe le cadre d'action, sans exécuter lui-même les tâches.";
    private static final String PARAGRAPH_EN = "The role of the CMO (Chief Marketing Officer) in an SME, as analysed by BLOT Antoine, is a "
            + "strategic governance function. The CMO guarantees the overall coherence of marketing: strategy, execution, "
            + "prioritisation and governance. The CMO steers the operational resources and sets the frame for action, without "
            + "carrying out the tasks personally.";
    private static final String HEADING_FR = "Les missions du Directeur Marketing en PME";
    private static final String HEADING_EN = "The Missions of the Marketing Director in an SME";
    private static final String ITEM_FR = "Positionnement, récit et promesse de marque.";
    private static final String ITEM_EN = "Positioning, story and brand promise.";

    @TempDir
    Path temp;

    /** The seed translated and accepted, then changed in one paragraph, one heading and one list item: returns the new draft. */
    private static String reusingDraft(PipelineHome home) {
        Translator.acceptEnglishSeed(home, "role-en.md");
        String changed = PipelineHome.resource(SeedArticleTest.SEED)
                .replace("Il pilote les ressources opérationnelles et définit le cadre d'action, il n'exécute pas les tâches.",
                        "Il pilote les ressources opérationnelles et fixe le cadre d'action, sans exécuter lui-même les tâches.")
                .replace("### Missions du Directeur Marketing en PME", "### " + HEADING_FR)
                .replace("Positionnement, narration et promesse de marque.", ITEM_FR);
        home.drop("inbox/role-v2.txt", changed);
        assertThat(home.runOnce()).isZero();
        String draft = home.read(DRAFT);
        assertThat(draft).contains("needs_work: 3");
        assertThat(Translator.MARKER.matcher(draft).results().count()).isEqualTo(3);
        return draft;
    }

    /** The draft with the three marked segments translated, their markers kept: the slip. */
    private static String translatedKeepingMarkers(String draft) {
        return replaceOnce(replaceOnce(replaceOnce(draft, "-->" + PARAGRAPH_FR, "-->" + PARAGRAPH_EN),
                "-->" + HEADING_FR, "-->" + HEADING_EN), "-->" + ITEM_FR, "-->" + ITEM_EN);
    }

    private static String replaceOnce(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    /** The ids the draft's translation: block lists as needing work, in its order. */
    private static List<String> needsWork(String draft) {
        List<String> ids = new ArrayList<>();
        Matcher id = Pattern.compile("\n    - ((?:p|h|li)-[0-9a-f]{8})").matcher(draft);
        while (id.find()) {
            ids.add(id.group(1));
        }
        return ids;
    }

    private static List<JsonNode> errors(PipelineHome home, String file) {
        List<JsonNode> errors = new ArrayList<>();
        home.json("outbox/rejected/" + file + ".errors.json").get("errors").forEach(errors::add);
        return errors;
    }

    private static long rejections(PipelineHome home) {
        return home.events().stream().filter(e -> e.get("event").asText().equals("translation.rejected")).count();
    }

    @Test
    void threeMarkersLeftOnTranslatedSegmentsAreNamedOnceEachByTheDraftsSegmentAndTheirLine() {
        PipelineHome home = new PipelineHome(temp);
        String draft = reusingDraft(home);
        List<String> ids = needsWork(draft);
        assertThat(ids).hasSize(3);
        String returned = translatedKeepingMarkers(draft);

        home.drop("inbox/translations/EN/role-en-v2.md", returned);
        assertThat(home.runOnce()).isZero();

        assertThat(rejections(home)).isEqualTo(1);
        List<JsonNode> errors = errors(home, "role-en-v2.md");
        assertThat(errors).extracting(e -> e.get("code").asText(), e -> e.get("field").asText(), e -> e.get("line").asInt())
                .containsExactly(
                        tuple("markers-left", ids.get(0), Translator.lineOf(returned, PARAGRAPH_EN)),
                        tuple("markers-left", ids.get(1), Translator.lineOf(returned, HEADING_EN)),
                        tuple("markers-left", ids.get(2), Translator.lineOf(returned, ITEM_EN)));
        assertThat(ids.get(0)).startsWith("p-");
        assertThat(ids.get(1)).startsWith("h-");
        assertThat(ids.get(2)).startsWith("li-");
        assertThat(errors).allSatisfy(e -> assertThat(e.get("message").asText())
                .isEqualTo("the translation marker before this segment is still there; the segment's text is no longer the draft's:"
                        + " once it is translated, delete the marker"));
        // In the draft, each marker is on its segment's line: the translator finds them where they were.
        assertThat(Translator.lineOf(draft, PARAGRAPH_FR)).isEqualTo(Translator.lineOf(returned, PARAGRAPH_EN));
    }

    @Test
    void theMarkersLeftAfterOneIsDeletedAreStillTheRightOnes() {
        PipelineHome home = new PipelineHome(temp);
        String draft = reusingDraft(home);
        List<String> ids = needsWork(draft);
        String returned = translatedKeepingMarkers(draft);
        Matcher heading = Pattern.compile("### (<!-- translate: [^>]*-->)" + Pattern.quote(HEADING_EN)).matcher(returned);
        assertThat(heading.find()).isTrue();
        String withoutHeadingMarker = returned.replace(heading.group(1), "");

        home.drop("inbox/translations/EN/role-en-v2.md", withoutHeadingMarker);
        assertThat(home.runOnce()).isZero();

        assertThat(errors(home, "role-en-v2.md")).extracting(e -> e.get("code").asText(), e -> e.get("field").asText(), e -> e.get("line").asInt())
                .containsExactly(
                        tuple("markers-left", ids.get(0), Translator.lineOf(withoutHeadingMarker, PARAGRAPH_EN)),
                        tuple("markers-left", ids.get(2), Translator.lineOf(withoutHeadingMarker, ITEM_EN)));
    }

    @Test
    void aMarkerMovedOntoALineOfItsOwnIsNamedByItsLineAndTheSegmentAfterIt() {
        PipelineHome home = new PipelineHome(temp);
        String draft = reusingDraft(home);
        List<String> ids = needsWork(draft);
        // An editor that wraps after the comment: the translated text starts the next line.
        String returned = translatedKeepingMarkers(draft).replace("-->" + PARAGRAPH_EN, "-->\n" + PARAGRAPH_EN);

        home.drop("inbox/translations/EN/role-en-v2.md", returned);
        assertThat(home.runOnce()).isZero();

        int paragraph = Translator.lineOf(returned, PARAGRAPH_EN);
        List<JsonNode> errors = errors(home, "role-en-v2.md");
        assertThat(errors).extracting(e -> e.get("code").asText(), e -> e.get("field").asText(), e -> e.get("line").asInt())
                .containsExactly(
                        tuple("markers-left", ids.get(0), paragraph - 1),
                        tuple("markers-left", ids.get(1), Translator.lineOf(returned, HEADING_EN)),
                        tuple("markers-left", ids.get(2), Translator.lineOf(returned, ITEM_EN)));
        assertThat(errors.get(0).get("message").asText())
                .startsWith("the translation marker at line " + (paragraph - 1) + ", before this segment (line " + paragraph + "), is still there");
    }

    @Test
    void aMarkerLeftOnAnUntranslatedSegmentSaysSoAndTheFinishedReturnIsAccepted() {
        PipelineHome home = new PipelineHome(temp);
        String draft = reusingDraft(home);
        List<String> ids = needsWork(draft);
        // The list item not translated yet, its marker kept.
        String returned = translatedKeepingMarkers(draft).replace("-->" + ITEM_EN, "-->" + ITEM_FR);

        home.drop("inbox/translations/EN/role-en-v2.md", returned);
        assertThat(home.runOnce()).isZero();

        List<JsonNode> errors = errors(home, "role-en-v2.md");
        assertThat(errors).extracting(e -> e.get("code").asText()).containsExactly("markers-left", "markers-left", "markers-left");
        assertThat(errors.get(2).get("field").asText()).isEqualTo(ids.get(2));
        assertThat(errors.get(2).get("message").asText()).endsWith("the segment is still the draft's text: translate it, then delete the marker");

        // Finished, with the source's slug copied into it: published without it, and said so.
        String done = Translator.MARKER.matcher(translatedKeepingMarkers(draft)).replaceAll("").replaceFirst("\ntitle: ", "\nslug: role-cmo-pme\ntitle: ");
        home.drop("inbox/translations/EN/role-en-v2-done.md", done);
        assertThat(home.runOnce()).isZero();
        JsonNode en = home.bundle("role-cmo-pme").get("languages").get("en");
        assertThat(en.get("warnings")).filteredOn(w -> w.get("code").asText().equals("field-ignored")).singleElement()
                .satisfies(w -> assertThat(w.get("message").asText()).startsWith("slug is not a translatable field and is not published: "));
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("source_version").asInt()).isEqualTo(2);
        assertThat(home.read("outbox/published/role-cmo-pme/index.en.md")).contains(PARAGRAPH_EN, "### " + HEADING_EN, ITEM_EN)
                .doesNotContain("translate:");
    }

    /**
     * A translator who reads the block's list of segments to translate as a to-do list deletes
     * it when done. Read from the return alone, the list was gone, and a marked segment left in
     * the source language was published as the translation, current, with a warning only.
     */
    @Test
    void aMarkedSegmentLeftInTheSourceLanguageIsFoundWhenTheBlocksListWasDeleted() {
        PipelineHome home = new PipelineHome(temp);
        String draft = reusingDraft(home);
        List<String> ids = needsWork(draft);
        String returned = Translator.MARKER.matcher(translatedKeepingMarkers(draft).replace("-->" + ITEM_EN, "-->" + ITEM_FR)).replaceAll("")
                .replaceFirst("  needs_work: 3\n  needs_work_segments:\n(    - .*\n){3}", "  needs_work: 0\n");
        assertThat(returned).doesNotContain("needs_work_segments").contains(ITEM_FR);

        home.drop("inbox/translations/EN/role-en-v2.md", returned);
        assertThat(home.runOnce()).isZero();

        assertThat(errors(home, "role-en-v2.md")).extracting(e -> e.get("code").asText(), e -> e.get("message").asText())
                .containsExactly(tuple("marked-untranslated", "segments marked for translation are still in the source language: "
                        + ids.get(2) + " (line " + Translator.lineOf(returned, ITEM_FR) + ")"));
        assertThat(home.bundle("role-cmo-pme").get("languages").get("en").get("source_version").asInt()).isEqualTo(1);
    }
}
