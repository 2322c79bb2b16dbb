package io.contentpipeline.review;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.segment.SegmentedArticle;
import io.contentpipeline.segment.Segmenter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnReviewTest {

    private static final String SOURCE = """
            ---
            title: "Trois conseils"
            ---
            ## Premier conseil

            Écrivez pour vos lecteurs avant d'écrire pour les moteurs de recherche, et relisez à voix haute.

            ## Deuxième conseil

            Publiez 6, 12 et 24 mois après le lancement un bilan honnête de ce qui a marché et de ce qui a échoué.
            """;

    private final ArticleParser parser = new ArticleParser(1_000_000);
    private final Segmenter segmenter = new Segmenter(new MarkdownEngine());

    /**
     * A field the source's draft has empty (the derived summary of a page without prose, such
     * as a tag index) is not missing when the translation keeps it empty: there is nothing to translate.
     */
    @Test
    void aFieldEmptyInTheSourceMayStayEmpty() {
        String source = SOURCE.replace("title: \"Trois conseils\"\n", "title: \"Trois conseils\"\ndescription: \"\"\nsummary: \"\"\n");
        String translation = """
                ---
                title: "Three tips"
                description: ""
                ---
                ## First tip

                Write for your readers before you write for search engines, and read it aloud.

                ## Second tip

                Publish an honest review of what worked and what failed 6, 12 and 24 months after the launch.
                """;

        List<Problem> problems = new ReturnReview().review(segment(source), segment(translation), "en");

        assertThat(problems).extracting(Problem::code).doesNotContain("field-missing");
        assertThat(new ReturnReview().review(segment(SOURCE), segment(translation.replace("title: \"Three tips\"\n", "")), "en"))
                .extracting(Problem::code).containsOnlyOnce("field-missing");
    }

    /** A field the translator left empty is named at its line in the return; one deleted has none to name. */
    @Test
    void aFieldLeftEmptyIsNamedAtItsLine() {
        String translation = """
                ---
                title: ""
                ---
                ## First tip

                Write for your readers before you write for search engines, and read it aloud.

                ## Second tip

                Publish an honest review of what worked and what failed 6, 12 and 24 months after the launch.
                """;

        List<Problem> problems = new ReturnReview().review(segment(SOURCE), segment(translation), "en");

        assertThat(problems).filteredOn(problem -> problem.code().equals("field-missing")).singleElement()
                .satisfies(problem -> assertThat(problem.line()).isEqualTo(2));
    }

    /**
     * A message names a list item as the metadata rules do, counting from 1: the segment id
     * ({@code fm.seo_keywords.1}, in the report's field) counts from 0, and "seo_keywords.1 is
     * missing" sent the translator to the first keyword when the second was empty.
     */
    @Test
    void aFieldMessageNamesListItemsCountingFromOne() {
        String body = SOURCE.substring(SOURCE.indexOf("---\n## ") + 4);
        String source = """
                ---
                title: "Trois conseils"
                seo_keywords:
                  - "conseils d'écriture"
                  - "rédaction web"
                related_articles:
                  - url: /blogue/ecrire/
                    anchor: "Bien écrire pour le web"
                ---
                """ + body;
        String translation = """
                ---
                title: "Three tips"
                seo_keywords:
                  - "writing tips"
                  - ""
                related_articles:
                  - url: /blogue/ecrire/
                    anchor: “Writing well for the web”
                ---
                """ + body;

        List<Problem> problems = new ReturnReview().review(segment(source), segment(translation), "en");

        assertThat(problems).filteredOn(problem -> problem.code().equals("field-missing")).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("fm.seo_keywords.1");
                    assertThat(problem.message()).startsWith("seo_keywords item 2 is missing or empty");
                });
        assertThat(problems).filteredOn(problem -> problem.code().equals("field-quotes")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("related_articles item 1's anchor is wrapped"));
    }

    @Test
    void withAHeadingMissingTheBlocksAreStillCheckedSoEveryProblemIsReportedAtOnce() {
        String translation = """
                ---
                title: "Three tips"
                ---
                ## First tip

                Écrivez pour vos lecteurs avant d'écrire pour les moteurs de recherche, et relisez à voix haute.

                Publish an honest review of what worked and what failed 6 and 12 months after the launch.
                """;

        List<Problem> problems = new ReturnReview().review(segment(SOURCE), segment(translation), "en");

        assertThat(problems).extracting(Problem::code).contains("structure-headings", "segment-identical", "number-missing");
        assertThat(problems).filteredOn(p -> p.code().equals("number-missing")).extracting(Problem::message)
                .anyMatch(message -> message.contains("24"));
    }

    @Test
    void aNumberMovedToAnotherParagraphIsNotMissing() {
        String translation = """
                ---
                title: "Three tips"
                ---
                ## First tip

                Write for your readers before you write for search engines, and read it aloud, 6 months on too.

                ## Second tip

                Publish an honest review of what worked and what failed 12 and 24 months after the launch.
                """;

        List<Problem> problems = new ReturnReview().review(segment(SOURCE), segment(translation), "en");

        List<Problem> numbers = problems.stream().filter(p -> p.code().equals("number-missing")).toList();
        assertThat(numbers).as("flagged for its pair, not as missing from the whole text").hasSize(1)
                .allMatch(p -> p.field() != null && p.message().startsWith("number 6 "));
    }

    @Test
    void anXliffReturnsBlocksArePairedByPositionSoAShortTargetIsFlaggedAtItsOwnUnit() {
        String source = """
                ---
                title: "Trois paragraphes"
                ---
                Le premier paragraphe présente le service et explique à qui il s'adresse, avec des exemples concrets.

                Le deuxième paragraphe décrit en détail les trois étapes de l'inscription, du formulaire à la confirmation.

                Le troisième paragraphe répond aux questions les plus fréquentes sur les délais et sur les frais.
                """;
        String translation = """
                ---
                title: "Three paragraphs"
                ---
                The first paragraph introduces the service and explains whom it is for, with concrete examples, in the
                words of the people who built it and of those who already use it every day at work and at home.

                Signing up.

                The third paragraph answers the most frequent questions about delays and fees.
                """;
        SegmentedArticle original = segment(source);
        String second = original.body().get(1).id();

        List<Problem> byPosition = new ReturnReview().review(original, segment(translation), "en", ReturnReview.Pairing.BY_POSITION);
        List<Problem> byLength = new ReturnReview().review(original, segment(translation), "en");

        assertThat(byPosition).extracting(Problem::code).doesNotContain("content-missing");
        assertThat(byPosition).filteredOn(p -> p.code().equals("length-ratio")).extracting(Problem::field).containsExactly(second);
        assertThat(byLength).as("by length, the short block is merged into its neighbour's pair and goes unnoticed")
                .extracting(Problem::field).doesNotContain(second);
    }

    @Test
    void aFieldLeftInTheSourceLanguageIsFlaggedButASharedShortNameIsNot() {
        String translation = """
                ---
                title: "Trois conseils"
                description: "GC Notify"
                ---
                ## First tip

                Write for your readers before you write for search engines, and read your text aloud.

                ## Second tip

                Publish an honest review of what worked and what failed 6, 12 and 24 months after the launch.
                """;
        String source = SOURCE.replace("title: \"Trois conseils\"", "title: \"Trois conseils pratiques\"\ndescription: \"GC Notify\"");

        List<Problem> problems = new ReturnReview().review(segment(source), segment(translation.replace("Trois conseils", "Trois conseils pratiques")), "en");

        assertThat(problems).filteredOn(p -> p.code().equals("field-identical")).extracting(Problem::field, Problem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fm.title", 2));
    }

    @Test
    void inlineCodeKeptAsPlainTextIsAWarningButInlineCodeAlteredIsAnError() {
        String source = """
                ---
                title: "Configuration"
                ---
                Le paramètre `traces_exporter` choisit l'exportateur, et `service.name` nomme le service observé.
                """;
        String unmarked = """
                ---
                title: "Configuration"
                ---
                The traces_exporter parameter picks the exporter, and `service.name` names the observed service.
                """;
        String altered = """
                ---
                title: "Configuration"
                ---
                The `trace_exporters` parameter picks the exporter, and `service.name` names the observed service.
                """;

        List<Problem> kept = new ReturnReview().review(segment(source), segment(unmarked), "en");
        List<Problem> changed = new ReturnReview().review(segment(source), segment(altered), "en");

        assertThat(kept).extracting(Problem::code).contains("code-unmarked").doesNotContain("protected-token");
        assertThat(kept).filteredOn(p -> p.code().equals("code-unmarked")).extracting(Problem::message)
                .singleElement().asString().contains("`traces_exporter`");
        assertThat(changed).filteredOn(p -> p.code().equals("protected-token")).extracting(Problem::message)
                .singleElement().asString().contains("`traces_exporter`");
    }

    @Test
    void inlineCodeWhoseQuotedStringIsLocalisedIsAWarning() {
        String source = """
                ---
                title: "Attributs"
                ---
                | Attribut | Exemple |
                | --- | --- |
                | `server.address` | `"exemple.com"` |
                """;
        String localised = """
                ---
                title: "Attributes"
                ---
                | Attribute | Example |
                | --- | --- |
                | `server.address` | `"example.com"` |
                """;
        String recoded = localised.replace("`\"example.com\"`", "`example.com`");

        List<Problem> accepted = new ReturnReview().review(segment(source), segment(localised), "en");
        List<Problem> rejected = new ReturnReview().review(segment(source), segment(recoded), "en");

        assertThat(accepted).noneMatch(Problem::isError);
        assertThat(accepted).filteredOn(p -> p.code().equals("code-localised")).extracting(Problem::message)
                .singleElement().asString().contains("`\"exemple.com\"` → `\"example.com\"`");
        assertThat(rejected).extracting(Problem::code).contains("protected-token");
    }

    /**
     * The real CDS pair: the English page shows the screenshot at the end, the French one in
     * the middle of a section. Paired by length with its long alt text, the image used to take
     * a paragraph's place and the French paragraph was reported missing.
     */
    @Test
    void anImageMovedElsewhereDoesNotShiftThePairingOfTheParagraphs() throws IOException {
        Path pair = Path.of("src/test/resources/corpus/pairs/cds-healthcare-portal-service-design");
        String french = Files.readString(pair.resolve("fr.md"));
        String english = Files.readString(pair.resolve("en.md"));
        String withoutImage = english.replaceFirst("(?m)^!\\[Screenshot.*\\n", "");

        assertThat(new ReturnReview().review(segment(french), segment(english), "en")).noneMatch(Problem::isError);
        assertThat(withoutImage).isNotEqualTo(english);
        assertThat(new ReturnReview().review(segment(french), segment(withoutImage), "en")).filteredOn(Problem::isError)
                .extracting(Problem::code).containsExactly("structure-images");
    }

    @Test
    void aLostTokenAndAChangedCodeBlockAreLocatedInTheReturnedFile() {
        String source = """
                ---
                title: "Installer"
                ---
                Lisez d'abord la page d'accueil du projet pour comprendre à quoi il sert vraiment.

                Ensuite lancez `make install` depuis le dossier du projet, puis vérifiez le résultat.

                ```sh
                make install
                ```
                """;
        String translation = """
                ---
                title: "Installing"
                ---
                First read the project's home page to understand what it is really for.

                Then run `make setup` from the project folder, and check the result.

                ```sh
                make install PREFIX=/opt
                ```
                """;

        List<Problem> problems = new ReturnReview().review(segment(source), segment(translation), "en");

        assertThat(problems).filteredOn(p -> p.code().equals("protected-token")).singleElement().satisfies(p -> {
            assertThat(p.field()).startsWith("p-");
            assertThat(p.line()).as("the paragraph's line in the returned file").isEqualTo(6);
            assertThat(p.message()).contains("`make install`");
        });
        assertThat(problems).filteredOn(p -> p.code().equals("code-block-changed")).singleElement()
                .satisfies(p -> assertThat(p.line()).as("the code block's line in the returned file").isEqualTo(8));
    }

    /** A raw HTML pre block is code, as a fenced block is: kept, it is not read as untranslated prose; reshaped, it is rejected. */
    @Test
    void aRawHtmlPreBlockIsCheckedAsACodeBlock() {
        String source = """
                ---
                title: "Configurer le serveur"
                ---
                Voici comment configurer le serveur pour la production, avec les bonnes options.

                <pre><code>server.port=8080
                server.name=production
                </code></pre>
                """;
        String kept = """
                ---
                title: "Configuring the server"
                ---
                Here is how to configure the server for production, with the right options.

                <pre><code>server.port=8080
                server.name=production
                </code></pre>
                """;
        String localised = kept.replace("server.name=production", "server.name=my-server");
        String reshaped = kept.replace("server.port=8080\n", "");

        assertThat(new ReturnReview().review(segment(source), segment(kept), "en")).extracting(Problem::code)
                .doesNotContain("code-block-changed", "code-block-localised", "segment-identical", "untranslated", "protected-token");
        assertThat(new ReturnReview().review(segment(source), segment(localised), "en")).extracting(Problem::code)
                .contains("code-block-localised").doesNotContain("code-block-changed");
        assertThat(new ReturnReview().review(segment(source), segment(reshaped), "en"))
                .filteredOn(p -> p.code().equals("code-block-changed")).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(6));
    }

    /** A highlight shortcode's body is code, as a fenced block is: changing its shape rejects the return. */
    @Test
    void aHighlightBodyIsCheckedAsACodeBlock() {
        String source = """
                ---
                title: "Un bouton"
                ---
                Voici un bouton écrit en HTML, que le lecteur peut copier tel quel dans sa page.

                {{< highlight html >}}
                <!-- le bouton -->
                <button onclick="alert(1)">Cliquez ici</button>
                {{< /highlight >}}
                """;
        String sameCode = """
                ---
                title: "A button"
                ---
                Here is a button written in HTML, which readers can copy as it is into their page.

                {{< highlight html >}}
                <!-- le bouton -->
                <button onclick="alert(1)">Cliquez ici</button>
                {{< /highlight >}}
                """;

        assertThat(new ReturnReview().review(segment(source), segment(sameCode), "en")).extracting(Problem::code)
                .doesNotContain("code-block-changed", "code-block-localised", "segment-identical", "untranslated");
        assertThat(new ReturnReview().review(segment(source), segment(sameCode.replace("<!-- le bouton -->", "<!-- the button -->")), "en"))
                .filteredOn(p -> p.code().startsWith("code-block")).extracting(Problem::code).containsExactly("code-block-localised");
        List<Problem> problems = new ReturnReview().review(segment(source),
                segment(sameCode.replace("Cliquez ici</button>", "Click here now</button>")), "en");
        assertThat(problems).filteredOn(p -> p.code().equals("code-block-changed")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(io.contentpipeline.article.Severity.ERROR);
            assertThat(p.line()).as("the opening tag's line in the returned file").isEqualTo(6);
        });
        assertThat(new ReturnReview().review(segment(source), segment(sameCode.replace("{{< /highlight >}}", "")), "en"))
                .as("a closing tag lost: no code block").extracting(Problem::code).contains("code-block-changed", "protected-token");
    }

    @Test
    void theFirstListAndTableThatDifferAreNamedWithTheirLines() {
        String source = """
                ---
                title: "Étapes"
                ---
                Voici les étapes à suivre pour publier un article sans rien oublier en chemin.

                - Rédiger le texte complet de l'article
                - Relire le texte avec une collègue attentive, qui vérifie les faits, les chiffres et les liens un par un
                - Publier l'article sur le site

                | Étape | Durée |
                | --- | --- |
                | Rédaction | deux jours |
                """;
        String translation = """
                ---
                title: "Steps"
                ---
                Here are the steps to follow to publish an article without forgetting anything on the way.

                - Write the full text of the article
                - Publish the article on the site

                | Step | Time | Who |
                | --- | --- | --- |
                | Writing | two days | Ana |
                """;

        List<Problem> problems = new ReturnReview().review(segment(source), segment(translation), "en");

        assertThat(problems).filteredOn(p -> p.code().equals("structure-list-items")).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("number of list items differs from the source: 3 expected, 2 found; "
                    + "first: the list at draft line 6: 3 items in the source, 2 items in the translation");
            assertThat(p.line()).as("the list's line in the returned file").isEqualTo(6);
        });
        assertThat(problems).filteredOn(p -> p.code().equals("structure-tables")).singleElement().satisfies(p -> {
            assertThat(p.message()).endsWith("first: the table at draft line 10: 2x2 in the source, 2x3 in the translation");
            assertThat(p.line()).as("the table's line in the returned file, a list item shorter").isEqualTo(9);
        });
    }

    /**
     * The same number of list items, nested otherwise: a sub-item moved to the top level, or a
     * top-level item indented under the one before it. The first item whose level differs is
     * named, with its line in the draft and in the return.
     */
    @Test
    void aListItemNestedOtherwiseThanInTheSourceIsAnErrorAtThatItem() {
        String source = """
                ---
                title: "Étapes"
                ---
                Voici les étapes à suivre pour publier un article sans rien oublier en chemin.

                - Rédiger le texte complet de l'article
                  - Vérifier les chiffres un par un
                - Publier l'article sur le site
                - Annoncer l'article aux abonnés
                """;
        String nested = """
                ---
                title: "Steps"
                ---
                Here are the steps to follow to publish an article without forgetting anything on the way.

                - Write the full text of the article
                  - Check the figures one by one
                - Publish the article on the site
                %s- Announce the article to subscribers
                """;
        String flattened = nested.replace("  - Check", "- Check");
        String indented = nested.formatted("  ");

        assertThat(new ReturnReview().review(segment(source), segment(nested.formatted("")), "en")).noneMatch(Problem::isError);
        assertThat(new ReturnReview().review(segment(source), segment(flattened.formatted("")), "en"))
                .filteredOn(Problem::isError).singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("structure-list-levels");
                    assertThat(p.message()).isEqualTo("list nesting differs from the source; first: the item \"Vérifier les chiffres un par un\""
                            + " (draft line 7) is at level 2 in the source, level 1 in the translation");
                    assertThat(p.field()).as("the source item's segment").startsWith("li-");
                    assertThat(p.line()).as("the item's line in the returned file").isEqualTo(7);
                });
        assertThat(new ReturnReview().review(segment(source), segment(indented), "en"))
                .filteredOn(Problem::isError).singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("structure-list-levels");
                    assertThat(p.message()).endsWith("the item \"Annoncer l'article aux abonnés\" (draft line 9) is at level 1 in the source,"
                            + " level 2 in the translation");
                    assertThat(p.line()).isEqualTo(9);
                });
    }

    /**
     * The one real pair of the corpus with a nested list keeps its nesting in both directions;
     * its French translation with the second sub-item (and the code block it holds) moved out
     * to the top level is rejected at that item, though it still has four items.
     */
    @Test
    void aRealTranslationWithASubItemMovedToTheTopLevelIsRejectedAtThatItem() throws IOException {
        Path pair = Path.of("src/test/resources/corpus/pairs/otel-docs-zero-code-java-agent-getting-started");
        String english = Files.readString(pair.resolve("en.md"));
        String french = Files.readString(pair.resolve("fr.md"));
        int from = french.indexOf("    - Via les variables");
        int to = french.indexOf("## Configuration de l'agent");
        String outdented = french.substring(0, from) + french.substring(from, to).replace("\n    ", "\n").substring(4) + french.substring(to);
        assertThat(outdented).contains("\n- Via les variables d'environnement", "\n  export OTEL_SERVICE_NAME");

        assertThat(new ReturnReview().review(segment(english), segment(french), "fr")).noneMatch(Problem::isError);
        assertThat(new ReturnReview().review(segment(french), segment(english), "en")).noneMatch(Problem::isError);
        assertThat(new ReturnReview().review(segment(english), segment(outdented), "fr")).filteredOn(Problem::isError)
                .singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("structure-list-levels");
                    assertThat(p.message()).isEqualTo("list nesting differs from the source; first: the item \"Via the `JAVA_TOOL_OPTIONS`"
                            + " and other environment variables:\" (draft line 21) is at level 2 in the source, level 1 in the translation");
                    assertThat(p.line()).isEqualTo(24);
                });
    }

    @Test
    void theFirstBlockWhoseImagesOrLinksDifferIsNamedWithItsLinesThoughTheImagesAreLocalised() {
        String source = """
                ---
                title: "Le tableau de bord"
                ---
                Le tableau de bord montre l'état de chaque service en un coup d'œil : ![Tableau](/fr/tableau.png)

                L'écran des alertes regroupe les incidents ![Alertes](/fr/alertes.png) et
                l'historique des incidents <img src="/fr/historique.png" alt="Historique"> sur une seule page.

                Pour en savoir plus, lisez [le guide complet](/fr/guide/) avant de configurer vos alertes.
                """;
        String translation = """
                ---
                title: "The dashboard"
                ---
                The dashboard shows the state of every service
                at a glance: ![Dashboard](/en/dashboard.png)

                The alerts screen gathers the incidents ![Alerts](/en/alerts.png) and
                their history on a single page.

                To learn more, read the complete guide before you set up your alerts.
                """;

        List<Problem> problems = new ReturnReview().review(segment(source), segment(translation), "en");

        assertThat(problems).filteredOn(p -> p.code().equals("structure-images")).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("number of images differs from the source: 3 expected, 2 found; first: the block at"
                    + " draft line 6 has 2 images (lines 6, 7), its translation has 1 image");
            assertThat(p.field()).as("the source block, which an XLIFF return turns into its unit's line").startsWith("p-");
            assertThat(p.line()).as("the block's line in the returned file").isEqualTo(7);
        });
        assertThat(problems).filteredOn(p -> p.code().equals("structure-links")).singleElement().satisfies(p -> {
            assertThat(p.message()).endsWith("first: the block at draft line 9 has 1 link (line 9), its translation has no link");
            assertThat(p.line()).isEqualTo(10);
        });
    }

    @Test
    void aBlockWithAnImageLeftUntranslatedOrAddedIsNamedAtItsLine() {
        String source = """
                ---
                title: "Deux écrans"
                ---
                ## Le premier écran

                Il montre la liste des articles publiés, triés du plus récent au plus ancien,
                avec l'état de leurs traductions : ![État](/fr/etat.png)

                ## Le second écran

                Il montre les traductions en attente, langue par langue, avec leur date de retour.
                """;
        String translation = """
                ---
                title: "Two screens"
                ---
                ## The first screen

                ## The second screen

                It shows the translations still awaited, language by language, with their due date.
                """;

        List<Problem> problems = new ReturnReview().review(segment(source), segment(translation), "en");

        assertThat(problems).extracting(Problem::code).contains("content-missing");
        assertThat(problems).filteredOn(p -> p.code().equals("structure-images")).singleElement().satisfies(p -> {
            assertThat(p.message()).endsWith("first: the block at draft line 6 has 1 image (line 7) and no translation");
            assertThat(p.line()).as("nothing in the returned file holds it").isNull();
        });
        // The other way round, the block is one the translation added.
        assertThat(new ReturnReview().review(segment(translation), segment(source), "fr"))
                .filteredOn(p -> p.code().equals("structure-images")).singleElement().satisfies(p -> {
                    assertThat(p.message()).endsWith("first: a block the translation adds, with no counterpart in the source, has 1 image");
                    assertThat(p.field()).isNull();
                    assertThat(p.line()).isEqualTo(6);
                });
    }

    @Test
    void punctuationRightAfterALinkIsNotTakenForFrenchSpacing() {
        String source = "---\ntitle: \"Postuler\"\n---\nSi le poste vous intéresse, <a href=\"/emplois/\">postulez aujourd'hui</a> !\n";
        String translation = "---\ntitle: \"Apply\"\n---\nIf the job interests you, <a href=\"/emplois/\">apply today</a>!\n";
        String spaced = "---\ntitle: \"Apply\"\n---\nIf the job interests you, <a href=\"/emplois/\">apply today</a> !\n";

        assertThat(new ReturnReview().review(segment(source), segment(translation), "en")).extracting(Problem::code)
                .doesNotContain("typography");
        assertThat(new ReturnReview().review(segment(source), segment(spaced), "en")).extracting(Problem::code)
                .contains("typography");
    }

    /**
     * In a Markdown return, a reference keeps its target whatever its label (the translator
     * renames a label with its definition, as the corpus' OpenTelemetry translators do, or
     * writes it as an inline link), and an address the words before it now link to is kept;
     * a reference that no longer reaches its target, a footnote whose id changed, an address
     * altered and a heading id changed are each a protected-token error naming its block.
     */
    @Test
    void referencesFootnotesAddressesAndHeadingIdsAreProtectedWhateverTheirLabel() {
        String source = """
                ---
                title: "Installer"
                ---
                ## Installer l'outil { #installer }

                Téléchargez l'archive depuis https://exemple.com/outil et lisez le [guide][guide] avec
                la [FAQ][] avant de commencer, puis vérifiez la somme de contrôle[^somme].

                [guide]: https://exemple.com/guide
                [FAQ]: /faq/

                [^somme]: Elle est publiée à côté de l'archive.
                """;
        String translation = """
                ---
                title: "Install"
                ---
                ## Install the tool { #installer }

                Download the archive from [the site](https://exemple.com/outil) and read the [guide][manual]
                with the [FAQ](/faq/) before you start, then check the checksum[^somme].

                [manual]: https://exemple.com/guide

                [^somme]: It is published beside the archive.
                """;
        assertThat(new ReturnReview().review(segment(source), segment(translation), "en")).extracting(Problem::code)
                .doesNotContain("protected-token");

        String paragraph = segment(source).body().get(1).id();
        java.util.Map<String, String> changes = new java.util.LinkedHashMap<>();
        changes.put("reference → https://exemple.com/guide", translation.replace("[guide][manual]", "[guide][handbook]"));
        changes.put("footnote [^somme]", translation.replace("[^somme]", "[^sum]"));
        changes.put("address https://exemple.com/outil", translation.replace("(https://exemple.com/outil)", "(https://example.com/tool)"));
        changes.forEach((token, changed) -> assertThat(new ReturnReview().review(segment(source), segment(changed), "en"))
                .as(token).filteredOn(p -> p.code().equals("protected-token")).singleElement().satisfies(p -> {
                    assertThat(p.message()).isEqualTo("protected text missing or altered: " + token);
                    assertThat(p.field()).isEqualTo(paragraph);
                }));
        assertThat(new ReturnReview().review(segment(source), segment(translation.replace("{ #installer }", "{#install}")), "en"))
                .filteredOn(p -> p.code().equals("protected-token")).extracting(Problem::message)
                .containsExactly("protected text missing or altered: heading id #installer");
    }

    /**
     * An address in raw HTML is checked as a Markdown link's target is, however the tag is
     * written (quotes, none, capitals, a {@code >} inside another attribute's value, the real
     * {@code src} after a lazy-loading {@code data-src}): a relative one must stay or point to
     * the localised page of the same folder, an anchor must stay exactly, and an absolute one,
     * which the corpus' translators localise in every CDS article, is only counted. Before, only
     * the first double-quoted href or src of a tag was read, and any of these could be changed
     * without a word.
     */
    @Test
    void anAddressInRawHtmlIsCheckedAsAMarkdownLinkTargetIsHoweverTheTagIsWritten() {
        String source = """
                ---
                title: "Les liens"
                ---
                <p>Lisez <a href='/guides/entrevue/'>le guide</a>, <a href=/outils/tests/>les tests</a>,
                <A HREF="/normes/accessibilite/">l'accessibilité</A>, <a title="avant > après" href="/projets/migration/">la migration</a>
                et <a href="https://numerique.canada.ca/">notre site</a> avant de commencer le projet.</p>

                <figure><img data-src="/images/chargement.png" src="/images/schema-fr.png" alt="Schéma du service"></figure>

                Le paragraphe suivant reprend <a href="#etapes">les étapes</a> une à une, dans l'ordre où les équipes les suivent.
                """;
        String translation = """
                ---
                title: "Links"
                ---
                <p>Read <a href='/guides/interviews/'>the guide</a>, <a href=/outils/testing/>the tests</a>,
                <A HREF="/normes/accessibility/">accessibility</A>, <a title="before > after" href="/projets/migrating/">migrating</a>
                and <a href="https://digital.canada.ca/">our site</a> before you start the project.</p>

                <figure><img data-src="/images/chargement.png" src="/images/diagram-en.png" alt="Service diagram"></figure>

                The next paragraph goes through <a href="#etapes">the steps</a> one by one, in the order teams follow them.
                """;
        assertThat(new ReturnReview().review(segment(source), segment(translation), "en")).as("localised in the same folder")
                .noneMatch(Problem::isError);

        java.util.Map<String, String> changes = new java.util.LinkedHashMap<>();
        changes.put("link /guides/entrevue/", translation.replace("'/guides/interviews/'", "'/interviews/'"));
        changes.put("link /outils/tests/", translation.replace("=/outils/testing/>", "=/testing/>"));
        changes.put("link /normes/accessibilite/", translation.replace("\"/normes/accessibility/\"", "\"/a11y/\""));
        changes.put("link /projets/migration/", translation.replace("\"/projets/migrating/\"", "\"/migrating/\""));
        changes.put("link /images/schema-fr.png", translation.replace("/images/diagram-en.png", "/img/diagram-en.png"));
        changes.put("anchor #etapes", translation.replace("#etapes", "#steps"));
        changes.forEach((token, changed) -> assertThat(new ReturnReview().review(segment(source), segment(changed), "en"))
                .as(token).filteredOn(Problem::isError).singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("protected-token");
                    assertThat(p.message()).isEqualTo("protected text missing or altered: " + token);
                    assertThat(p.field()).as("the block that holds it").isEqualTo(segment(source).body().stream()
                            .filter(block -> block.text().contains(token.substring(token.indexOf(' ') + 1))).findFirst().orElseThrow().id());
                }));
        assertThat(new ReturnReview().review(segment(source), segment(translation.replace("https://digital.canada.ca/",
                "https://canada.ca/en/")), "en")).as("an absolute address is localised at will").noneMatch(Problem::isError);
    }

    /**
     * The real CDS pair, with the links to the blog's own posts written site-relative, as a
     * site links to itself: its translator points each to the French post of the same date
     * folder, which stands; one pointed anywhere else is lost, in single quotes as in double.
     */
    @Test
    void aRealCdsTranslationKeepsItsRawHtmlLinksToTheSitesOwnPostsLocalised() throws IOException {
        Path pair = Path.of("src/test/resources/corpus/pairs/cds-blog-e2e-f2b1");
        String english = Files.readString(pair.resolve("en.md")).replace("href=\"https://digital.canada.ca/2024/", "href='/2024/")
                .replace("-from-the-ceo/\"", "-from-the-ceo/'").replace("https://digital.canada.ca/2025/", "/2025/");
        String french = Files.readString(pair.resolve("fr.md")).replace("href=\"https://numerique.canada.ca/2024/", "href='/2024/")
                .replace("-un-mot-du-pdg/\"", "-un-mot-du-pdg/'").replace("https://numerique.canada.ca/2025/", "/2025/");
        assertThat(english).contains("href='/2024/07/02/sharing-progress-and-aligning-efforts-a-word-from-the-ceo/'",
                "href=\"/2025/01/16/digital-service-delivery-end-to-end-and-front-to-back-part-2/\"");
        assertThat(french).contains("href='/2024/07/02/faire-conna%C3%AEtre-nos-progr%C3%A8s-et-coordonner-nos-efforts-un-mot-du-pdg/'");

        assertThat(new ReturnReview().review(segment(english), segment(french), "fr")).noneMatch(Problem::isError);
        assertThat(new ReturnReview().review(segment(french), segment(english), "en")).noneMatch(Problem::isError);
        String elsewhere = french.replace("href='/2024/07/02/", "href='/2024/07/03/");
        assertThat(new ReturnReview().review(segment(english), segment(elsewhere), "fr")).filteredOn(Problem::isError)
                .extracting(Problem::code, Problem::message).containsExactly(org.assertj.core.groups.Tuple.tuple("protected-token",
                        "protected text missing or altered: link /2024/07/02/sharing-progress-and-aligning-efforts-a-word-from-the-ceo/"));
    }

    /**
     * As many headings as the source, but not the same ones (cds-product-manager-qa): the
     * translation makes a heading of the source's one-line paragraph "Quel conseil…?", as its
     * translator did, and drops the heading "En rafale…". Counting headings saw nothing, and the
     * section-by-section pairing, shifted by one section, blamed translated paragraphs as missing.
     * The whole-body pairing names the heading dropped (and its words, missing with it).
     */
    @Test
    void aHeadingDroppedWhereAParagraphBecameAHeadingIsAStructureErrorAndNoTranslatedParagraphIsBlamed() {
        String source = """
            ---
            title: "Gestionnaire de produits"
            ---
            Pour mieux comprendre le rôle d’un gestionnaire de produits (GP) au gouvernement, nous nous sommes réunis avec eux et nous leur avons posé quelques questions.

            ## En rafale : que fait un gestionnaire de produits, en une phrase?

            **Courtney :** Oh mon Dieu, hum. Les gestionnaires de produits s’assurent que les bonnes choses sont créées au bon moment.

            **Dan :** Nous aidons les équipes à se concentrer sur ce qui est le plus important (les personnes, les fonctionnaires, le logiciel actif) et sur la façon d’y arriver (stratégie, sprints, « agilité »).

            ## Incroyable. Ce n’est pas une mince tâche. Que faites-vous quotidiennement pour arriver à tout accomplir?

            **Bryan :** Généralement, mon quotidien est consacré à des tâches réactives comme répondre aux courriels, aux messages Slack et autres choses ponctuelles. À un niveau récurrent, j’ai différentes tâches que je relègue à différents moments dans le sprint.

            Quel conseil donneriez-vous aux personnes qui font actuellement ce type de travail ou qui voudraient faire ce type de travail?

            **Bryan :** Agissez comme facilitateur pour aider l’équipe à travailler à leur plein potentiel. Chaque équipe travaille différemment, vous devez donc découvrir ce que vous pouvez offrir afin que votre équipe en profite le plus. Cela varie et change au fil du temps, au fur et à mesure que l’équipe évolue.
            """;
        String translation = """
            ---
            title: "Product manager"
            ---
            To better understand the role of a product manager (PM) in government, we sat down with them and asked a few questions:

            ## Rapidfire: in one sentence, what does a product manager do?

            **Courtney:** Oh God, um. Product managers make sure that the right thing gets built at the right time.

            **Dan:** We help the team focus on what's most important (the people, the public servants, working software) and how to get there (strategy, sprints, "agile").

            ## Wow. Not a small task. What does your day-to-day look like to get all of that done?

            **Bryan:** Usually, my day-to-day is consumed by reactive tasks like responding to emails, slack messages, and other one-off things. On the recurring level, I have different tasks that I relegate to different times in the sprint.

            ## What advice would you give people who are currently doing this kind of work, or want to do this kind of work?

            **Bryan:** Act as a facilitator to help the team work to their fullest potential. Every team works differently so you have to figure out what you can do to offer the most benefit to your team and this will vary, and even change over time as the team grows. If you prioritize your teams needs first you will make something great.
            """;
        String dropped = translation.replace("## Rapidfire: in one sentence, what does a product manager do?\n\n", "");

        List<Problem> real = new ReturnReview().review(segment(source), segment(translation), "en");
        List<Problem> problems = new ReturnReview().review(segment(source), segment(dropped), "en");

        assertThat(real).noneMatch(Problem::isError).extracting(Problem::code).contains("heading-not-in-source");
        assertThat(problems).filteredOn(Problem::isError).extracting(Problem::code).contains("structure-headings");
        assertThat(problems).filteredOn(problem -> problem.code().equals("content-missing"))
                .as("the heading's own words are missing; no translated paragraph is")
                .allSatisfy(problem -> assertThat(problem.message()).contains("\"En rafale"));
        assertThat(problems).filteredOn(problem -> problem.code().equals("structure-headings")).first()
                .satisfies(problem -> {
                    assertThat(problem.message()).contains("as many (2)", "the heading \"En rafale");
                    assertThat(problem.line()).as("where it should be: the paragraph it headed").isEqualTo(6);
                });
    }

    private SegmentedArticle segment(String text) {
        ParsedArticle parsed = parser.parseText(new SourceFile("x.md", null, new byte[0], null), text);
        return segmenter.segment(parsed.frontMatter(), parsed.body(), parsed.bodyLine());
    }
}
