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

    /** Hugo escapes a highlight shortcode's body: its tags are code to show, and the page keeps them. */
    @Test
    void theCodeOfAHighlightShortcodeIsPublishedAsWritten() {
        PipelineHome home = new PipelineHome(temp);
        String code = """
                {{< highlight html >}}
                <script>alert(1)</script>
                <div onclick="steal()">Click</div>
                {{< /highlight >}}
                """;
        home.drop("inbox/highlight.md", """
                ---
                title: "Showing HTML in a page"
                date: 2025-07-25
                description: "How to show HTML code in a Hugo page without running it."
                lang: en
                ---
                This article shows some HTML code in a Hugo highlight shortcode: the code must stay as written.

                """ + code + """

                A real script outside the shortcode still goes: <script>alert(2)</script> and that is all.
                """);

        assertThat(home.runOnce()).isZero();

        String published = home.read("outbox/published/highlight/index.en.md");
        String body = published.substring(published.indexOf("\n---\n") + 5);
        assertThat(body).contains(code).contains("still goes:  and that is all.").doesNotContain("alert(2)");
    }
}
