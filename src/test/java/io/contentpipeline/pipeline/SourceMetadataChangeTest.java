package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.contentpipeline.pipeline.SeedArticleTest.SEED;
import static io.contentpipeline.pipeline.SeedArticleTest.SEED_EN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new source version that changes front matter outside the translatable fields (draft,
 * author, dates, link targets): every published translation takes it, and one whose
 * translatable text did not change is carried forward as current, and so is a translation of
 * the older version returned after it. A change a translator must see still leaves the
 * translation outdated with a draft to do.
 */
class SourceMetadataChangeTest {

    private static final String SLUG = "role-cmo-pme";
    private static final String EN_PAGE = "outbox/published/" + SLUG + "/index.en.md";
    private static final String EN_DRAFT = "outbox/translations/EN/" + SLUG + ".md";
    private static final String OLD_URL = "https://www.antoine-blot.com/responsable-marketing/";
    private static final String NEW_URL = "https://www.antoine-blot.com/directeur-marketing/";
    private static final Pattern MARKER = Pattern.compile("<!-- translate:");

    @TempDir
    Path temp;

    /** The seed with draft: true, as an author holds back a page until every language is ready. */
    private static String draftSeed() {
        return PipelineHome.resource(SEED).replaceFirst("---\n", "---\ndraft: true\n");
    }

    /** The seed with its metadata changed, nothing a translator translates: a new author, date, link target. */
    private static String seedWithNewMetadata() {
        return PipelineHome.resource(SEED)
                .replace("author: \"BLOT Antoine\"", "author: \"Antoine Blot\"")
                .replace("updated: \"2025-09-21\"", "updated: \"2025-10-02\"")
                .replace(OLD_URL, NEW_URL);
    }

    private static String frontMatter(PipelineHome home, String file) {
        String text = home.read(file);
        return text.substring(0, text.indexOf("\n---\n", 4));
    }

    private static List<JsonNode> events(PipelineHome home, String name) {
        return home.events().stream().filter(e -> e.get("event").asText().equals(name)).toList();
    }

    @Test
    void draftTrueRemovedFromTheSourceUndraftsTheTranslationWhichIsCarriedForwardAsCurrent() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/role.md", draftSeed());
        assertThat(home.runOnce()).isZero();
        home.drop("inbox/translations/EN/role-en.md", Translator.fill(home.read(EN_DRAFT), PipelineHome.resource(SEED_EN)));
        assertThat(home.runOnce()).isZero();
        assertThat(frontMatter(home, EN_PAGE)).as("held back with its source").contains("\ndraft: true\n");

        home.drop("inbox/role.md", seedWithNewMetadata());
        assertThat(home.runOnce()).isZero();

        String en = frontMatter(home, EN_PAGE);
        assertThat(en).doesNotContain("draft:")
                .containsPattern("(?m)^author: \"?Antoine Blot\"?$")
                .containsPattern("(?m)^updated: \"?2025-10-02\"?$")
                .doesNotContain(OLD_URL)
                .contains("The CMO's role in an SME: more than a marketing project manager")
                .as("the link's new target keeps its translated anchor")
                .containsPattern("url: \"?" + Pattern.quote(NEW_URL) + "\"?\n\\s+anchor: \"?marketing director in Montreal\"?\n");
        assertThat(home.read(EN_PAGE)).contains("more than a marketing project manager");
        JsonNode bundle = home.bundle(SLUG);
        JsonNode enEntry = bundle.get("languages").get("en");
        assertThat(enEntry.get("status").asText()).isEqualTo("current");
        assertThat(enEntry.get("source_version").asInt()).isEqualTo(2);
        assertThat(enEntry.get("translated_version").asInt()).isEqualTo(1);
        assertThat(enEntry.get("input_file").asText()).isEqualTo("role-en.md");
        assertThat(bundle.get("translations").get("en").get("status").asText()).isEqualTo("current");
        assertThat(events(home, "translation.carried-forward")).singleElement().satisfies(e -> {
            assertThat(e.get("lang").asText()).isEqualTo("en");
            assertThat(e.get("version").asInt()).isEqualTo(2);
            assertThat(e.get("detail").get("translated_version").asInt()).isEqualTo(1);
        });
        assertThat(events(home, "translation.requested")).as("nothing asked of a translator for version 2")
                .extracting(e -> e.get("version").asInt()).containsExactly(1);
        // The draft for version 2 is still written, complete, for whoever revises the translation.
        String draft = home.read(EN_DRAFT);
        assertThat(draft).contains("source_version: 2").contains("\n  needs_work: 0\n")
                .contains("The CMO's role in an SME").doesNotContainPattern(MARKER.pattern());

