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

    /** A French article showing HTML code in a highlight shortcode; English is the default target. */
    private static final String HIGHLIGHT_CODE = """
            {{< highlight html >}}
            <button onclick="alert(1)">Cliquez ici</button>

            Une ligne du code, qui n'est pas à traduire.
            {{< /highlight >}}
            """;
    private static final String CODE_ARTICLE = """
            ---
            title: "Montrer du HTML dans une page"
            date: 2025-07-25
            description: "Comment montrer du code HTML dans une page Hugo sans l'exécuter."
            lang: fr
            slug: code-html
            ---
            Cet article montre un bouton écrit en HTML, dans un shortcode de Hugo, pour que le lecteur le copie tel quel.

            """ + HIGHLIGHT_CODE + """

            Le bouton affiche un message quand on clique dessus : c'est tout ce qu'il fait, et il le fait bien.
            """;

    /**
     * A highlight body is code, like a fenced block: the draft keeps it as written, no XLIFF
     * unit holds it, a pseudo-translation leaves it alone, and a return that changes it is rejected.
     */
    @Test
    void aHighlightBodyGoesToTranslatorsAsCodeAndMustComeBackAsWritten() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        home.drop("inbox/code-html.md", CODE_ARTICLE.replace("slug: code-html\n",
                "slug: code-html\nsummary: \"Un bouton en HTML, montré sans être exécuté.\"\n"));

        assertThat(home.runOnce()).isZero();

        String draft = home.read("outbox/translations/EN/code-html.md");
        assertThat(draft).contains("\n\n" + HIGHLIGHT_CODE + "\n");
        String xliff = home.read("outbox/translations/EN/code-html.xlf");
        assertThat(xliff).contains("<unit id=\"p-").doesNotContain("alert(", "Cliquez", "pas à traduire", "highlight");
        JsonNode en = home.bundle("code-html").get("languages").get("en");
        assertThat(en.get("status").asText()).as("the pseudo-translation was accepted").isEqualTo("current");
        assertThat(en.get("warnings")).noneSatisfy(w -> assertThat(w.get("code").asText()).startsWith("code-block"));
        String english = home.read("outbox/published/code-html/index.en.md");
        assertThat(english).contains("\n\n" + HIGHLIGHT_CODE + "\n").contains("[Çét áŕtîçĺé");

        String translated = draft
                .replace("Cet article montre un bouton écrit en HTML, dans un shortcode de Hugo, pour que le lecteur le copie tel quel.",
                        "This article shows a button written in HTML, in a Hugo shortcode, for readers to copy as it is.")
                .replace("Le bouton affiche un message quand on clique dessus : c'est tout ce qu'il fait, et il le fait bien.",
                        "The button shows a message when clicked: that is all it does, and it does it well.")
                .replace("Une ligne du code, qui n'est pas à traduire.", "A line of the code, which is not to be translated.");
        home.drop("inbox/translations/EN/code-html.md", translated);
        assertThat(home.runOnce()).isZero();

        assertThat(home.json("outbox/rejected/code-html.md.errors.json").get("errors"))
                .filteredOn(e -> e.get("code").asText().equals("code-block-changed")).singleElement()
                .satisfies(e -> assertThat(e.get("line").asInt()).as("the opening tag's line in the return")
                        .isEqualTo(lineOf(translated, "{{< highlight html >}}")));
    }

    /** Our own page shows a highlight body as Hugo does: a code block, escaped, not HTML to sanitise. */
    @Test
    void ourHtmlPageShowsAHighlightBodyAsACodeBlock() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/code-html.md", CODE_ARTICLE);

        assertThat(home.runOnce()).isZero();

        assertThat(home.read("outbox/published/code-html/index.fr.html"))
                .contains("<pre><code class=\"language-html\">&lt;button onclick=\"alert(1)\"&gt;Cliquez ici&lt;/button&gt;\n\n"
                        + "Une ligne du code, qui n'est pas à traduire.\n</code></pre>")
                .doesNotContain("{{");
        JsonNode french = home.bundle("code-html").get("languages").get("fr");
        assertThat(french.get("warnings")).noneSatisfy(w -> assertThat(w.get("code").asText()).isEqualTo("unsafe-html-removed"));
        assertThat(french.get("summary").asText()).as("code is no prose").doesNotContain("alert(", "Cliquez", "pas à traduire");
    }

    /**
     * {{<figure …>}}, without spaces, is as valid in Hugo as {{< figure … >}}: it is published,
     * sent for translation and taken back whole, as a shortcode, and our own page and summary
     * leave it out, as they leave out any shortcode. So is a highlight shortcode written that way.
     */
    @Test
    void aShortcodeWrittenWithoutSpacesIsPublishedAndTranslatedWhole() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.pseudo-translate", "true"));
        String figure = "{{<figure src=\"/images/bouton.png\" title=\"Le bouton\" caption=\"<b>Figure 1</b> : le bouton\">}}";
        String code = "{{<highlight html>}}\n<button onclick=\"alert(1)\">Cliquez ici</button>\n{{</highlight>}}";
        home.drop("inbox/figure.md", """
                ---
                title: "Une figure et du code"
                date: 2025-07-25
                lang: fr
                ---
                Cet article montre une figure écrite sans espaces, comme Hugo le permet, puis le code du bouton qu'elle montre.

                """ + figure + """


                """ + code + """


                Le bouton affiche un message quand on clique dessus : c'est tout ce qu'il fait, et il le fait bien.
                """);

        assertThat(home.runOnce()).isZero();

        for (String language : new String[]{"fr", "en"}) {
            assertThat(home.read("outbox/published/figure/index." + language + ".md")).as(language)
                    .contains("\n\n" + figure + "\n\n" + code + "\n\n");
            assertThat(home.read("outbox/published/figure/index." + language + ".html")).as(language)
                    .doesNotContain("{{", "Figure 1", "bouton.png")
                    .contains("<pre><code class=\"language-html\">&lt;button onclick=\"alert(1)\"&gt;Cliquez ici&lt;/button&gt;\n</code></pre>");
        }
        JsonNode languages = home.bundle("figure").get("languages");
        assertThat(languages.get("en").get("status").asText()).as("the pseudo-translation was accepted").isEqualTo("current");
        assertThat(languages.get("fr").get("summary").asText()).doesNotContain("{{", "Figure 1", "bouton.png", "alert(");
        assertThat(languages.get("fr").get("warnings")).noneSatisfy(w -> assertThat(w.get("code").asText()).isEqualTo("unsafe-html-removed"));
        assertThat(home.read("outbox/translations/EN/figure.md")).contains("\n\n" + figure + "\n\n" + code + "\n\n");
        String xliff = home.read("outbox/translations/EN/figure.xlf");
        assertThat(xliff).as("the figure is one protected code, the highlight in no unit")
                .contains("<data id=\"d1\">{{&lt;figure src=\"/images/bouton.png\" title=\"Le bouton\" caption=\"&lt;b>Figure 1&lt;/b> : le bouton\">}}</data>")
                .doesNotContain("alert(", "highlight");
    }

    private static int lineOf(String text, String line) {
        return text.substring(0, text.indexOf(line)).split("\n", -1).length;
    }
}
