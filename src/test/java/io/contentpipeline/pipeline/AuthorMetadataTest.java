package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Front matter as authors and migrated sites write it, through the real routes. */
class AuthorMetadataTest {

    @TempDir
    Path temp;

    @Test
    void anAuthorsTranslationKeyIsKeptAndAnEntityInTheTitleIsPointedOut() {
        PipelineHome home = new PipelineHome(temp);
        dropAndRun(home, "inbox/ceo.md", """
                ---
                title: "Le SNC nomme son premier dirigeant principal&nbsp;: Aaron Snow"
                date: 2017-07-20
                author: "Équipe du SNC"
                translationKey: CDS-gets-its-first-CEO
                ---

                Le Service numérique canadien accueille aujourd'hui son premier dirigeant principal, qui dirigera
                une équipe chargée d'aider les ministères à offrir de meilleurs services numériques aux Canadiens.
                """);

        assertThat(home.read("outbox/published/ceo/index.fr.md"))
                .contains("translationKey: CDS-gets-its-first-CEO");
        assertThat(home.bundle("ceo").get("languages").get("fr").get("warnings").toString())
                .as("a WordPress entity in the title is pointed out").contains("entity-in-field", "&nbsp;");
    }

    @Test
    void aShortArticleThatDoesNotSayItsLanguageIsTakenInTheDefaultOneWithAWarning() {
        PipelineHome home = new PipelineHome(temp);
        dropAndRun(home, "inbox/court.md", article("Écouter ses clients", "", "Le marketing, c'est simple : il faut écouter ses clients."));

        JsonNode bundle = home.bundle("court");
        assertThat(bundle.get("source_language").asText()).isEqualTo("fr");
        assertThat(bundle.get("languages").get("fr").get("warnings").toString()).contains("language-assumed");
    }

    /**
     * "#1" typed in an unquoted title: YAML reads " #" and the rest of the line as a comment, and
     * the page was published as "Notre méthode" without a word. An author may mean a comment, so
     * the article is published with a warning that quotes the line to write; a comment on a
     * field that is no text (default_lang_commit: … # patched, as OpenTelemetry writes) is none.
     */
    @Test
    void aTitleCutShortByAYamlCommentIsPublishedWithAWarningQuotingTheLineToWrite() {
        PipelineHome home = new PipelineHome(temp);
        dropAndRun(home, "inbox/methode.md", """
                ---
                title: Notre méthode #1 pour structurer le marketing
                date: 2025-07-28
                default_lang_commit: 71833a5f # patched
                ---

                Une méthode claire aide une PME à structurer son marketing et à suivre ses résultats chaque mois.
                """);

        JsonNode warnings = home.bundle("methode").get("languages").get("fr").get("warnings");
        assertThat(warnings).filteredOn(w -> w.get("code").asText().equals("field-comment")).singleElement().satisfies(w -> {
            assertThat(w.get("field").asText()).isEqualTo("title");
            assertThat(w.get("line").asInt()).isEqualTo(2);
            assertThat(w.get("message").asText()).isEqualTo("the words after \" #\" (\"1 pour structurer le marketing\") are a YAML"
                    + " comment, not part of the text, and are not published: if they belong to the title, quote the value,"
                    + " title: \"Notre méthode #1 pour structurer le marketing\"");
        });
    }

