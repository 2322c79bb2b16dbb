package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ids the publish stage writes into raw HTML headings (for Hugo, which gives them none)
 * are in the published Markdown of the source and of its translation, as the outline gives
 * them; they are no part of the translation: the next draft offers the translator's text back
 * without them. A real WordPress-exported French article and its real English translation
 * (Canadian Digital Service, "Cap sur la cybersécurité avec Sherry Rumbolt").
 */
class PublishedHeadingIdsTest {

    private static final String FR = "corpus/pairs/cds-blog-cyber-safe-sherry/fr.md";
    private static final String EN = "corpus/pairs/cds-blog-cyber-safe-sherry/en.md";

    @TempDir
    Path temp;

    @Test
    void headingIdsArePublishedButNotOfferedBackToTheTranslator() {
        PipelineHome home = new PipelineHome(temp);
        home.dropResource(FR, "sherry.md");
        assertThat(home.runOnce()).isZero();
        home.drop("inbox/translations/EN/sherry-en.md",
                Translator.fill(home.read("outbox/translations/EN/sherry.md"), PipelineHome.resource(EN)
                        .replaceFirst("\ndescription:", "\nsummary: Sherry Rumbolt shares her thoughts on cyber security.\ndescription:")));
        assertThat(home.runOnce()).isZero();
        JsonNode languages = home.bundle("sherry").get("languages");
        assertThat(languages.get("en").get("status").asText()).isEqualTo("current");

        for (String language : List.of("fr", "en")) {
            String published = home.read("outbox/published/sherry/index." + language + ".md");
            List<String> ids = new ArrayList<>();
            languages.get(language).get("outline").forEach(heading -> ids.add(heading.get("id").asText()));
            assertThat(ids).as(language).hasSize(6);
            ids.forEach(id -> assertThat(published).as(language).contains("<h2 id=\"" + id + "\">"));
        }
        assertThat(home.read("outbox/published/sherry/index.en.md"))
                .contains("<h2 id=\"what-made-you-interested-in-cyber-security-and-how-has-the-area-changed-during-your-career\"><strong>What made");

        // A new version of the source: the translation is offered back, as the translator wrote it.
        home.drop("inbox/sherry.md", PipelineHome.resource(FR).replace("Elle nous a confié ses pensées et quelques conseils.",
                "Elle nous a confié ses pensées et quelques conseils, que voici."));
        assertThat(home.runOnce()).isZero();
        String draft = home.read("outbox/translations/EN/sherry.md");
        assertThat(draft).contains("<h2><strong>What made you interested in cyber security and how has the area changed during your career?</strong></h2>")
                .doesNotContain("id=\"what-made-you-interested")
                .as("the author's id stays").contains("id=\"h-can-you-tell-us-about-yourself-and-the-work-you-do\"");
    }
}
