package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.contentpipeline.translate.CorpusArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** With pseudo-translation on, a newcomer sees the whole round trip in one run, without a translator. */
class PseudoTranslationTest {

    @TempDir
    Path temp;

    @Test
    void draftsComeBackPseudoTranslatedThroughTheReturnFolderAndJoinTheBundle() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        home.publishSeed("seed.txt");

        JsonNode en = home.bundle("role-cmo-pme").get("languages").get("en");
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("warnings")).anySatisfy(w -> assertThat(w.get("code").asText()).isEqualTo("pseudo-translation"))
                .as("its [brackets] are not links").noneSatisfy(w -> assertThat(w.get("code").asText()).isEqualTo("structure-links"))
                .as("it keeps the source's French spacing on purpose").noneSatisfy(w -> assertThat(w.get("code").asText()).isEqualTo("typography"));
        String markdown = home.read("outbox/published/role-cmo-pme/index.en.md");
        assertThat(markdown).contains("### \\[Ŕôĺé ÇMÖ PMÉ : Ďéfîñîtîöñ páŕ BĹÖT Àñtöîñé ~")
                .contains("url: https://www.antoine-blot.com/responsable-marketing/")
                .contains("1 à 2 ");
        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(home.eventNames()).contains("translation.accepted");
    }

    /** French doubles words ("nous nous sommes réunis"); pseudo-text keeps them, and is not warned for them. */
    @Test
    void wordsTheSourceDoublesAreNotWarnedAbout() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        home.drop("inbox/reunion.md", """
                ---
                title: Notre réunion d'équipe
                date: 2024-03-01
                lang: fr
                ---
                Pour mieux comprendre le rôle d’un gestionnaire de produits au gouvernement, nous nous sommes réunis avec eux.

                Vous vous demandez peut-être pourquoi nous avons choisi cette approche pour notre équipe.
                """);
        assertThat(home.runOnce()).isZero();

        JsonNode en = home.bundle("reunion").get("languages").get("en");
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("warnings")).noneSatisfy(w -> assertThat(w.get("code").asText()).isEqualTo("doubled-word"));
        assertThat(home.read("outbox/published/reunion/index.en.md")).contains("ñöüš ñöüš");
    }

    /**
     * A translation can come out longer than its source (a pseudo-translation about 70 %): held
     * to the article limit, the pseudo-translation of an article near it was rejected as too
     * large (7.7 MB for a 4.6 MB article). Markdown returns have a limit of their own, twice the
     * article limit by default.
     */
    @Test
    void aReturnLongerThanTheArticleLimitIsTakenWithinItsOwnLimit() {
        int seedBytes = PipelineHome.resourceBytes(SeedArticleTest.SEED).length;
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true",
                "pipeline.max-file-bytes", String.valueOf(seedBytes + 100)));
        home.publishSeed("seed.txt");

        assertThat(home.read("outbox/published/role-cmo-pme/index.en.md").getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .as("the pseudo-translation is over the article limit").isGreaterThan(seedBytes + 100);
        assertThat(home.bundle("role-cmo-pme").get("languages").get("en").get("status").asText()).isEqualTo("current");
    }

    @Test
    void aReturnOverItsOwnLimitIsRejectedUnreadNamingThatLimit() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true", "pipeline.max-return-bytes", "1000"));
        home.publishSeed("seed.txt");

        assertThat(home.bundle("role-cmo-pme").get("translations").get("en").get("status").asText())
                .as("a file rejected unread names no article: the request stands").isEqualTo("requested");
        JsonNode error = home.json("outbox/rejected/role-cmo-pme.pseudo.md.errors.json").get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("file-too-large");
        assertThat(error.get("message").asText()).endsWith(" bytes; the limit for returned translations is 1000"
                + " (setting pipeline.max-return-bytes)");
    }

    /**
     * A source update reuses the accepted pseudo-translation of every unchanged segment: those
     * come back as they were, wrapped once, and only the changed paragraph is pseudo-translated.
     */
    @Test
    void anUpdateReusesTheEarlierPseudoTranslationWithoutWrappingItAgain() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        home.publishSeed("seed.txt");
        String before = home.read("outbox/published/role-cmo-pme/index.en.md");
        String heading = "### \\[Ŕôĺé ÇMÖ PMÉ : Ďéfîñîtîöñ páŕ BĹÖT Àñtöîñé ~";
        assertThat(before).contains(heading);

        home.drop("inbox/role.md", PipelineHome.resource(SeedArticleTest.SEED).replace("il n'exécute pas les tâches.",
                "il n'exécute pas les tâches lui-même."));
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("outbox/rejected")).as(() -> home.files("outbox/rejected").stream().filter(f -> f.endsWith(".json"))
                .map(f -> home.read("outbox/rejected/" + f)).toList().toString()).isEmpty();
        JsonNode en = home.bundle("role-cmo-pme").get("languages").get("en");
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("source_version").asInt()).isEqualTo(2);
        String after = home.read("outbox/published/role-cmo-pme/index.en.md");
        assertThat(after).as("no segment wrapped twice").doesNotContain("[[", "\\[\\[").contains(heading)
                .contains("îĺ ñ'éxéçüté páš ĺéš tâçhéš ĺüî-mêmé. ~");
        assertThat(body(after)).as("every other segment as accepted for version 1")
                .isEqualTo(body(before).replace("îĺ ñ'éxéçüté páš ĺéš tâçhéš.", "îĺ ñ'éxéçüté páš ĺéš tâçhéš ĺüî-mêmé."));
    }

    private static final String FIGURES = """
            ---
            title: Les chiffres de l'année
            date: 2024-01-01
            lang: fr
            ---
            Voici les chiffres de notre service pour cette année, présentés dans un tableau simple.

            | Année | Visites |
            | --- | --- |
            | 2019 | 1200 |
            """;

    /**
     * An update that changes only a segment with nothing to translate (a year in a table cell):
     * the return keeps it as it is, as a translator would, and is not held to have left it
     * untranslated.
     */
    @Test
    void anUpdatedSegmentWithNothingToTranslateMayComeBackAsItIs() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        home.drop("inbox/chiffres.md", FIGURES);
        assertThat(home.runOnce()).isZero();

        home.drop("inbox/chiffres.md", FIGURES.replace("| 2019 |", "| 2020 |"));
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("outbox/rejected")).isEmpty();
        JsonNode en = home.bundle("chiffres").get("languages").get("en");
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("source_version").asInt()).isEqualTo(2);
        assertThat(home.read("outbox/published/chiffres/index.en.md")).contains("| 2020 | 1200 |");
    }

    /**
     * Corpus articles whose pseudo-translations lost links, images or code, or were rejected:
     * reference-style links, links with titles, autolinks, nested brackets, raw HTML blocks,
     * shortcodes around a paragraph and in link destinations, attributes that end a block; and
     * a tag page without prose, whose derived description and summary are empty.
     */
    private static final List<String> HARD_ARTICLES = List.of(
            "pairs/otel-index/en.md",
            "pairs/otel-docs-zero-code-java-agent-configuration/fr.md",
            "pairs/otel-docs-zero-code-dotnet/en.md",
            "pairs/cds-accelerator-launch/fr.md",
            "singles/cds__en__tags__agile___index.md",
            "singles/otel__en__blog__2025__declarative-config.md",
            "singles/otel__en__blog__2024__year-in-review.md",
            "singles/otel__en__blog__2021__malabi.md",
            "singles/otel__fr__docs__zero-code__dotnet__getting-started.md",
            "singles/rust__en__Rust-1.9.md",
            "singles/rust__en__Project-Goals-2025-October-Update.md");
    /** Warnings that, in a pseudo-translation, can only mean it altered what it must leave alone. */
    private static final Set<String> LOSSES = Set.of("structure-links", "markup-changed", "number-missing", "code-unmarked");

    /** Real articles through the real routes, French ones into English and English ones into French: every return is accepted, nothing lost. */
    @Test
    void corpusArticlesComeBackPseudoTranslatedAndAreAcceptedWithNothingLost() throws IOException {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true", "pipeline.targets", "EN,FR"));
        List<Path> articles = CorpusArticles.all().stream().filter(article -> HARD_ARTICLES.contains(CorpusArticles.name(article))).toList();
        assertThat(articles).hasSameSizeAs(HARD_ARTICLES);
        for (Path article : articles) {
            home.drop("inbox/" + CorpusArticles.inboxName(article), CorpusArticles.input(article));
        }

        assertThat(home.runOnce()).isZero();

        List<String> failures = new ArrayList<>();
        for (String rejected : home.files("outbox/rejected")) {
            if (rejected.endsWith(".errors.json")) {
                home.json("outbox/rejected/" + rejected).get("errors").forEach(error -> failures.add(rejected + ": "
                        + error.get("code").asText() + " " + error.path("field").asText() + " " + error.get("message").asText()));
            }
        }
        List<String> slugs;
        try (Stream<Path> bundles = Files.list(home.resolve("outbox/published"))) {
            slugs = bundles.map(bundle -> bundle.getFileName().toString()).toList();
        }
        assertThat(slugs).hasSameSizeAs(articles);
        for (String slug : slugs) {
            JsonNode languages = home.bundle(slug).get("languages");
            if (languages.size() != 2) {
                failures.add(slug + ": languages " + languages.fieldNames().next() + " only");
            }
            languages.forEach(language -> language.path("warnings").forEach(warning -> {
                if (LOSSES.contains(warning.get("code").asText())) {
                    failures.add(slug + ": " + warning.get("code").asText() + " " + warning.get("message").asText());
                }
            }));
        }
        assertThat(failures).as("pseudo-translations rejected or with something lost").isEmpty();
    }

    private static String body(String page) {
        Matcher separator = Pattern.compile("\n---\n").matcher(page);
        assertThat(separator.find()).isTrue();
        return page.substring(separator.end()).replaceAll(" ~+]", " ~]");
    }
}
