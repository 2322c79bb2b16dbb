package io.contentpipeline.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.contentpipeline.pipeline.PipelineHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collapsed or shortcut reference link ({@code [Fondation CNCF][]}, {@code [règles de
 * gouvernance]}) has its label for its text: its words are a translator's to translate like
 * any link's, and the link must still reach its definition's address afterwards, from an XLIFF
 * tool as from a Markdown draft.
 */
class ReferenceLinkTextTest {


    private static final String ARTICLE = """
            ---
            title: Un projet ouvert
            lang: fr
            date: 2025-07-25
            description: Comment le projet est hébergé et gouverné.
            summary: Le projet est hébergé par une fondation et suit des règles publiques.
            ---

            ## Qui héberge le projet

            Le projet est hébergé par la [Fondation CNCF][] depuis sa création, et il suit les
            [règles de gouvernance] que la communauté a adoptées ensemble.

            ![Logo de la fondation][]

            [Fondation CNCF]: https://www.cncf.io/
            [règles de gouvernance]: /gouvernance/
            [Logo de la fondation]: /images/cncf.svg
            """;

    /** Every text a translation tool offers in the draft, as its translator writes it in English. */
    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("Un projet ouvert", "An open project"),
            Map.entry("Comment le projet est hébergé et gouverné.", "How the project is hosted and governed."),
            Map.entry("Le projet est hébergé par une fondation et suit des règles publiques.",
                    "The project is hosted by a foundation and follows public rules."),
            Map.entry("Qui héberge le projet", "Who hosts the project"),
            Map.entry("Le projet est hébergé par la ", "The project has been hosted by the "),
            Map.entry("Fondation CNCF", "CNCF Foundation"),
            Map.entry(" depuis sa création, et il suit les\n", " since it began, and it follows the\n"),
            Map.entry("règles de gouvernance", "governance rules"),
            Map.entry(" que la communauté a adoptées ensemble.", " that the community adopted together."),
            Map.entry("Logo de la fondation", "The foundation's logo"));

    /** The English text is short: no return is rejected for a language the detector is not sure of. */
    private static final Map<String, String> SETTINGS = Map.of("pipeline.detection.min-confidence", "1");

    @TempDir
    Path temp;

    /**
     * A translation tool is offered a reference link's words between the codes of its brackets,
     * as it is an inline link's, and its translation reaches the definition's address: on the
     * English page, "CNCF Foundation" links to the foundation, "governance rules" to the rules,
     * and the logo has an English description.
     */
    @Test
    void aToolTranslatesTheTextOfACollapsedOrShortcutReferenceAndTheLinkStillResolves() throws Exception {
        PipelineHome home = new PipelineHome(temp, SETTINGS);
        home.drop("inbox/projet.md", ARTICLE);
        assertThat(home.runOnce()).isZero();
        String exported = home.read("outbox/translations/EN/projet.xlf");
        assertThat(exported).contains("<pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">Fondation CNCF</pc>")
                .contains(">règles de gouvernance</pc>").contains(">Logo de la fondation</pc>");

        home.drop("inbox/translations/EN/projet.en.xlf", XliffTargets.filled(exported, ReferenceLinkTextTest::translate));
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("outbox/rejected")).as("rejected returns").isEmpty();
        JsonNode english = home.bundle("projet").get("languages").get("en");
        assertThat(english.get("status").asText()).isEqualTo("current");
        assertThat(english.get("warnings").toString()).doesNotContain("structure-links", "protected-token");
        String page = home.read("outbox/published/projet/index.en.html");
        assertThat(page).contains("<a href=\"https://www.cncf.io/\">CNCF Foundation</a>",
                "<a href=\"/gouvernance/\">governance rules</a>", "<img src=\"/images/cncf.svg\" alt=\"The foundation's logo\"");
    }

    /**
     * The Markdown draft writes such a reference as the full reference it stands for, so that
     * its translator sees which brackets hold the words and which the label: translating the
     * words keeps the link. A label translated too, with no definition of that name, is a link
     * lost, as before.
     */
    @Test
    void theMarkdownDraftShowsTheLabelApartFromTheWordsATranslatorTranslates() {
        PipelineHome home = new PipelineHome(temp, SETTINGS);
        home.drop("inbox/projet.md", ARTICLE);
        assertThat(home.runOnce()).isZero();
        String draft = home.read("outbox/translations/EN/projet.md");
        assertThat(draft).contains("par la [Fondation CNCF][Fondation CNCF] depuis", "[règles de gouvernance][règles de gouvernance] que",
                        "![Logo de la fondation][Logo de la fondation]")
                .contains("[Fondation CNCF]: https://www.cncf.io/");

        String frontMatter = draft.substring(0, draft.indexOf("\n---\n") + "\n---\n".length());
        for (String field : List.of("Un projet ouvert", "Comment le projet est hébergé et gouverné.",
                "Le projet est hébergé par une fondation et suit des règles publiques.")) {
            assertThat(frontMatter).contains(field);
            frontMatter = frontMatter.replace(field, ENGLISH.get(field));
        }
        String labelsKept = frontMatter + """

                ## Who hosts the project

                The project has been hosted by the [CNCF Foundation][Fondation CNCF] since it began, and it follows the
                [governance rules][règles de gouvernance] that the community adopted together.

                ![The foundation's logo][Logo de la fondation]

                [Fondation CNCF]: https://www.cncf.io/
                [règles de gouvernance]: /gouvernance/
                [Logo de la fondation]: /images/cncf.svg
                """;
        String labelTranslated = labelsKept.replace("[governance rules][règles de gouvernance]", "[governance rules]");

        home.drop("inbox/translations/EN/projet.en.md", labelTranslated);
        assertThat(home.runOnce()).isZero();
        JsonNode errors = home.json("outbox/rejected/projet.en.md.errors.json").get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("code").asText()).isEqualTo("protected-token");
        assertThat(errors.get(0).get("message").asText()).isEqualTo("protected text missing or altered: reference → /gouvernance/");

        home.drop("inbox/translations/EN/projet-2.en.md", labelsKept);
        assertThat(home.runOnce()).isZero();
        assertThat(home.bundle("projet").get("languages").get("en").get("status").asText()).isEqualTo("current");
        assertThat(home.read("outbox/published/projet/index.en.html")).contains(
                "<a href=\"https://www.cncf.io/\">CNCF Foundation</a>", "<a href=\"/gouvernance/\">governance rules</a>");
    }

    /**
     * A translation accepted for a version drafted before drafts wrote full references (its kept
     * draft has {@code [Fondation CNCF][]}) is the translation of a later version whose draft
     * writes {@code [Fondation CNCF][Fondation CNCF]}: a change of metadata alone carries it
     * forward, as before, instead of asking a translator again for paragraphs whose only change
     * is the way the draft writes a label.
     */
    @Test
    void aTranslationOfAVersionDraftedBeforeFullReferencesIsStillCarriedForward() throws IOException {
        PipelineHome home = new PipelineHome(temp, SETTINGS);
        home.drop("inbox/projet.md", ARTICLE);
        assertThat(home.runOnce()).isZero();
        Map<String, String> older = Map.of("[Fondation CNCF][Fondation CNCF]", "[Fondation CNCF][]",
                "[règles de gouvernance][règles de gouvernance]", "[règles de gouvernance]",
                "![Logo de la fondation][Logo de la fondation]", "![Logo de la fondation][]");
        for (String file : List.of("outbox/sources/projet/v1.draft.md", "outbox/translations/EN/projet.md")) {
            String draft = home.read(file);
            for (Map.Entry<String, String> form : older.entrySet()) {
                assertThat(draft).contains(form.getKey());
                draft = draft.replace(form.getKey(), form.getValue());
            }
            Files.writeString(home.resolve(file), draft);
        }
        String draft = home.read("outbox/translations/EN/projet.md");
        String frontMatter = draft.substring(0, draft.indexOf("\n---\n") + "\n---\n".length());
        for (String field : List.of("Un projet ouvert", "Comment le projet est hébergé et gouverné.",
                "Le projet est hébergé par une fondation et suit des règles publiques.")) {
            frontMatter = frontMatter.replace(field, ENGLISH.get(field));
        }
        // As the OpenTelemetry translators do: each label renamed with its definition.
        home.drop("inbox/translations/EN/projet.en.md", frontMatter + """

                ## Who hosts the project

                The project has been hosted by the [CNCF Foundation][] since it began, and it follows the
                [governance rules] that the community adopted together.

                ![The foundation's logo][]

                [CNCF Foundation]: https://www.cncf.io/
                [governance rules]: /gouvernance/
                [The foundation's logo]: /images/cncf.svg
                """);
        assertThat(home.runOnce()).isZero();
        assertThat(home.bundle("projet").get("languages").get("en").get("status").asText()).isEqualTo("current");

        home.drop("inbox/projet.md", ARTICLE.replace("date: 2025-07-25\n", "date: 2025-07-25\nauthor: Ana Lima\n"));
        assertThat(home.runOnce()).isZero();

        JsonNode english = home.bundle("projet").get("languages").get("en");
        assertThat(english.get("status").asText()).isEqualTo("current");
        assertThat(english.get("source_version").asInt()).isEqualTo(2);
        assertThat(english.get("translated_version").asInt()).isEqualTo(1);
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("translation.requested"))
                .as("nothing asked of a translator for version 2").extracting(e -> e.get("version").asInt()).containsExactly(1);
        assertThat(home.read("outbox/translations/EN/projet.md")).contains("source_version: 2", "\n  needs_work: 0\n",
                "[Fondation CNCF]: https://www.cncf.io/");
    }

    private static void translate(Node node) {
        List<Node> children = new ArrayList<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            children.add(child);
        }
        for (Node child : children) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                String english = ENGLISH.get(child.getNodeValue());
                assertThat(english).as("a translation for \"" + child.getNodeValue() + "\"").isNotNull();
                child.setNodeValue(english);
            } else {
                translate(child);
            }
        }
    }
}