        // Returned as it is, it is a translation of version 2 like any other.
        home.drop("inbox/translations/EN/revised.md", draft);
        assertThat(home.runOnce()).isZero();
        enEntry = home.bundle(SLUG).get("languages").get("en");
        assertThat(enEntry.get("status").asText()).isEqualTo("current");
        assertThat(enEntry.get("source_version").asInt()).isEqualTo(2);
        assertThat(enEntry.has("translated_version")).isFalse();
        assertThat(frontMatter(home, EN_PAGE)).doesNotContain("draft:").contains("Antoine Blot");
    }

    @Test
    void aLateReturnForAVersionWhoseTextDidNotChangeSinceIsCarriedForwardAsCurrent() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/role.md", draftSeed());
        assertThat(home.runOnce()).isZero();
        String v1Draft = home.read(EN_DRAFT);
        // The source's metadata changes while the translator is still at work on version 1: the
        // draft out has version 2's text to translate, so it stands for it (OutstandingDraftTest).
        home.drop("inbox/role.md", seedWithNewMetadata());
        assertThat(home.runOnce()).isZero();
        assertThat(home.read(EN_DRAFT)).isEqualTo(v1Draft);

        home.drop("inbox/translations/EN/late.md", Translator.fill(v1Draft, PipelineHome.resource(SEED_EN)));
        assertThat(home.runOnce()).isZero();

        JsonNode bundle = home.bundle(SLUG);
        JsonNode enEntry = bundle.get("languages").get("en");
        assertThat(enEntry.get("status").asText()).isEqualTo("current");
        assertThat(enEntry.get("source_version").asInt()).isEqualTo(2);
        assertThat(enEntry.get("translated_version").asInt()).isEqualTo(1);
        assertThat(enEntry.get("input_file").asText()).isEqualTo("late.md");
        JsonNode state = bundle.get("translations").get("en");
        assertThat(state.get("status").asText()).isEqualTo("current");
        assertThat(state.get("requested_version").asInt()).isEqualTo(2);
        // Its page has version 2's front matter, as a translation carried forward does.
        assertThat(frontMatter(home, EN_PAGE)).doesNotContain("draft:")
                .containsPattern("(?m)^author: \"?Antoine Blot\"?$")
                .containsPattern("(?m)^updated: \"?2025-10-02\"?$")
                .doesNotContain(OLD_URL)
                .contains("The CMO's role in an SME: more than a marketing project manager")
                .containsPattern("url: \"?" + Pattern.quote(NEW_URL) + "\"?\n\\s+anchor: \"?marketing director in Montreal\"?\n");
        assertThat(events(home, "translation.accepted")).singleElement().satisfies(e -> {
            assertThat(e.get("version").asInt()).isEqualTo(1);
            assertThat(e.get("detail").get("status").asText()).isEqualTo("current");
        });
        assertThat(events(home, "translation.carried-forward")).singleElement().satisfies(e -> {
            assertThat(e.get("lang").asText()).isEqualTo("en");
            assertThat(e.get("version").asInt()).isEqualTo(2);
            assertThat(e.get("detail").get("translated_version").asInt()).isEqualTo(1);
        });
        assertThat(events(home, "translation.requested")).as("no new draft asked of a translator")
                .extracting(e -> e.get("version").asInt()).containsExactly(1);
        assertThat(events(home, "translation.request-kept")).extracting(e -> e.get("version").asInt()).containsExactly(2);
        // The draft out for version 2 is now the complete one, nothing left to do in it.
        assertThat(home.read(EN_DRAFT)).contains("source_version: 2").contains("\n  needs_work: 0\n")
                .contains("The CMO's role in an SME").doesNotContainPattern(MARKER.pattern());
        assertThat(home.read("outbox/translations/EN/" + SLUG + ".xlf")).doesNotContain("state=\"initial\"");
    }

    /**
     * Editors add a final newline on save, or leave a space at the end of a line: the file
     * changed (a new version), but not the text to translate, so the translation is carried
     * forward, nothing is requested.
     */
    @Test
    void aFinalNewlineOrASpaceAtALinesEndCarriesTheTranslationForwardWithNothingRequested() {
        PipelineHome home = new PipelineHome(temp);
        Translator.acceptEnglishSeed(home, "en.md");
        String seed = PipelineHome.resource(SEED);
        assertThat(seed).doesNotEndWith("\n");
        String line = seed.lines().filter(l -> l.startsWith("Le rôle du CMO (Chief Marketing Officer)")).findFirst().orElseThrow();
        assertThat(seed).contains(line + "\n\n");

        home.drop("inbox/role.md", seed + "\n");
        assertThat(home.runOnce()).isZero();
        home.drop("inbox/role.md", seed.replace(line + "\n\n", line + " \n \t\n") + "\n\n");
        assertThat(home.runOnce()).isZero();

        JsonNode bundle = home.bundle(SLUG);
        assertThat(bundle.get("version").asInt()).as("the file changed").isEqualTo(3);
        JsonNode enEntry = bundle.get("languages").get("en");
        assertThat(enEntry.get("status").asText()).isEqualTo("current");
        assertThat(enEntry.get("source_version").asInt()).isEqualTo(3);
        assertThat(enEntry.get("translated_version").asInt()).isEqualTo(1);
        assertThat(bundle.get("translations").get("en").get("status").asText()).isEqualTo("current");
        assertThat(events(home, "translation.carried-forward")).extracting(e -> e.get("version").asInt()).containsExactly(2, 3);
        assertThat(events(home, "translation.requested")).as("nothing asked of a translator")
                .extracting(e -> e.get("version").asInt()).containsExactly(1);
        assertThat(home.read(EN_DRAFT)).contains("source_version: 3").contains("\n  needs_work: 0\n");
    }

    @Test
    void aLateReturnWhoseTranslatorMergedTwoParagraphsStaysOutdatedAsItWouldHadItComeInTime() {
        PipelineHome home = new PipelineHome(temp);
        String french = """
                ---
                title: "Trois étapes"
                author: "%s"
                slug: trois-etapes
                date: 2025-03-14
                description: "Trois étapes pour bien commencer."
                ---

                Commencez par lire attentivement la documentation du projet avant toute chose.

                Ensuite, installez les outils nécessaires sur votre poste de travail habituel.

                Enfin, lancez votre premier essai et notez ce qui se passe.
                """;
        home.drop("inbox/etapes.md", french.formatted("Ana"));
        assertThat(home.runOnce()).isZero();
        String v1Draft = home.read("outbox/translations/EN/trois-etapes.md");
        home.drop("inbox/etapes.md", french.formatted("Ana Lima"));
        assertThat(home.runOnce()).isZero();

        home.drop("inbox/translations/EN/steps.md", Translator.fill(v1Draft, """
                ---
                title: "Three steps"
                description: "Three steps to get started well."
                summary: "Start by reading the project's documentation carefully, then install the tools you need."
                ---

                Start by reading the project's documentation carefully before anything else, then install the tools you need on your usual workstation.

                Finally, run your first trial and write down what happens.
                """));
        assertThat(home.runOnce()).isZero();

        JsonNode enEntry = home.bundle("trois-etapes").get("languages").get("en");
        assertThat(enEntry.get("status").asText()).isEqualTo("outdated");
        assertThat(enEntry.get("source_version").asInt()).isEqualTo(1);
        assertThat(events(home, "translation.carried-forward")).isEmpty();
        // Version 2 kept the draft out (same text to translate); the merged return, outdated, gets version 2's.
        assertThat(events(home, "translation.requested")).extracting(e -> e.get("version").asInt()).containsExactly(1, 2);
        assertThat(home.read("outbox/translations/EN/trois-etapes.md")).contains("source_version: 2")
                .contains("<!-- translate: unchanged, no earlier translation to reuse -->Commencez par lire");
    }

    private static final String STRUCTURE = "  - url: \"https://example.com/fr/structurer/\"\n    anchor: \"Structurer le marketing\"\n";
    private static final String COMPARE = "  - url: \"https://example.com/fr/comparer/\"\n    anchor: \"Guide comparatif des modèles\"\n";
    /** A short French article: its related_articles, then the end of its last sentence. */
    private static final String STEPS = """
            ---
            title: "Trois étapes"
            author: "Ana"
            slug: trois-etapes
            date: 2025-03-14
            description: "Trois étapes pour bien commencer."
            related_articles:
            %s---

            Commencez par lire attentivement la documentation du projet avant toute chose.

            Ensuite, installez les outils nécessaires sur votre poste de travail habituel.

            Enfin, lancez votre premier essai et notez %s.
            """;
    /** Its English translation, anchors in the order STRUCTURE, COMPARE. */
    private static final String STEPS_EN = """
            ---
            title: "Three steps"
            description: "Three steps to get started well."
            summary: "Start by reading the project's documentation carefully before anything else."
            related_articles:
              - anchor: "Structuring marketing"
              - anchor: "Comparison guide of the models"
            ---

            Start by reading the project's documentation carefully before anything else.

            Then install the tools you need on your usual workstation.

            Finally, run your first trial and write down what happens.
            """;

    @Test
    void aLateOutdatedReturnKeepsItsRelatedArticlesAnchorsByUrlWhenTheSourceReorderedThem() {
        PipelineHome home = new PipelineHome(temp);
        String added = "  - url: \"https://example.com/fr/recruter/\"\n    anchor: \"Recruter un directeur marketing\"\n";
        home.drop("inbox/etapes.md", STEPS.formatted(STRUCTURE + COMPARE, "ce qui se passe"));
        assertThat(home.runOnce()).isZero();
        String v1Draft = home.read("outbox/translations/EN/trois-etapes.md");
        // Version 2 moves the second link first, adds one between them and changes a paragraph.
        home.drop("inbox/etapes.md", STEPS.formatted(COMPARE + added + STRUCTURE, "tout ce qui se passe"));
        assertThat(home.runOnce()).isZero();

        home.drop("inbox/translations/EN/steps.md", Translator.fill(v1Draft, STEPS_EN));
        assertThat(home.runOnce()).isZero();

        JsonNode enEntry = home.bundle("trois-etapes").get("languages").get("en");
        assertThat(enEntry.get("status").asText()).isEqualTo("outdated");
        assertThat(enEntry.get("source_version").asInt()).isEqualTo(1);
        String en = frontMatter(home, "outbox/published/trois-etapes/index.en.md");
        assertThat(en).as("in version 2's order, each link with the anchor translated for it")
                .containsPattern("url: \"?https://example.com/fr/comparer/\"?\n\\s+anchor: \"?Comparison guide of the models\"?\n"
                        + "\\s+- url: \"?https://example.com/fr/recruter/\"?\n\\s+anchor: \"?Recruter un directeur marketing\"?\n"
                        + "\\s+- url: \"?https://example.com/fr/structurer/\"?\n\\s+anchor: \"?Structuring marketing\"?\n");
        assertThat(home.read("outbox/translations/EN/trois-etapes.md")).contains("source_version: 2");
    }

    @Test
    void aLaterDraftReusesEachRelatedArticleAnchorForItsOwnTextAfterTheOutdatedPageFollowedAReorder() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/etapes.md", STEPS.formatted(STRUCTURE + COMPARE, "ce qui se passe"));
        assertThat(home.runOnce()).isZero();
        home.drop("inbox/translations/EN/steps.md", Translator.fill(home.read("outbox/translations/EN/trois-etapes.md"), STEPS_EN));
        assertThat(home.runOnce()).isZero();
        // Version 2 swaps the links (the outdated page follows them by URL) and changes a paragraph;
        // version 3 puts the links back and changes it again.
        home.drop("inbox/etapes.md", STEPS.formatted(COMPARE + STRUCTURE, "tout ce qui se passe"));
        assertThat(home.runOnce()).isZero();
        assertThat(frontMatter(home, "outbox/published/trois-etapes/index.en.md"))
                .containsPattern("comparer/\"?\n\\s+anchor: \"?Comparison guide of the models\"?\n");
        home.drop("inbox/etapes.md", STEPS.formatted(STRUCTURE + COMPARE, "vraiment tout ce qui se passe"));
        assertThat(home.runOnce()).isZero();

        String draft = home.read("outbox/translations/EN/trois-etapes.md");
        assertThat(draft).contains("source_version: 3")
                .as("each anchor pre-filled with its own translation, not the one at its place on the page")
                .containsPattern("- anchor: \"?Structuring marketing\"?\n\\s+- anchor: \"?Comparison guide of the models\"?\n")
                .doesNotContain("fm.related_articles");
    }

    @Test
    void aChangedParagraphLeavesTheTranslationOutdatedWithOneSegmentToTranslateWhileItsPageTakesTheNewMetadata() {
        PipelineHome home = new PipelineHome(temp);
        Translator.acceptEnglishSeed(home, "en.md");
        int segments = events(home, "translation.requested").get(0).get("detail").get("needs_work").asInt();

        home.drop("inbox/role.md", draftSeed()
                .replace("author: \"BLOT Antoine\"", "author: \"Antoine Blot\"")
                .replace("il n'exécute pas les tâches", "il ne réalise pas les tâches lui-même"));
        assertThat(home.runOnce()).isZero();

        JsonNode bundle = home.bundle(SLUG);
        JsonNode enEntry = bundle.get("languages").get("en");
        assertThat(enEntry.get("status").asText()).isEqualTo("outdated");
        assertThat(enEntry.get("source_version").asInt()).isEqualTo(1);
        assertThat(enEntry.has("translated_version")).isFalse();
        assertThat(bundle.get("translations").get("en").get("status").asText()).isEqualTo("outdated");
        String draft = home.read(EN_DRAFT);
        assertThat(draft).contains("source_version: 2").contains("\n  needs_work: 1\n")
                .contains("\n  reused: " + (segments - 1) + "\n").contains("il ne réalise pas les tâches lui-même");
        assertThat(MARKER.matcher(draft).results().count()).as("exactly one marker").isEqualTo(1);
        assertThat(events(home, "translation.requested")).extracting(e -> e.get("version").asInt()).containsExactly(1, 2);
        assertThat(events(home, "translation.carried-forward")).isEmpty();
        // The outdated page still shows its translation, under the source's new front matter.
        String en = frontMatter(home, EN_PAGE);
        assertThat(en).contains("\ndraft: true\n").containsPattern("(?m)^author: \"?Antoine Blot\"?$")
                .contains("The CMO's role in an SME");
        assertThat(home.read(EN_PAGE)).doesNotContain("il ne réalise pas");
    }

    @Test
    void aDeletedParagraphLeavesNothingToTranslateButIsNotCarriedForward() {
        PipelineHome home = new PipelineHome(temp);
        Translator.acceptEnglishSeed(home, "en.md");
        String seed = PipelineHome.resource(SEED);
        String paragraph = seed.lines().filter(line -> line.startsWith("Le rôle du CMO (Chief Marketing Officer)")).findFirst().orElseThrow();

        home.drop("inbox/role.md", seed.replace(paragraph + "\n\n", ""));
        assertThat(home.runOnce()).isZero();

        assertThat(home.read(EN_DRAFT)).contains("source_version: 2").contains("\n  needs_work: 0\n");
        JsonNode enEntry = home.bundle(SLUG).get("languages").get("en");
        assertThat(enEntry.get("status").asText()).as("its page still has the deleted paragraph").isEqualTo("outdated");
        assertThat(events(home, "translation.carried-forward")).isEmpty();
        assertThat(events(home, "translation.requested")).extracting(e -> e.get("version").asInt()).containsExactly(1, 2);
    }

    @Test
    void aCarryForwardLostInACrashIsLoggedWhenTheSourceIsDroppedAgain() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        Translator.acceptEnglishSeed(home, "en.md");
        home.drop("inbox/role.md", seedWithNewMetadata());
        assertThat(home.runOnce()).isZero();
        // As if the process died after the bundle was written but before the event was appended.
        Path log = home.resolve("outbox/changelog.jsonl");
        Files.write(log, Files.readAllLines(log).stream().filter(line -> !line.contains("\"translation.carried-forward\"")).toList());
        Files.deleteIfExists(home.resolve("outbox/CHANGELOG.md")); // it cannot cover lines never written

        home.drop("inbox/role-again.md", seedWithNewMetadata());
        assertThat(home.runOnce()).isZero();
        home.drop("inbox/role-once-more.md", seedWithNewMetadata());
        assertThat(home.runOnce()).isZero();

        assertThat(events(home, "translation.carried-forward")).as("written back once").singleElement()
                .satisfies(e -> assertThat(e.get("detail").get("translated_version").asInt()).isEqualTo(1));
        assertThat(home.bundle(SLUG).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void aReturnDroppedAgainAfterItWasCarriedForwardIsUnchangedNotSuperseded() {
        PipelineHome home = new PipelineHome(temp);
        String translated = Translator.acceptEnglishSeed(home, "en.md");
        home.drop("inbox/role.md", seedWithNewMetadata());
        assertThat(home.runOnce()).isZero();
        String page = home.read(EN_PAGE);

        home.drop("inbox/translations/EN/en-again.md", translated);
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("outbox/rejected")).isEmpty();
        assertThat(events(home, "translation.unchanged")).singleElement()
                .satisfies(e -> assertThat(e.get("file").asText()).isEqualTo("en-again.md"));
        JsonNode enEntry = home.bundle(SLUG).get("languages").get("en");
        assertThat(enEntry.get("status").asText()).isEqualTo("current");
        assertThat(enEntry.get("source_version").asInt()).isEqualTo(2);
        assertThat(enEntry.get("input_file").asText()).isEqualTo("en.md");
        assertThat(home.read(EN_PAGE)).isEqualTo(page);
        assertThat(events(home, "translation.carried-forward")).hasSize(1);
        assertThat(events(home, "translation.requested")).hasSize(1);
    }

    @Test
    void aLateReturnCarriedForwardWhoseEventsWereLostInACrashIsLoggedWhenReplayed() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String late = Translator.englishSeedReturn(home);
        home.drop("inbox/role.md", seedWithNewMetadata());
        assertThat(home.runOnce()).isZero();
        home.drop("inbox/translations/EN/late.md", late);
        assertThat(home.runOnce()).isZero();
        // As if the process died after the bundle was written but before the events were appended
        // and the file moved out of the inbox.
        Path log = home.resolve("outbox/changelog.jsonl");
        Files.write(log, Files.readAllLines(log).stream().filter(line -> !line.contains("\"translation.accepted\"") && !line.contains("\"translation.carried-forward\"")).toList());
        Files.deleteIfExists(home.resolve("outbox/CHANGELOG.md"));

        home.drop("inbox/translations/EN/late.md", late);
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("outbox/rejected")).isEmpty();
        assertThat(events(home, "translation.accepted")).singleElement()
                .satisfies(e -> assertThat(e.get("detail").get("status").asText()).isEqualTo("current"));
        assertThat(events(home, "translation.carried-forward")).singleElement().satisfies(e -> {
            assertThat(e.get("version").asInt()).isEqualTo(2);
            assertThat(e.get("detail").get("translated_version").asInt()).isEqualTo(1);
        });
        assertThat(events(home, "translation.requested")).extracting(e -> e.get("version").asInt()).containsExactly(1);
        assertThat(home.bundle(SLUG).get("languages").get("en").get("translated_version").asInt()).isEqualTo(1);
    }

    @Test
    void aPseudoTranslationCarriedForwardIsNotPseudoTranslatedAgain() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        home.publishSeed("seed.txt");
        String before = home.read(EN_PAGE);

        home.drop("inbox/role.md", seedWithNewMetadata());
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(events(home, "translation.accepted")).hasSize(1);
        JsonNode enEntry = home.bundle(SLUG).get("languages").get("en");
        assertThat(enEntry.get("status").asText()).isEqualTo("current");
        assertThat(enEntry.get("source_version").asInt()).isEqualTo(2);
        String after = home.read(EN_PAGE);
        assertThat(after.substring(after.indexOf("\n---\n"))).isEqualTo(before.substring(before.indexOf("\n---\n")));
    }
}
