package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Summaries, descriptions, detection and outlines through the real routes, on real articles. */
class LanguageIntelligenceTest {

    @TempDir
    Path temp;

    @Test
    void withoutAuthorSummaryAndDescriptionTheSeedGetsWholeFrenchSentencesAboutTheCmo() {
        PipelineHome home = new PipelineHome(temp);
        String seed = PipelineHome.resource(SeedArticleTest.SEED);
        String stripped = Pattern.compile("^(summary|description): .*\\n", Pattern.MULTILINE).matcher(seed).replaceAll("");
        home.drop("inbox/seed.md", stripped);

        assertThat(home.runOnce()).isZero();

        JsonNode fr = home.bundle("role-cmo-pme").get("languages").get("fr");
        assertThat(fr.get("summary_source").asText()).isEqualTo("derived");
        assertThat(fr.get("description_source").asText()).isEqualTo("derived");
        assertThat(fr.get("detected_language").asText()).isEqualTo("fr");
        String summary = fr.get("summary").asText();
        String description = fr.get("description").asText();
        assertThat(summary).hasSizeLessThanOrEqualTo(300).contains("CMO").endsWith(".");
        assertThat(description).hasSizeLessThanOrEqualTo(160).contains("CMO");
        for (String sentence : summary.split("(?<=\\.) ")) {
            assertThat(seed).as("a whole sentence of the article").contains(sentence);
        }
    }

    @Test
    void aFrenchTextReturnedAsEnglishIsRejectedNamingBothLanguages() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String draft = home.read("outbox/translations/EN/role-cmo-pme.md");
        String frenchBodyEnglishTitle = draft.replaceFirst("title: \"Le rôle du CMO[^\\n]*", "title: \"The CMO's role in an SME\"")
                .replace("il n'exécute pas les tâches", "il ne fait pas les tâches");

        home.drop("inbox/translations/EN/still-french.md", frenchBodyEnglishTitle);
        assertThat(home.runOnce()).isZero();

        JsonNode errors = home.json("outbox/rejected/still-french.md.errors.json").get("errors");
        assertThat(errors).filteredOn(e -> e.get("code").asText().equals("translation-wrong-language")).singleElement()
                .satisfies(e -> assertThat(e.get("message").asText()).contains("French (fr)").contains("English (en)"));
    }

    @Test
    void realCorpusArticlesGetTheirLanguageWholeSentenceSummariesAndTheirOutline() {
        PipelineHome home = new PipelineHome(temp);
        // An HTML body exported from WordPress, French, with a title over 70 characters.
        home.dropResource("corpus/pairs/cds-blog-dental-cxo-plan/fr.md", "dental.md");
        // English, no lang in front matter: detected, although the default source language is French.
        home.dropResource("corpus/pairs/cds-why-open-source-matters/en.md", "open-source.md");
        // OpenTelemetry: shortcodes and explicit {#id} headings; given a date, which docs pages lack.
        String otel = PipelineHome.resource("corpus/pairs/otel-docs-zero-code-python/fr.md").replaceFirst("\ntitle:", "\ndate: 2024-05-01\ntitle:");
        home.drop("inbox/otel-python.md", otel);
        // A parenthesis of two sentences: "(Oui, … sur ce projet! Il y a même des Steve honoraires.)"
        home.dropResource("corpus/pairs/cds-vac-cds-visit/fr.md", "vac.md");

        assertThat(home.runOnce()).isZero();

        JsonNode dental = home.bundle("dental").get("languages").get("fr");
        assertThat(dental.get("description_source").asText()).isEqualTo("author");
        assertThat(dental.get("summary_source").asText()).isEqualTo("derived");
        assertThat(dental.get("summary").asText()).doesNotContain("<p>").doesNotContain("&#8217;").endsWith(".");
        assertThat(dental.get("outline").get(1).get("id").asText()).isEqualTo("le-régime-canadien-de-soins-dentaires");
        assertThat(home.read("outbox/published/dental/index.fr.html")).contains("<h2 id=\"le-régime-canadien-de-soins-dentaires\">");

        JsonNode openSource = home.bundle("open-source");
        assertThat(openSource.get("source_language").asText()).isEqualTo("en");
        assertThat(openSource.get("languages").get("en").get("detection_confidence").asDouble()).isGreaterThan(0.9);
        assertThat(home.files("outbox/translations/EN")).doesNotContain("open-source.md");
        assertThat(home.resolve("outbox/sources/dental/v1.draft.md")).isRegularFile();
        assertThat(home.resolve("outbox/sources/open-source")).as("no draft, so no version to check a translation against")
                .doesNotExist();

        JsonNode python = home.bundle("otel-python").get("languages").get("fr");
        assertThat(python.get("summary_source").asText()).isEqualTo("derived");
        assertThat(python.get("summary").asText()).doesNotContain("{{").doesNotContain("alert").endsWith(".");
        assertThat(python.get("outline")).extracting(h -> h.get("id").asText())
                .containsExactly("setup", "configuring-the-agent", "supported-libraries-and-frameworks", "troubleshooting");
        assertThat(home.read("outbox/published/otel-python/index.fr.html")).doesNotContain("{{%").contains("<h2 id=\"setup\">");

        JsonNode vac = home.bundle("vac").get("languages").get("fr");
        assertThat(vac.get("summary_source").asText()).isEqualTo("derived");
        assertThat(vac.get("summary").asText()).as("no sentence cut out of the parenthesis").doesNotContain("honoraires.)")
                .satisfies(summary -> assertThat(summary.chars().filter(c -> c == '(').count())
                        .isEqualTo(summary.chars().filter(c -> c == ')').count()));
    }
}
