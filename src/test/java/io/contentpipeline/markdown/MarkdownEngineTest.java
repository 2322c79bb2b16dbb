package io.contentpipeline.markdown;

import com.vladsch.flexmark.util.ast.Document;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.translate.CorpusArticles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownEngineTest {

    private final MarkdownEngine markdown = new MarkdownEngine();

    private SafeHtml.Cleaned page(String body) {
        return SafeHtml.sanitise(markdown.render(markdown.parse(body)));
    }

    /** Hugo gives a highlight body to its highlighter, which escapes it: our page shows it as code too, not as HTML to sanitise. */
    @Test
    void aHighlightBodyIsACodeBlockOnOurPage() {
        SafeHtml.Cleaned page = page("""
                Un bouton :

                {{< highlight html "linenos=table" >}}
                <button onclick="alert(1)">Cliquez</button>
                <script>alert(2)</script>

                # Pas un titre
                {{< /highlight >}}

                La suite.
                """);

        assertThat(page.html()).isEqualTo("""
                <p>Un bouton :</p>
                <pre><code class="language-html">&lt;button onclick="alert(1)"&gt;Cliquez&lt;/button&gt;
                &lt;script&gt;alert(2)&lt;/script&gt;

                # Pas un titre
                </code></pre>
                <p>La suite.</p>
                """);
        assertThat(page.removed()).as("nothing removed: no unsafe-html-removed warning").isEmpty();
    }

    @Test
    void aHighlightBodyIsNoProseNoHeadingAndNoPartOfTheSummary() {
        Document document = markdown.parse("""
                Avant le code.

                {{< highlight md >}}
                # Un titre dans le code

                Une phrase du code.
                {{< /highlight >}}

                Après le code, {{< highlight python >}}x = 1{{< /highlight >}} dans la phrase.
                """);

        assertThat(ProseBlocks.of(document)).extracting(ProseBlock::text)
                .containsExactly("Avant le code.", "Après le code, dans la phrase.");
        assertThat(markdown.outline(document)).isEmpty();
        assertThat(SafeHtml.clean(markdown.render(document))).contains("<pre><code class=\"language-md\"># Un titre dans le code\n\nUne phrase du code.\n</code></pre>")
                .contains("<pre><code class=\"language-python\">x = 1\n</code></pre>");
    }

    /** Hugo highlights a body without the indentation of its shortcode's line (.InnerDeindent): a list item's. */
    @Test
    void inAListItemTheCodeLosesTheIndentationOfItsShortcodeAsInHugo() {
        String html = page("1. Installez :\n\n   {{< highlight sh >}}\n   npm install <x>\n       --global\n   {{< /highlight >}}\n").html();

        assertThat(html).contains("<p>Installez :</p>\n<pre><code class=\"language-sh\">npm install &lt;x&gt;\n    --global\n</code></pre>");
    }

    /** A quoted highlight shortcode in a fenced block (a Hugo tutorial) stays code text, as Hugo leaves its escaped output there. */
    @Test
    void aHighlightShortcodeInsideAFencedBlockStaysText() {
        String html = page("""
                ```go-html-template
                {{< highlight html >}}
                <p>x</p>
                {{< /highlight >}}
                ```
                """).html();

        assertThat(html).isEqualTo("<pre><code class=\"language-go-html-template\">&lt;p&gt;x&lt;/p&gt;\n</code></pre>\n");
    }

    /** Where Hugo might read it otherwise (see HighlightBodies), the body is HTML, sanitised as before. */
    @Test
    void aDoubtfulHighlightBodyIsSanitisedAsBefore() {
        SafeHtml.Cleaned page = page("{{% highlight html %}}\n<script>alert(1)</script>\n{{% /highlight %}}\n");

        assertThat(page.html()).doesNotContain("script").doesNotContain("<pre>");
        assertThat(page.removed()).containsExactly("<script");
    }

    /**
     * Drafts write collapsed and shortcut references as full ones, so that a translator
     * translates the words and keeps the label: the same page, with the label apart; but in a
     * heading, whose id Hugo makes from its text as written. On every corpus article (37 hold such
     * a reference) the page is the same before and after, and a second pass changes nothing.
     */
    @Test
    void collapsedAndShortcutReferencesBecomeFullOnesAndThePageStaysTheSame() throws Exception {
        String body = """
                ## Le rôle de la [Fondation CNCF]

                La [Fondation CNCF][] suit les [règles de
                gouvernance] ; ![logo][] et [![CNCF logo][]][cncf] restent des liens, [sic] reste du texte.

                > Une citation cite les [règles de
                > gouvernance] elles aussi.

                Du code `[CNCF][]` et {{< highlight md >}}[CNCF][]{{< /highlight >}} restent du code.

                [fondation cncf]: https://www.cncf.io/
                [cncf]: https://cncf.io
                [règles de gouvernance]: /gouvernance/
                [logo]: /logo.png
                [CNCF logo]: /cncf.svg
                """;

        String full = markdown.withFullReferences(body);

        assertThat(full).contains("## Le rôle de la [Fondation CNCF]\n", "La [Fondation CNCF][Fondation CNCF] suit les [règles de\ngouvernance][règles de gouvernance] ;",
                        "![logo][logo] et [![CNCF logo][CNCF logo]][cncf] restent", "[sic] reste du texte",
                        "> Une citation cite les [règles de\n> gouvernance][règles de gouvernance] elles aussi.",
                        "Du code `[CNCF][]` et {{< highlight md >}}[CNCF][]{{< /highlight >}} restent")
                .contains("[fondation cncf]: https://www.cncf.io/");
        assertThat(markdown.render(markdown.parse(full))).isEqualTo(markdown.render(markdown.parse(body)));
        assertThat(markdown.withFullReferences(full)).isEqualTo(full);

        ArticleParser parser = new ArticleParser(5_000_000);
        int rewritten = 0;
        for (Path article : CorpusArticles.all()) {
            String text = CorpusArticles.input(article);
            String original = parser.parseText(new SourceFile("x.md", null, new byte[0], null), text).body();
            String written = markdown.withFullReferences(original);
            String name = CorpusArticles.name(article);
            assertThat(markdown.render(markdown.parse(written))).as(name).isEqualTo(markdown.render(markdown.parse(original)));
            assertThat(markdown.withFullReferences(written)).as(name).isEqualTo(written);
            rewritten += written.equals(original) ? 0 : 1;
        }
        assertThat(rewritten).as("articles with a collapsed or shortcut reference outside headings").isEqualTo(37);
    }
}
