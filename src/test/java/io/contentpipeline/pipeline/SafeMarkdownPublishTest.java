package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hugo renders index.&lt;lang&gt;.md again with raw HTML allowed: an article full of script
 * (raw tags, handlers, script links in HTML and in Markdown) is published, source and
 * translation, with none of it in any Markdown page, and its harmless HTML as written.
 */
class SafeMarkdownPublishTest {

    @TempDir
    Path temp;

    @Test
    void noPublishedMarkdownPageCarriesScriptInTheSourceOrItsTranslation() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        home.dropResource("xss/script-in-markdown.md", "piege.md");

        assertThat(home.runOnce()).isZero();

        JsonNode languages = home.bundle("piege").get("languages");
        assertThat(languages.has("en")).as("the pseudo-translation joined the bundle").isTrue();
        assertThat(languages.get("fr").get("warnings")).anySatisfy(w -> assertThat(w.get("code").asText()).isEqualTo("unsafe-html-removed"));
        for (String language : new String[]{"fr", "en"}) {
            String markdown = home.read("outbox/published/piege/index." + language + ".md");
            assertThat(markdown).as(language).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onclick")
                    .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("data:")
                    .doesNotContain("jav&#x61;script")
                    .contains("<!-- wp:paragraph -->", "<details><summary>", "target=\"_blank\" rel=\"noopener\"", "(../autre-article/#section)");
            // Our own page shows the autolink's text, "javascript:alert(4)", as text: no link, no script.
            assertThat(home.read("outbox/published/piege/index." + language + ".html")).as(language)
                    .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("onerror")
                    .doesNotContainPattern("(?i)(href|src)=\"(javascript|data):");
        }
    }
}
