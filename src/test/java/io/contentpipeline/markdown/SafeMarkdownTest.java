package io.contentpipeline.markdown;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SafeMarkdownTest {

    private final SafeMarkdown safe = new SafeMarkdown(new MarkdownEngine());

    @Test
    void rawHtmlLosesWhatThePolicyRefusesAndKeepsTheRestAsWritten() {
        assertThat(safe.clean("Avant.\n\n<script>alert(\"xss\")</script>\n\nAprès.\n")).isEqualTo("Avant.\n\n\n\nAprès.\n");
        assertThat(safe.clean("<div onclick=\"steal()\">Clic</div>\n")).isEqualTo("<div>Clic</div>\n");
        assertThat(safe.clean("Un <a href=\"javascript:alert(2)\">lien</a>.\n")).isEqualTo("Un <a>lien</a>.\n");
        assertThat(safe.clean("<img src=x onerror=\"alert(3)\">\n")).isEqualTo("<img src=x>\n");
        assertThat(safe.clean("<iframe src=\"https://evil.example/\"></iframe>\n")).isEqualTo("\n");
        assertThat(safe.clean("<form action=\"/x\"><button formaction=\"javascript:alert(1)\">go</button></form>\n")).isEqualTo("\n");
        assertThat(safe.clean("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>\n")).isEqualTo("<a>x</a>\n");
    }

    @Test
    void inlineScriptGoesWithItsContentWithinTheParagraph() {
        assertThat(safe.clean("Texte <script>alert(1)</script> suite.\n")).isEqualTo("Texte  suite.\n");
        assertThat(safe.clean("Texte <SCRIPT>alert(1)\n")).isEqualTo("Texte alert(1)\n");
    }

    @Test
    void tagsAreReadAsTheBrowserReadsThemNotAsCommonMarkDoes() {
        // CommonMark calls these text or a comment; a browser sees the handler.
        assertThat(safe.clean("<div>\n<img/src=\"x\"/onerror=alert(1)>\n</div>\n")).isEqualTo("<div>\n<img/src=\"x\">\n</div>\n");
        assertThat(safe.clean("<!-- c --> <script>alert(1)</script>\n")).isEqualTo("<!-- c --> \n");
        assertThat(safe.clean("<p title=\"a\"onclick=\"b\">t</p>\n")).doesNotContain("onclick").contains(">t</p>");
        assertThat(safe.clean("<a href=\"jav&#x61;script&colon;alert(1)\">x</a>\n")).isEqualTo("<a>x</a>\n");
        // Inside a block quote the parser sees "<div onclick=...>": so must the sanitiser.
        assertThat(safe.clean("> <div\n> onclick=\"x\">\n> hi</div>\n")).isEqualTo("> <div>\n> hi</div>\n");
        // flexmark reads {...} as attributes; Hugo's goldmark reads the tag inside as HTML.
        assertThat(safe.clean("a {title=\"<img src=x onerror=alert(1)>\"} b\n")).isEqualTo("a {title=\"<img src=x>\"} b\n");
    }

    @Test
    void aTagOrCommentLeftOpenCannotSwallowWhatFollows() {
        // Left open, the comment would end inside the later title and let the <img> out.
        String hidden = "<div><!--</div>\n\nTexte <a title=\"--><img src=x onerror=alert(1)>\">t</a>\n";
        assertThat(safe.clean(hidden)).isEqualTo("<div>\n\nTexte <a title=\"--><img src=x onerror=alert(1)>\">t</a>\n");
        assertThat(safe.clean("<div>\n<img title=\"x\n\nSuite.\n")).isEqualTo("<div>\n\n\nSuite.\n");
    }

    @Test
    void markdownLinksToScriptGoNowhereAndKeepTheirText() {
        String hostile = "[x](javascript:alert(1)) ![i](data:text/html;base64,PHNjcmlwdD4=) [y](jav&#x61;script:alert(1))"
                + " [z](javascript\\:alert(1)) [w](<JavaScript:alert(1)> \"t\") [r][ref]\n\n[ref]: VBScript:msgbox(1)\n";

        assertThat(safe.clean(hostile))
                .isEqualTo("[x](#) ![i](#) [y](#) [z](#) [w](<#> \"t\") [r][ref]\n\n[ref]: #\n");
    }

    @Test
    void aScriptAutolinkBecomesTheTextItShowed() {
        assertThat(safe.clean("Voir <javascript:alert(1)>.\n")).isEqualTo("Voir javascript\\:alert\\(1\\).\n");
    }

    @Test
    void harmlessLinksAndWordPressHtmlAreLeftByteForByte() {
        String markdown = """
                <!-- wp:paragraph -->
                <p>Un <a href="/x/" target="_blank" rel="noopener">lien</a>, un <a href="#note">renvoi</a>,<br>
                un <a href="mailto:a@b.ca">courriel</a> et <a href="https://example.com/?a=1&amp;b=2">un site</a>.</p>
                <!-- /wp:paragraph -->

                <details class="faq" open><summary>Question</summary>

                Réponse avec [un lien](../autre/#ancre), ![une image](images/a.png "titre") et <https://example.com>.

                </details>

                <table class="x"><tr><td colspan="2">Cellule</td></tr></table>
                """;

        assertThat(safe.clean(markdown)).isSameAs(markdown);
    }

    @Test
    void attributesTheSafelistRefusesGoAsOnTheHtmlPageButTheStructureStays() {
        assertThat(safe.clean("<ul class=\"wp-block-list\">\n<li>un</li>\n</ul>\n")).isEqualTo("<ul>\n<li>un</li>\n</ul>\n");
        assertThat(safe.clean("<figure class=\"wp-block-image\"><img loading=\"lazy\" src=\"a.png\" alt=\"A\"></figure>\n"))
                .isEqualTo("<figure><img src=\"a.png\" alt=\"A\"></figure>\n");
    }

    @Test
    void codeIsNeverTouched() {
        String markdown = """
                Du code : `<script>alert(1)</script>` et `[x](javascript:alert(1))`.

                ```html
                <script>alert(2)</script>
                <a href="javascript:alert(3)">x</a>
                ```

                    <img src=x onerror="alert(4)">
                """;

        assertThat(safe.clean(markdown)).isSameAs(markdown);
    }

    @Test
    void theBodyOfAHighlightShortcodeIsCodeAndStaysAsWritten() {
        String markdown = """
                Le code : {{< highlight html "linenos=table,hl_lines=2" >}}
                <script>alert(1)</script>
                <div onclick="steal()">Clic</div>

                [x](javascript:alert(2)) {{< figure caption="<img src=x onerror=alert(3)>" >}}
                {{< / highlight >}}

                {{< highlight js >}}<img src=x onerror=alert(4)>{{< /highlight >}}
                """;

        assertThat(safe.clean(markdown)).isSameAs(markdown);
    }

    @Test
    void aroundAHighlightShortcodeEverythingIsCleanedAsBefore() {
        String markdown = """
                <script>alert(1)</script> <div onclick="x">
                {{< highlight html "javascript:alert(2)" >}}
                <script>alert(3)</script>
                {{< /highlight >}}
                </div>

                [x](javascript:alert(4))
                """;

        assertThat(safe.clean(markdown)).isEqualTo("""
                 <div>
                {{< highlight html "#" >}}
                <script>alert(3)</script>
                {{< /highlight >}}
                </div>

                [x](#)
                """);
    }

    @Test
    void aHighlightShortcodeHugoMightReadOtherwiseIsCleanedLikeAnyText() {
        for (String doubtful : new String[] {
                // Self-closing: no body at all.
                "{{< highlight html />}}\n<script>alert(1)</script>\n{{< /highlight >}}\n",
                // Never closed, closed in another notation or case, or with a nested opening first.
                "{{< highlight html >}}\n<script>alert(1)</script>\n",
                "{{< highlight html >}}\n<script>alert(1)</script>\n{{% /highlight %}}\n",
                "{{< highlight html >}}\n<script>alert(1)</script>\n{{< /Highlight >}}\n",
                "{{< highlight html >}}\n{{< highlight js >}}\n<script>alert(1)</script>\n{{< /highlight >}}x{{< /highlight >}}\n",
                // Markdown notation: Hugo renders the highlighter's output as Markdown again.
                "{{% highlight html %}}\n<script>alert(1)</script>\n{{% /highlight %}}\n",
                // Another shortcode whose name starts the same.
                "{{< highlighter html >}}\n<script>alert(1)</script>\n{{< /highlighter >}}\n",
                // Where a quoted ">}}" ends the opening tag, and how an escaped quote reads, is Hugo's to say.
                "{{< highlight html \"a>}}\n<script>alert(1)</script>\n\" >}}x{{< /highlight >}}\n",
                "{{< highlight html \"a\\\" >}}<script>alert(1)</script>\" >}}x{{< /highlight >}}\n",
                "{{< highlight html \"<b>\" >}}\n<script>alert(1)</script>\n{{< /highlight >}}\n"}) {
            // Only the script goes, as it would in any text: the shortcode's tags and the rest stay as written.
            assertThat(safe.clean(doubtful)).as(doubtful).isEqualTo(doubtful.replace("<script>alert(1)</script>", ""));
        }
    }

    @Test
    void aBodyThatCannotRunScriptIsNotEvenParsed() {
        assertThat(SafeMarkdown.mayRunScript("# Titre\n\nDu texte, [un lien](https://a.ca/x:y) et R&D.\n")).isFalse();
        assertThat(SafeMarkdown.mayRunScript("[x](javascript\\:alert(1))")).isTrue();
        assertThat(SafeMarkdown.mayRunScript("[x](jav&#x61;script:alert(1))")).isTrue();
        assertThat(SafeMarkdown.mayRunScript("[x](DATA:text/html,x)")).isTrue();
    }

    @Test
    void whatTakingATagOutJoinsIsCleanedToo() {
        for (String hostile : new String[] {
                "<scr<script>ipt>alert(1)</scr<script>ipt>\n",
                "Texte <<x>img src=x onerror=alert(1)> suite.\n",
                "<center>\n[x](javascript:alert(1))\n</center>\n"}) {
            String cleaned = safe.clean(hostile);
            assertThat(cleaned).as(hostile).doesNotContainIgnoringCase("<script").doesNotContain("onerror", "javascript:");
            assertThat(safe.clean(cleaned)).as("settled: " + hostile).isEqualTo(cleaned);
        }
    }

    @Test
    void shortcodeParametersGetThePolicyEvenInsideCode() {
        String inCode = "```\n{{< figure src=\"a.png\" caption=\"<img src=x onerror=alert(1)>\" >}}\n```\n";
        String linked = "Voir {{< figure src=\"a.png\" link='javascript:alert(1)' >}} ici.\n";

        assertThat(safe.clean(inCode)).isEqualTo("```\n{{< figure src=\"a.png\" caption=\"<img src=x>\" >}}\n```\n");
        assertThat(safe.clean(linked)).isEqualTo("Voir {{< figure src=\"a.png\" link='#' >}} ici.\n");
        String plain = "```\n{{< figure src=\"a.png\" caption=\"Une <em>belle</em> image\" >}}\n```\n";
        assertThat(safe.clean(plain)).isEqualTo(plain);
    }

    @Test
    void shortcodesThatEmbedAnotherSitesScriptOrFrameAreLeftOut() {
        assertThat(safe.clean("Avant.\n\n{{< gist attaquant 0123456789abcdef >}}\n\nAprès.\n")).isEqualTo("Avant.\n\n\n\nAprès.\n");
        assertThat(safe.clean("Vidéo : {{% youtube w7Ft2ymGmfc %}} ici.\n")).isEqualTo("Vidéo :  ici.\n");
        assertThat(SafeMarkdown.embeds("{{< gist a b >}} {{< figure src=\"x.png\" >}} {{< tweet user=\"a\" id=\"1\" >}}"))
                .containsExactly("gist", "tweet");
        String figure = "{{< figure src=\"a.png\" caption=\"Une image\" >}}\n";
        assertThat(safe.clean(figure)).isEqualTo(figure);
    }

    /** A shortcode quoted in a highlight body is code Hugo shows, here and on our page: nothing is left out, so nothing to tell. */
    @Test
    void anEmbedQuotedInAHighlightBodyIsCodeNotAnEmbed() {
        String markdown = "{{< highlight go-html-template >}}\n{{< gist attaquant 0123 >}}\n{{< /highlight >}}\n\n{{< youtube w7Ft2ymGmfc >}}\n";

        assertThat(SafeMarkdown.embeds(markdown)).containsExactly("youtube");
        assertThat(safe.clean(markdown)).isEqualTo("{{< highlight go-html-template >}}\n{{< gist attaquant 0123 >}}\n{{< /highlight >}}\n\n\n");
    }

    /** Valid Hugo: no space after the delimiter. CommonMark reads "<figure …>" in it as a tag; Hugo reads a shortcode. */
    @Test
    void aShortcodeWrittenWithoutSpacesIsKeptWhole() {
        for (String kept : new String[] {
                "{{<figure src=\"/a.png\" title=\"x\">}}\n",
                "Une image {{<figure src=\"/a.png\" title=\"Un titre\" caption=\"Une <em>belle</em> image\">}} dans le texte.\n",
                "{{<tabpane text=true>}}\n{{<tab header=\"Linux\">}}\n\nDu texte.\n\n{{</tab>}}\n{{</tabpane>}}\n",
                "<div>\n{{<figure src=\"/a.png\">}}\n</div>\n",
                // Named like a refused tag, still a shortcode: Hugo runs the site's template of that
                // name or stops the build (0.111: "template for shortcode "script" not found").
                "{{<script>}}\n",
                "{{<highlight html>}}\n<script>alert(1)</script>\n{{</highlight>}}\n"}) {
            assertThat(safe.clean(kept)).as(kept).isEqualTo(kept);
        }
    }

    @Test
    void aShortcodeWrittenWithoutSpacesHasItsParametersCleanedAsWithSpaces() {
        assertThat(safe.clean("{{<figure src=\"javascript:alert(1)\" caption=\"<img src=x onerror=alert(2)>\">}}\n"))
                .isEqualTo("{{<figure src=\"#\" caption=\"<img src=x>\">}}\n");
        assertThat(safe.clean("{{< figure src=\"javascript:alert(1)\" caption=\"<img src=x onerror=alert(2)>\" >}}\n"))
                .isEqualTo("{{< figure src=\"#\" caption=\"<img src=x>\" >}}\n");
        assertThat(safe.clean("Avant {{<gist attaquant 0123>}} après.\n")).isEqualTo("Avant  après.\n");
        assertThat(safe.clean("{{<figure caption=\"x\">}} <script>alert(1)</script> [a](javascript:alert(2))\n"))
                .as("around it, everything is cleaned as before").isEqualTo("{{<figure caption=\"x\">}}  [a](#)\n");
    }

    @Test
    void cleaningTwiceChangesNothingMore() {
        String hostile = resource("xss/script-in-markdown.md");
        String once = safe.clean(hostile);

        assertThat(safe.clean(once)).isEqualTo(once);
        assertThat(once).doesNotContain("<script", "onclick", "onerror", "javascript:", "data:");
    }

    private static String resource(String name) {
        try (InputStream in = SafeMarkdownTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
