package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real French article and its real English translation (Canadian Digital Service,
 * "Reflections on a service at 100 weeks") through drafts, returns, an update of one
 * paragraph, unfinished returns and a stale return.
 */
class TranslationRoundTripTest {

    private static final String FR = "corpus/pairs/cds-blog-100-weeks-get-updates/fr.md";
    private static final String EN = "corpus/pairs/cds-blog-100-weeks-get-updates/en.md";
    private static final String SLUG = "cent-semaines";
    private static final Pattern MARKER = Pattern.compile("<!-- translate: changed; was: \"[^\"]*\" -->");

    @TempDir
    Path temp;

    /** The English publication, as a translator returns it: its fields and body, with the draft's block. */
    private static String english(String draft) {
        String en = PipelineHome.resource(EN);
        String withSummary = en.replaceFirst("\ndescription:", "\nsummary: What we learnt running a service for 100 weeks.\ndescription:");
        return Translator.fill(draft, withSummary);
    }

    /** The French source with one sentence added to its third paragraph. */
    private static String updatedFrench() {
        String fr = PipelineHome.resource(FR);
        String third = thirdParagraph(fr);
        return fr.replace(third, third + " Nous y reviendrons dans un prochain billet.");
    }

    private static String thirdParagraph(String article) {
        String[] blocks = article.split("\n\n");
        int paragraphs = 0;
        for (int i = 1; i < blocks.length; i++) {
            if (Character.isLetter(blocks[i].strip().charAt(0)) && ++paragraphs == 3) {
                return blocks[i].strip();
            }
        }
        throw new IllegalStateException("the article has fewer than three paragraphs");
    }

    private static int count(String text, String key) {
        Matcher value = Pattern.compile("\n  " + key + ": (\\d+)\n").matcher(text);
        return value.find() ? Integer.parseInt(value.group(1)) : -1;
    }

    /** Publishes the French article, then its update (version 2); returns the version 1 draft. */
    private static String publishFrenchThenUpdate(PipelineHome home) {
        String v1Draft = publishFrench(home);
        home.drop("inbox/" + SLUG + ".md", updatedFrench());
        assertThat(home.runOnce()).isZero();
        return v1Draft;
    }

    /** Publishes the French article and returns the draft the pipeline wrote for English. */
    private static String publishFrench(PipelineHome home) {
        home.dropResource(FR, SLUG + ".md");
        assertThat(home.runOnce()).isZero();
        return home.read("outbox/translations/EN/" + SLUG + ".md");
    }

    @Test
    void anUpdateOfOneParagraphLeavesExactlyOneSegmentToTranslate() {
        PipelineHome home = new PipelineHome(temp);
        String first = publishFrench(home);
        assertThat(count(first, "reused")).isZero();
        assertThat(first).doesNotContain("<!-- translate:");

        home.drop("inbox/translations/EN/100-weeks-en.md", english(first));
        assertThat(home.runOnce()).isZero();
        assertThat(home.bundle(SLUG).get("languages").get("en").get("status").asText()).isEqualTo("current");

        home.drop("inbox/" + SLUG + ".md", updatedFrench());
        assertThat(home.runOnce()).isZero();

        String second = home.read("outbox/translations/EN/" + SLUG + ".md");
        int segments = count(second, "segments");
        assertThat(count(second, "needs_work")).isEqualTo(1);
        assertThat(count(second, "reused")).isEqualTo(segments - 1);
        Matcher marker = MARKER.matcher(second);
        assertThat(marker.find()).isTrue();
        assertThat(marker.find()).as("exactly one marker").isFalse();
        assertThat(second).contains("Nous y reviendrons dans un prochain billet.")
                .contains("title: Reflections on a Service at 100 Weeks");
        assertThat(home.bundle(SLUG).get("languages").get("en").get("status").asText()).isEqualTo("outdated");
    }

    @Test
    void unfinishedReturnsAreRejectedWithTheSegmentsLeftAndAFinishedOneIsAccepted() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/translations/EN/v1.md", english(publishFrench(home)));
        assertThat(home.runOnce()).isZero();
        home.drop("inbox/" + SLUG + ".md", updatedFrench());
        assertThat(home.runOnce()).isZero();
        String draft = home.read("outbox/translations/EN/" + SLUG + ".md");

        home.drop("inbox/translations/EN/with-marker.md", draft);
        home.drop("inbox/translations/EN/marker-removed.md", MARKER.matcher(draft).replaceAll(""));
        assertThat(home.runOnce()).isZero();