    @Test
    void anImpossibleDateIsRejectedAndSaysWhy() {
        PipelineHome home = new PipelineHome(temp);
        dropAndRun(home, "inbox/fevrier.md", """
                ---
                title: "Un 30 février"
                date: 2024-02-30
                ---

                Un article daté d'un jour qui n'existe pas ne doit pas être publié tel quel.
                """);

        JsonNode errors = home.json("outbox/rejected/fevrier.md.errors.json").get("errors");
        assertThat(errors).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo("date");
            assertThat(error.get("line").asInt()).isEqualTo(3);
        });
    }

    @Test
    void aTitleYamlReadsAsABooleanIsRejectedAtItsLineAndANumberIsTakenAsText() {
        PipelineHome home = new PipelineHome(temp);
        dropAndRun(home, "inbox/oui.md", """
                ---
                date: 2024-03-05
                title: Yes
                ---

                Un article dont le titre est un simple oui, que YAML lit comme un booléen s'il n'est pas entre guillemets.
                """);
        dropAndRun(home, "inbox/annee.md", article("", "", "Un article dont le titre est une année, ce qui est un nombre pour YAML.")
                .replace("title: \"\"", "title: 2024"));

        JsonNode errors = home.json("outbox/rejected/oui.md.errors.json").get("errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.get("code").asText()).isEqualTo("metadata.text");
            assertThat(error.get("field").asText()).isEqualTo("title");
            assertThat(error.get("line").asInt()).isEqualTo(3);
            assertThat(error.get("message").asText()).startsWith("title must be text; found the boolean true").contains("quote it");
        });
        assertThat(home.resolve("outbox/published/oui")).doesNotExist();
        assertThat(home.read("outbox/published/annee/index.fr.md")).contains("title: 2024\n");
        assertThat(home.bundle("annee").get("languages").get("fr").get("title").asText()).isEqualTo("2024");
    }

    /**
     * Where a language code or a text is expected, a value YAML reads as a boolean or as a
     * number shown otherwise than typed is rejected the way title: yes is, saying what YAML
     * read and how to quote it: lang: no is the boolean false to YAML (and to Hugo), not
     * Norwegian, and title: .inf was a YAML error that did not say so.
     */
    @Test
    void aLanguageCodeOrATextThatYamlReadsAsABooleanOrANumberIsRejectedSayingHowToQuoteIt() {
        PipelineHome home = new PipelineHome(temp);
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("norsk", "lang: no");
        lines.put("langue", "language: Off");
        lines.put("infini", "title: .inf");
        lines.put("mille", "title: 1e3");
        lines.put("version", "title: 1.0");
        lines.put("hexa", "title: 0x1F");
        lines.put("octal", "description: 017");
        lines.put("resume", "summary: .nan");
        lines.forEach((name, line) -> home.drop("inbox/" + name + ".md", "---\n"
                + (line.startsWith("title:") ? "" : "title: \"Un titre\"\n") + "date: 2025-03-05\n" + line + "\n---\n\n"
                + "Un article dont une ligne d'en-tête n'est pas ce que YAML en lit, faute de guillemets.\n"));
        home.drop("inbox/norsk-quoted.md", "---\ntitle: \"Hei\"\ndate: 2025-03-05\nlang: \"no\"\n---\n\nHei, dette er en kort artikkel.\n");
        home.drop("inbox/annee.md", "---\ntitle: 2024\ndescription: 3.5\ndate: 2025-03-05\n---\n\nUn article dont le titre est une année.\n");

        assertThat(home.runOnce()).isZero();

        Map<String, String> messages = new LinkedHashMap<>();
        messages.put("norsk", "lang is not an ISO 639-1 language code (for example fr, en or fr-CA); found the boolean false,"
                + " which is how YAML reads an unquoted no: quote it to keep it as written, as in lang: \"no\"");
        messages.put("langue", "language is not an ISO 639-1 language code (for example fr, en or fr-CA); found the boolean false,"
                + " which is how YAML reads an unquoted Off: quote it to keep it as written, as in language: \"Off\"");
        messages.put("infini", "title must be text; found the number infinity, which is how YAML reads an unquoted .inf:"
                + " quote it to keep it as written, as in title: \".inf\"");
        messages.put("mille", "title must be text; found the number 1000, which is how YAML reads an unquoted 1e3:"
                + " quote it to keep it as written, as in title: \"1e3\"");
        messages.put("version", "title must be text; found the number 1, which is how YAML reads an unquoted 1.0:"
                + " quote it to keep it as written, as in title: \"1.0\"");
        messages.put("hexa", "title must be text; found the number 31, which is how YAML reads an unquoted 0x1F:"
                + " quote it to keep it as written, as in title: \"0x1F\"");
        messages.put("octal", "description must be text; found the number 15, which is how YAML reads an unquoted 017:"
                + " quote it to keep it as written, as in description: \"017\"");
        messages.put("resume", "summary must be text; found the number not-a-number, which is how YAML reads an unquoted .nan:"
                + " quote it to keep it as written, as in summary: \".nan\"");
        messages.forEach((name, message) -> {
            JsonNode errors = home.json("outbox/rejected/" + name + ".md.errors.json").get("errors");
            assertThat(errors).as(name).singleElement().satisfies(error -> {
                assertThat(error.get("code").asText()).startsWith("metadata.");
                assertThat(error.get("field").asText()).isEqualTo(lines.get(name).substring(0, lines.get(name).indexOf(':')));
                assertThat(error.get("line").asInt()).isEqualTo(lines.get(name).startsWith("title:") ? 3 : 4);
                assertThat(error.get("message").asText()).isEqualTo(message);
            });
        });
        assertThat(home.bundle("norsk-quoted").get("source_language").asText()).as("a quoted no is Norwegian").isEqualTo("no");
        assertThat(home.read("outbox/published/norsk-quoted/index.no.md")).contains("\nlang: \"no\"\n");
        assertThat(home.bundle("annee").get("languages").get("fr").get("title").asText())
                .as("a number shown as typed is still taken as its text").isEqualTo("2024");
        assertThat(home.bundle("annee").get("languages").get("fr").get("description").asText()).isEqualTo("3.5");
    }

    /**
     * A list of keywords or tags is read item by item as a title is: an unquoted yes, on or 0x1F
     * among them is the boolean true or the number 31 to YAML, and went on to the page, the
     * translation draft and the translator as "true" and "31" without a word. Such an item is
     * rejected, named by its place and at its own line and column (in [brackets], the column
     * tells one item from the next), with the quoted item to write; a number shown as typed
     * (tags: [2024]) and a quoted "yes" stay texts.
     */
    @Test
    void aListItemYamlReadsAsABooleanOrANumberShownOtherwiseIsRejectedNamingTheItem() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/mots.md", "---\ntitle: \"Le marketing des PME\"\ndate: 2025-03-05\n"
                + "seo_keywords: [marketing, yes, 0x1F]\nai_tags:\n  - stratégie\n  - off\ntags: [2024, \"yes\"]\n---\n\n"
                + "Un article dont les mots-clés ne sont pas tous ce que YAML en lit, faute de guillemets.\n");
        home.drop("inbox/annees.md", "---\ntitle: \"Les années\"\ndate: 2025-03-05\nseo_keywords: [2024, \"on\"]\n"
                + "tags: [2025]\n---\n\nUn article dont les mots-clés sont des années, que YAML lit comme des nombres.\n");

        assertThat(home.runOnce()).isZero();

        JsonNode errors = home.json("outbox/rejected/mots.md.errors.json").get("errors");
        assertThat(errors).extracting(error -> error.get("code").asText(), error -> error.get("field").asText(),
                        error -> error.get("line").asInt(), error -> error.get("column").asInt(), error -> error.get("message").asText())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("metadata.text-items", "seo_keywords", 4, 27,
                                "every seo_keywords item must be text; item 2 is the boolean true, which is how YAML reads"
                                        + " an unquoted yes: quote it to keep it as written, \"yes\""),
                        org.assertj.core.groups.Tuple.tuple("metadata.text-items", "seo_keywords", 4, 32,
                                "every seo_keywords item must be text; item 3 is the number 31,"
                                        + " which is how YAML reads an unquoted 0x1F: quote it to keep it as written, \"0x1F\""),
                        org.assertj.core.groups.Tuple.tuple("metadata.text-items", "ai_tags", 7, 5,
                                "every ai_tags item must be text; item 2 is the boolean false, which is how YAML reads"
                                        + " an unquoted off: quote it to keep it as written, \"off\""));
        assertThat(home.read("outbox/CHANGELOG.md")).as("the changelog's detail names the item's line and column too")
                .contains("item 2 is the boolean false, which is how YAML reads an unquoted off: quote it to keep it as written,"
                        + " \"off\" (line 7, column 5)");
        assertThat(home.resolve("outbox/published/mots")).doesNotExist();

        assertThat(home.read("outbox/published/annees/index.fr.md")).contains("  - 2024\n", "  - \"on\"\n", "  - 2025\n");
        assertThat(home.read("outbox/translations/EN/annees.md")).contains("  - 2024\n", "  - \"on\"\n");
    }

    /**
     * The url and anchor of a related article are texts, as keywords are: an unquoted yes there
     * is the boolean true, and a list or a map passed as long as it was not empty, so that the
     * page linked to "[Stratégie, PME]" and the translator was given "true" to translate. Such a
     * value is rejected, metadata.text-items, naming the item and the key, at the value's own line
     * and column (an item that is no url: and anchor: pair, items-have, at the item's); a year shown as typed
     * (anchor: 2024) and a quoted "yes" stay texts, and an item that is no url: and anchor: pair
     * is still the items-have rule's.
     */
    @Test
    void aRelatedArticlesUrlOrAnchorThatIsNoTextIsRejectedNamingTheItemAndTheKey() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/liens.md", """
                ---
                title: "Le marketing des PME"
                date: 2025-03-05
                related_articles:
                  - url: /blogue/role-cmo-pme/
                    anchor: yes
                  - url: /blogue/strategie/
                    anchor: [Stratégie, PME]
                  - url: {fr: /blogue/annees/}
                    anchor: "Les années"
                  - url: /blogue/2024/
                    anchor: 2024
                  - url: 0x1F
                    anchor: "yes"
                  - url: /blogue/sans-ancre/
                ---

                Un article dont les articles liés ne sont pas tous ce que YAML en lit, faute de guillemets.
                """);
        home.drop("inbox/annees.md", """
                ---
                title: "Les années"
                date: 2025-03-05
                related_articles:
                  - url: /blogue/2024/
                    anchor: 2024
                  - url: /blogue/oui/
                    anchor: "yes"
                ---

                Un article dont les articles liés sont des années, que YAML lit comme des nombres.
                """);

        assertThat(home.runOnce()).isZero();

        JsonNode errors = home.json("outbox/rejected/liens.md.errors.json").get("errors");
        String rule = "the url and anchor of every related_articles item must be text; ";
        assertThat(errors).extracting(error -> error.get("code").asText(), error -> error.get("field").asText(),
                        error -> error.get("line").asInt(), error -> error.get("column").asInt(), error -> error.get("message").asText())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("metadata.items-have", "related_articles", 15, 5,
                                "every related_articles item needs a url and an anchor; item 6 has no anchor"),
                        org.assertj.core.groups.Tuple.tuple("metadata.text-items", "related_articles", 6, 13, rule
                                + "item 1's anchor is the boolean true, which is how YAML reads an unquoted yes: quote it to keep it"
                                + " as written, \"yes\""),
                        org.assertj.core.groups.Tuple.tuple("metadata.text-items", "related_articles", 8, 13, rule
                                + "item 2's anchor is a list of 2 items: quote it if you mean the text"),
                        org.assertj.core.groups.Tuple.tuple("metadata.text-items", "related_articles", 9, 10, rule
                                + "item 3's url is a map with the keys fr: quote it if you mean the text"),
                        org.assertj.core.groups.Tuple.tuple("metadata.text-items", "related_articles", 13, 10, rule
                                + "item 5's url is the number 31, which is how YAML reads an unquoted 0x1F: quote it to keep it"
                                + " as written, \"0x1F\""));
        assertThat(home.read("outbox/CHANGELOG.md")).as("the changelog's detail names the value's line and column too")
                .contains("item 5's url is the number 31, which is how YAML reads an unquoted 0x1F: quote it to keep it as written,"
                        + " \"0x1F\" (line 13, column 10)");
        assertThat(home.resolve("outbox/published/liens")).doesNotExist();

        assertThat(home.read("outbox/published/annees/index.fr.md")).contains("anchor: 2024\n", "anchor: \"yes\"\n");
        assertThat(home.read("outbox/translations/EN/annees.md")).contains("anchor: 2024\n", "anchor: \"yes\"\n");
    }

    /**
     * Texts the author quoted so that YAML reads them as texts stay texts in everything the
     * pipeline writes: the published page (which Hugo reads), the translation draft and the
     * kept source version (which the pipeline reads again).
     */
    @Test
    void quotedTextsThatLookLikeDatesNumbersOrBooleansStayTextsInEveryFileThePipelineWrites() {
        PipelineHome home = new PipelineHome(temp);
        dropAndRun(home, "inbox/version.md", """
                ---
                title: "1.0"
                description: "2024-01-01"
                summary: "yes"
                date: 2025-03-05
                lang: fr
                seo_keywords: ["0x1F", "no", "1e3"]
                edition: ".inf"
                tirage: "1_000"
                heure: "12:30:00"
                ---

                La version 1.0 de notre service sort aujourd'hui, avec un tableau de bord entièrement revu et des
                exports plus rapides pour toutes les équipes qui publient dans plusieurs langues.
                """);

        Map<String, Object> expected = Map.of("title", "1.0", "description", "2024-01-01", "summary", "yes",
                "seo_keywords", List.of("0x1F", "no", "1e3"), "edition", ".inf", "tirage", "1_000", "heure", "12:30:00");
        for (String file : List.of("outbox/published/version/index.fr.md", "outbox/sources/version/v1.md",
                "outbox/translations/EN/version.md")) {
            Map<String, Object> frontMatter = yaml11(home.read(file));
            expected.forEach((key, value) -> {
                if (file.contains("translations") && !List.of("title", "description", "summary", "seo_keywords").contains(key)) {
                    return; // a draft carries the translatable fields only
                }
                assertThat(frontMatter.get(key)).as(file + ": " + key).isEqualTo(value);
            });
        }
        assertThat(home.bundle("version").get("languages").get("fr").get("title").asText()).isEqualTo("1.0");
    }

    /** The front matter as a YAML 1.1 reader (SnakeYAML, which knows the most implicit types) reads it. */
    private static Map<String, Object> yaml11(String markdown) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(markdown.substring(4, markdown.indexOf("\n---\n", 4)));
    }

    @Test
    void theEnglishPageOfAFrenchArticleDroppedAsAnArticleIsRejectedNotPublishedOverIt() {
        PipelineHome home = new PipelineHome(temp);
        dropAndRun(home, "inbox/lancement-fr.md", article("Lancement du service", "slug: lancement\n",
                "Nous lançons aujourd'hui un nouveau service qui aide les équipes à publier leurs articles plus vite,\n"
                        + "dans toutes les langues de leurs lecteurs, sans perdre le fil de leurs traductions."));
        dropAndRun(home, "inbox/lancement-en.md", article("Launching the service", "slug: lancement\n",
                "Today we launch a new service that helps teams publish their articles faster, in every language\n"
                        + "their readers speak, without losing track of their translations."));

        JsonNode errors = home.json("outbox/rejected/lancement-en.md.errors.json").get("errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.get("code").asText()).isEqualTo("source-language-changed");
            assertThat(error.get("message").asText()).contains("inbox/translations/EN/");
        });
        JsonNode bundle = home.bundle("lancement");
        assertThat(bundle.get("source_language").asText()).isEqualTo("fr");
        assertThat(bundle.get("version").asInt()).isEqualTo(1);
        assertThat(home.files("outbox/published/lancement")).contains("index.fr.md").doesNotContain("index.en.md");
    }

    @Test
    void anUpdateTooShortToTellItsLanguageKeepsTheLanguageItsSlugIsPublishedIn() {
        PipelineHome home = new PipelineHome(temp);
        dropAndRun(home, "inbox/notes.md", article("Release notes", "",
                "This release makes the publishing service faster for large imports, and every article now\n"
                        + "shows how long it takes to read, in every language the team publishes in."));
        assertThat(home.bundle("notes").get("source_language").asText()).isEqualTo("en");

        dropAndRun(home, "inbox/notes.md", article("Release notes", "", "Faster imports."));

        JsonNode bundle = home.bundle("notes");
        assertThat(bundle.get("version").asInt()).isEqualTo(2);
        assertThat(bundle.get("source_language").asText()).isEqualTo("en");
        assertThat(bundle.get("languages").get("en").get("input_file").asText()).isEqualTo("notes.md");
        assertThat(bundle.get("languages").get("en").get("warnings").toString()).doesNotContain("slug-from-other-file");
    }

    @Test
    void aSecondFileClaimingTheSameSlugIsPublishedAsTheNextVersionWithAWarningNamingBothFiles() {
        PipelineHome home = new PipelineHome(temp);
        String presentation = " Nous présentons ici notre équipe, nos services et la manière dont nous travaillons avec nos clients.";
        dropAndRun(home, "inbox/accueil.md", article("Bienvenue", "slug: bienvenue\n", "Bonjour à toutes et à tous." + presentation));
        dropAndRun(home, "inbox/presentation.md", article("Présentation", "slug: bienvenue\n", "Une autre page, copiée de la première." + presentation));

        JsonNode fr = home.bundle("bienvenue").get("languages").get("fr");
        assertThat(home.bundle("bienvenue").get("version").asInt()).isEqualTo(2);
        assertThat(fr.get("warnings")).anySatisfy(warning -> {
            assertThat(warning.get("code").asText()).isEqualTo("slug-from-other-file");
            assertThat(warning.get("message").asText()).contains("presentation.md", "accueil.md", "its own slug");
        });
    }

    @Test
    void anAuthorWhoAddsLangAfterALanguageAssumedWarningGetsTheLanguageTheySay() {
        PipelineHome home = new PipelineHome(temp);
        dropAndRun(home, "inbox/short.md", article("Short notes", "", "Faster imports and shorter pages today."));
        assertThat(home.bundle("short").get("source_language").asText()).as("assumed").isEqualTo("fr");

        dropAndRun(home, "inbox/short.md", article("Short notes", "lang: en\n", "Faster imports and shorter pages today."));

        JsonNode bundle = home.bundle("short");
        assertThat(bundle.get("version").asInt()).isEqualTo(2);
        assertThat(bundle.get("source_language").asText()).isEqualTo("en");
        assertThat(bundle.get("languages").has("fr")).isFalse();
        assertThat(bundle.get("translations").has("en")).as("no translation into its own language").isFalse();
        assertThat(home.files("outbox/published/short")).contains("index.en.md").doesNotContain("index.fr.md");
    }

    @Test
    void aDeclaredLanguageTheTextContradictsStandsWithAWarning() {
        PipelineHome home = new PipelineHome(temp);
        dropAndRun(home, "inbox/copie.md", article("Copié d'un article anglais", "lang: en-US\n",
                "Cet article a gardé l'en-tête d'un article anglais, mais tout son texte est écrit en français, "
                        + "du premier paragraphe jusqu'au dernier, pour les lecteurs de Montréal."));

        JsonNode bundle = home.bundle("copie");
        assertThat(bundle.get("source_language").asText()).isEqualTo("en");
        assertThat(bundle.get("languages").get("en").get("warnings")).anySatisfy(warning -> {
            assertThat(warning.get("code").asText()).isEqualTo("language-mismatch");
            assertThat(warning.get("message").asText()).contains("lang says 'en' but the text reads as 'fr'");
            assertThat(warning.get("line").asInt()).isEqualTo(5);
        });
    }

    @Test
    void aTranslationDroppedIntoTheArticleInboxSaysWhereItBelongs() {
        PipelineHome home = new PipelineHome(temp).publishSeed("seed.txt");
        home.drop("inbox/role-cmo-pme.en.md", Translator.fill(home.read("outbox/translations/EN/role-cmo-pme.md"),
                PipelineHome.resource(SeedArticleTest.SEED_EN)));
        dropAndRun(home, "inbox/role-cmo-pme.en.xlf", home.read("outbox/translations/EN/role-cmo-pme.xlf"));

        for (String file : List.of("role-cmo-pme.en.md", "role-cmo-pme.en.xlf")) {
            JsonNode errors = home.json("outbox/rejected/" + file + ".errors.json").get("errors");
            assertThat(errors).as(file).singleElement().satisfies(error -> {
                assertThat(error.get("code").asText()).isEqualTo("translation-in-inbox");
                assertThat(error.get("message").asText()).contains("drop it into inbox/translations/EN/");
            });
        }
    }

    @Test
    void anAuthorsSlugIsPublishedNormalisedInEveryLanguageAsBundleJsonGivesIt() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        dropAndRun(home, "inbox/ete.md", article("L'été à Montréal", "slug: \"Été à Montréal\"\nlang: fr\n", SUMMER));

        JsonNode languages = home.bundle("ete-a-montreal").get("languages");
        assertThat(languages.get("fr").get("warnings").toString()).contains("slug-normalised");
        for (String language : List.of("fr", "en")) {
            assertThat(languages.get(language).get("url").asText()).isEqualTo("http://localhost:1313/" + language + "/ete-a-montreal/");
            assertThat(frontMatter(home, "outbox/published/ete-a-montreal/index." + language + ".md")).as(language)
                    .containsPattern("(?m)^slug: ete-a-montreal$").doesNotContain("slug: Été");
        }
    }

    /**
     * Hugo's url and aliases name one page's addresses: the source's. Copied into the
     * translation, they put both languages at one address (Hugo keeps one page, the other is
     * lost) while bundle.json promised each its own.
     */
    @Test
    void theSourcesUrlAndAliasesStayOnItsOwnPageAndBundleJsonGivesTheUrlHugoUses() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        dropAndRun(home, "inbox/ete.md", article("L'été à Montréal",
                "lang: fr\nurl: /fr/festivals/ete-montreal\naliases:\n  - /ancienne-page/\n  - vieux-festival\n", SUMMER));

        String fr = frontMatter(home, "outbox/published/ete/index.fr.md");
        String en = frontMatter(home, "outbox/published/ete/index.en.md");
        assertThat(fr).contains("url: /fr/festivals/ete-montreal\n").contains("- /ancienne-page/\n");
        assertThat(en).doesNotContain("url:").doesNotContain("aliases").doesNotContain("ancienne-page").contains("date: \"2025-03-05\"");
        JsonNode languages = home.bundle("ete").get("languages");
        assertThat(languages.get("fr").get("url").asText()).as("where Hugo puts a url: from the site's root, a folder")
                .isEqualTo("http://localhost:1313/fr/festivals/ete-montreal/");
        assertThat(languages.get("en").get("url").asText()).isEqualTo("http://localhost:1313/en/ete/");
        assertThat(home.read("outbox/published/ete/index.en.html"))
                .contains("hreflang=\"fr\" href=\"http://localhost:1313/fr/festivals/ete-montreal/\"");
    }

    /** A French article of two paragraphs, long enough to tell its language. */
    private static final String SUMMER = """
            L'été à Montréal est une saison de festivals, de terrasses et de longues soirées au bord du fleuve. Les habitants profitent de chaque journée de soleil.

            Les touristes viennent du monde entier pour le festival de jazz, qui anime le centre-ville pendant deux semaines.""";

    private static String frontMatter(PipelineHome home, String file) {
        String text = home.read(file);
        return text.substring(0, text.indexOf("\n---\n", 4) + 1);
    }

    /** An article dated 2025-03-05 by one author: the title, any other front-matter lines, the body. */
    private static String article(String title, String moreFrontMatter, String body) {
        return "---\ntitle: \"" + title + "\"\ndate: 2025-03-05\nauthor: \"Marie\"\n" + moreFrontMatter + "---\n\n" + body + "\n";
    }

    /** Drops a file into the home and runs the pipeline once over it, which must succeed. */
    private static void dropAndRun(PipelineHome home, String relative, String text) {
        home.drop(relative, text);
        assertThat(home.runOnce()).isZero();
    }
}
