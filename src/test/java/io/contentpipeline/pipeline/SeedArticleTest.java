package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first user's real article, end to end through the real routes with --once: accepted
 * despite its YAML flaw, published, drafted for translation, translated back, updated.
 */
class SeedArticleTest {

    static final String SEED = "seed/000_02568b89924bce3c.txt";
    static final String SEED_EN = "seed/role-cmo-pme.translated-en.md";

    @TempDir
    Path temp;

    @Test
    void theSeedIsPublishedWithOneWarningAtLine17AndAnEnglishDraft() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("000_02568b89924bce3c.txt");

        JsonNode bundle = home.bundle("role-cmo-pme");
        assertThat(bundle.get("version").asInt()).isEqualTo(1);
        assertThat(bundle.get("source_language").asText()).isEqualTo("fr");
        JsonNode fr = bundle.get("languages").get("fr");
        assertThat(fr.get("status").asText()).isEqualTo("source");
        assertThat(fr.get("summary_source").asText()).isEqualTo("author");
        assertThat(fr.get("url").asText()).isEqualTo("https://www.antoine-blot.com/blogue/role-cmo-pme/");
        assertThat(fr.get("warnings")).hasSize(1);
        assertThat(fr.get("warnings").get(0).get("line").asInt()).isEqualTo(17);
        assertThat(fr.get("warnings").get(0).get("code").asText()).isEqualTo("yaml-escape-repaired");
        assertThat(fr.get("outline").get(0).get("text").asText()).isEqualTo("Rôle CMO PME : Définition par BLOT Antoine");
        assertThat(fr.get("reading_time_minutes").asInt()).isEqualTo((fr.get("word_count").asInt() + 211) / 212);
        assertThat(bundle.get("translations").get("en").get("status").asText()).isEqualTo("requested");

        assertThat(home.files("outbox/published/role-cmo-pme"))
                .containsExactly("bundle.json", "index.fr.html", "index.fr.md");
        assertThat(home.read("outbox/published/role-cmo-pme/index.fr.md"))
                .contains("summary: \"BLOT Antoine définit le rôle du CMO en PME : missions stratégiques, gouvernance et l'option flexible");

        String draft = home.read("outbox/translations/EN/role-cmo-pme.md");
        assertThat(draft).contains("translation:\n  source: role-cmo-pme\n  source_lang: fr\n  target_lang: en\n  source_version: 1\n")
                .contains("title: \"Le rôle du CMO dans une PME")
                .contains("- anchor: directeur marketing à Montréal")
                .doesNotContain("canonical_url").doesNotContain("author:").doesNotContain("https://www.antoine-blot.com")
                .contains("### Rôle CMO PME : Définition par BLOT Antoine");

        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.files("outbox/archive/articles")).singleElement().asString().endsWith("_000_02568b89924bce3c.txt");
        assertThat(home.eventNames()).containsExactly("article.accepted", "translation.requested", "bundle.published");
        assertThat(home.read("outbox/CHANGELOG.md")).contains("**article.accepted** `role-cmo-pme` FR v1 — 000_02568b89924bce3c.txt:"
                + " warnings [a backslash before an apostrophe (\\') is not a YAML escape inside a double-quoted string;"
                + " read as an apostrophe: write the apostrophe without the backslash (line 17)]\n");
    }

    @Test
    void aReturnedEnglishTranslationJoinsTheBundleWithHreflangLinksBothWays() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("000_02568b89924bce3c.txt");

        home.drop("inbox/translations/EN/CMO role – final (EN).md", Translator.englishSeedReturn(home));
        assertThat(home.runOnce()).isZero();

        JsonNode bundle = home.bundle("role-cmo-pme");
        JsonNode en = bundle.get("languages").get("en");
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("title").asText()).isEqualTo("The CMO's role in an SME: more than a marketing project manager");
        assertThat(en.get("url").asText()).isEqualTo("http://localhost:1313/en/role-cmo-pme/");
        assertThat(bundle.get("translations").get("en").get("status").asText()).isEqualTo("current");
        assertThat(home.files("outbox/published/role-cmo-pme"))
                .containsExactly("bundle.json", "index.en.html", "index.en.md", "index.fr.html", "index.fr.md");

        String frHtml = home.read("outbox/published/role-cmo-pme/index.fr.html");
        String enHtml = home.read("outbox/published/role-cmo-pme/index.en.html");
        for (String html : new String[]{frHtml, enHtml}) {
            assertThat(html)
                    .contains("<link rel=\"alternate\" hreflang=\"fr\" href=\"https://www.antoine-blot.com/blogue/role-cmo-pme/\">")
                    .contains("<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost:1313/en/role-cmo-pme/\">")
                    .contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://www.antoine-blot.com/blogue/role-cmo-pme/\">");
        }
        assertThat(enHtml).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<link rel=\"canonical\" href=\"http://localhost:1313/en/role-cmo-pme/\">");

        String enMarkdown = home.read("outbox/published/role-cmo-pme/index.en.md");
        assertThat(enMarkdown).contains("author: BLOT Antoine")
                .contains("url: https://www.antoine-blot.com/responsable-marketing/\n    anchor: marketing director in Montreal")
                .doesNotContain("translation:").doesNotContain("canonical_url");
        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(home.eventNames()).endsWith("translation.accepted", "bundle.published");
    }

    @Test
    void anUpdatedArticleBumpsTheVersionReRequestsEnglishAndMarksTheOldEnglishOutdated() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("000_02568b89924bce3c.txt");
        home.drop("inbox/translations/EN/role.md", Translator.englishSeedReturn(home));
        assertThat(home.runOnce()).isZero();

        String updated = PipelineHome.resource(SEED).replace("il n'exécute pas les tâches", "il ne réalise pas les tâches lui-même");
        home.drop("inbox/role-cmo-pme-v2.md", updated);
        assertThat(home.runOnce()).isZero();

        JsonNode bundle = home.bundle("role-cmo-pme");
        assertThat(bundle.get("version").asInt()).isEqualTo(2);
        assertThat(bundle.get("languages").get("fr").get("source_version").asInt()).isEqualTo(2);
        assertThat(bundle.get("languages").get("en").get("status").asText()).isEqualTo("outdated");
        assertThat(bundle.get("languages").get("en").get("source_version").asInt()).isEqualTo(1);
        assertThat(bundle.get("translations").get("en").get("requested_version").asInt()).isEqualTo(2);
        assertThat(home.read("outbox/translations/EN/role-cmo-pme.md"))
                .contains("source_version: 2").contains("il ne réalise pas les tâches lui-même");
        assertThat(home.read("outbox/sources/role-cmo-pme/v1.md")).contains("il n'exécute pas les tâches");
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("translation.requested"))
                .extracting(e -> e.get("version").asInt()).containsExactly(1, 2);
    }

    @Test
    void theSameFileDroppedTwiceIsUnchangedAndNotRepublished() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("000_02568b89924bce3c.txt");
        String publishedAt = home.bundle("role-cmo-pme").get("published_at").asText();

        home.publishSeed("000_02568b89924bce3c.txt");

        assertThat(home.eventNames()).containsExactly(
                "article.accepted", "translation.requested", "bundle.published", "article.unchanged");
        assertThat(home.bundle("role-cmo-pme").get("published_at").asText()).isEqualTo(publishedAt);
        assertThat(home.bundle("role-cmo-pme").get("version").asInt()).isEqualTo(1);
        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.files("outbox/archive/articles")).hasSize(2);
    }
}