        assertThat(codes(home, "with-marker.md")).contains("markers-left");
        assertThat(home.json("outbox/rejected/with-marker.md.errors.json").get("errors")).filteredOn(e -> e.get("code").asText().equals("markers-left"))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("field").asText()).matches("p-[0-9a-f]{8}");
                    assertThat(e.get("line").asInt()).isEqualTo(draft.substring(0, draft.indexOf("<!-- translate:")).split("\n", -1).length);
                    assertThat(e.get("message").asText()).isEqualTo("the translation marker before this segment is still there, and the"
                            + " segment is still the draft's text: translate it, then delete the marker");
                });
        assertThat(codes(home, "marker-removed.md")).contains("marked-untranslated");

        Matcher marker = MARKER.matcher(draft);
        assertThat(marker.find()).isTrue();
        int end = draft.indexOf("\n\n", marker.end());
        String done = draft.substring(0, marker.start())
                + thirdParagraph(PipelineHome.resource(EN)) + " We will come back to it in a later post."
                + draft.substring(end);
        home.drop("inbox/translations/EN/done.md", done);
        assertThat(home.runOnce()).isZero();

        JsonNode en = home.bundle(SLUG).get("languages").get("en");
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("source_version").asInt()).isEqualTo(2);
    }

    @Test
    void aReturnForAnOlderVersionIsAcceptedAsOutdatedAndAFreshDraftGoesOut() {
        PipelineHome home = new PipelineHome(temp);
        String v1Draft = publishFrenchThenUpdate(home);
        assertThat(count(home.read("outbox/translations/EN/" + SLUG + ".md"), "reused")).isZero();

        home.drop("inbox/translations/EN/late.md", english(v1Draft));
        assertThat(home.runOnce()).isZero();

        JsonNode bundle = home.bundle(SLUG);
        assertThat(bundle.get("version").asInt()).isEqualTo(2);
        assertThat(bundle.get("languages").get("en").get("status").asText()).isEqualTo("outdated");
        assertThat(bundle.get("languages").get("en").get("source_version").asInt()).isEqualTo(1);
        String fresh = home.read("outbox/translations/EN/" + SLUG + ".md");
        assertThat(fresh).contains("source_version: 2");
        assertThat(count(fresh, "needs_work")).isEqualTo(1);
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("translation.accepted"))
                .singleElement().satisfies(e -> assertThat(e.get("detail").get("status").asText()).isEqualTo("outdated"));
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("translation.requested") && e.get("version").asInt() == 2)
                .as("the first v2 draft, then the one pre-filled from the late return").hasSize(2)
                .last().satisfies(e -> assertThat(e.get("detail").get("reused").asInt()).isPositive());
    }

    /**
     * A no-break space before "?" (what a French keyboard or a word processor set to French
     * types) in an English description: the warning quoted "E ?", the last letter of "SME",
     * and a space that looks like any other. It now quotes the word and names the space.
     */
    @Test
    void frenchSpacingInAnEnglishReturnIsQuotedWithItsWordAndTheSpaceNamed() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String translated = Translator.englishSeedReturn(home);
        assertThat(translated).contains("What does a CMO do in an SME?");
        home.drop("inbox/translations/EN/nbsp.md", translated.replace("What does a CMO do in an SME?", "What does a CMO do in an SME\u00A0?"));
        assertThat(home.runOnce()).isZero();

        JsonNode warnings = home.bundle("role-cmo-pme").at("/languages/en/warnings");
        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.get("code").asText()).isEqualTo("typography");
            assertThat(warning.get("field").asText()).isEqualTo("fm.description");
            assertThat(warning.get("line").asInt()).isEqualTo(3);
            assertThat(warning.get("message").asText()).isEqualTo("French punctuation in an English text: \"SME ?\""
                    + " (a no-break space before \"?\"; English writes \"SME?\")");
        });
    }

    /** A heading made ## where the source has ###: the warning gave two lists of levels, and no heading nor line. */
    @Test
    void aHeadingLevelChangedIsNamedByItsTextAndLines() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String translated = Translator.englishSeedReturn(home).replace("### Key Distinctions", "## Key Distinctions");
        home.drop("inbox/translations/EN/levels.md", translated);
        assertThat(home.runOnce()).isZero();

        String draft = home.read("outbox/translations/EN/role-cmo-pme.md");
        JsonNode warnings = home.bundle("role-cmo-pme").at("/languages/en/warnings");
        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.get("code").asText()).isEqualTo("structure-heading-levels");
            assertThat(warning.get("field").asText()).startsWith("h-");
            assertThat(warning.get("line").asInt()).isEqualTo(Translator.lineOf(translated, "## Key Distinctions"));
            assertThat(warning.get("message").asText()).isEqualTo("heading levels differ from the source: [3, 3, 3, 3, 3] expected,"
                    + " [3, 3, 3, 3, 2] found; first: the heading \"Distinctions Clés\" (draft line "
                    + Translator.lineOf(draft, "### Distinctions Clés") + ") is ### in the source, ## in the translation");
        });
    }

    /** Numbers written out in words: the warning listed them sorted as text, "number 12, 24, 6 … is". */
    @Test
    void numbersMissingFromASegmentAreListedInTheSourcesOrder() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String translated = Translator.englishSeedReturn(home).replace("at 6, 12 and 24 months", "at six, twelve and twenty-four months");
        home.drop("inbox/translations/EN/words.md", translated);
        assertThat(home.runOnce()).isZero();

        assertThat(home.bundle("role-cmo-pme").at("/languages/en/warnings")).singleElement().satisfies(warning -> {
            assertThat(warning.get("code").asText()).isEqualTo("number-missing");
            assertThat(warning.get("line").asInt()).isEqualTo(Translator.lineOf(translated, "at six, twelve"));
            assertThat(warning.get("message").asText()).isEqualTo("numbers 6, 12, 24 of the source are not in the translation");
        });
    }

    @Test
    void aCorrectedTranslationOfTheSameVersionIsPublishedAndLoggedAgain() {
        PipelineHome home = new PipelineHome(temp);
        String translated = Translator.acceptEnglishSeed(home, "first.md");
        String corrected = translated.replace("more than a marketing project manager", "far more than a marketing project manager");
        assertThat(corrected).isNotEqualTo(translated);

        home.drop("inbox/translations/EN/corrected.md", corrected);
        assertThat(home.runOnce()).isZero();
        assertThat(home.read("outbox/published/role-cmo-pme/index.en.md")).contains("far more than a marketing project manager");
        // And back to the first wording: the same file as before, accepted again, is logged again.
        home.drop("inbox/translations/EN/back.md", translated);
        assertThat(home.runOnce()).isZero();

        assertThat(home.read("outbox/published/role-cmo-pme/index.en.md")).doesNotContain("far more than");
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("translation.accepted"))
                .extracting(e -> e.get("file").asText()).containsExactly("first.md", "corrected.md", "back.md");
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("bundle.published") && e.get("lang").asText().equals("en"))
                .hasSize(3);
    }

    @Test
    void aLateReturnForAnOlderVersionDoesNotReplaceANewerTranslation() {
        PipelineHome home = new PipelineHome(temp);
        String v1Draft = publishFrenchThenUpdate(home);
        home.drop("inbox/translations/EN/v2.md", english(home.read("outbox/translations/EN/" + SLUG + ".md")));
        assertThat(home.runOnce()).isZero();
        assertThat(home.bundle(SLUG).get("languages").get("en").get("source_version").asInt()).isEqualTo(2);

        home.drop("inbox/translations/EN/late.md", english(v1Draft));
        assertThat(home.runOnce()).isZero();

        assertThat(codes(home, "late.md")).containsExactly("translation-superseded");
        JsonNode en = home.bundle(SLUG).get("languages").get("en");
        assertThat(en.get("source_version").asInt()).isEqualTo(2);
        assertThat(en.get("status").asText()).isEqualTo("current");
    }

    @Test
    void aBlockWhoseTranslationWasMergedIsMarkedUnchangedNotNew() {
        PipelineHome home = new PipelineHome(temp);
        String french = """
                ---
                title: "Trois étapes"
                date: 2025-03-14
                slug: trois-etapes
                description: "Trois étapes pour bien commencer."
                ---

                Commencez par lire attentivement la documentation du projet avant toute chose.

                Ensuite, installez les outils nécessaires sur votre poste de travail habituel.

                Enfin, %s.
                """;
        home.drop("inbox/etapes.md", french.formatted("lancez votre premier essai et notez ce qui se passe"));
        assertThat(home.runOnce()).isZero();
        String english = """
                ---
                title: "Three steps"
                description: "Three steps to get started well."
                summary: "Start by reading the project's documentation carefully, then install the tools you need."
                ---

                Start by reading the project's documentation carefully before anything else, then install the tools you need on your usual workstation.

                Finally, run your first trial and write down what happens.
                """;
        home.drop("inbox/translations/EN/steps.md", Translator.fill(home.read("outbox/translations/EN/trois-etapes.md"), english));
        assertThat(home.runOnce()).isZero();
        assertThat(home.bundle("trois-etapes").get("languages").get("en").get("status").asText()).isEqualTo("current");

        home.drop("inbox/etapes.md", french.formatted("lancez un premier essai complet et notez tout ce qui se passe"));
        assertThat(home.runOnce()).isZero();

        String draft = home.read("outbox/translations/EN/trois-etapes.md");
        assertThat(draft).contains("<!-- translate: unchanged, no earlier translation to reuse -->Commencez par lire")
                .contains("<!-- translate: unchanged, no earlier translation to reuse -->Ensuite, installez")
                .contains("<!-- translate: changed; was: \"Enfin, lancez votre premier essai")
                .doesNotContain("translate: new");
    }

    @Test
    void anEditedTranslationBlockIsRejected() {
        PipelineHome home = new PipelineHome(temp);
        String edited = english(publishFrench(home)).replaceFirst("source_sha256: [0-9a-f]{6}", "source_sha256: 000000");

        home.drop("inbox/translations/EN/edited.md", edited);
        assertThat(home.runOnce()).isZero();

        assertThat(codes(home, "edited.md")).containsExactly("translation-block-edited");
    }

    private static java.util.List<String> codes(PipelineHome home, String file) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        home.json("outbox/rejected/" + file + ".errors.json").get("errors").forEach(e -> codes.add(e.get("code").asText()));
        return codes;
    }
}
