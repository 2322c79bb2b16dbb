package io.contentpipeline.segment;

import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.markdown.MarkdownEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class SegmenterTest {

    private final Segmenter segmenter = new Segmenter(new MarkdownEngine());

    private SegmentedArticle segment(String body) {
        return segmenter.segment(FrontMatter.empty(), body, 1);
    }

    /** Hugo shows a highlight body as code, escaped: like a fenced block, it is not text to translate. */
    @Test
    void aHighlightShortcodeIsCodeInNoSegmentAndOneOfTheCodeBlocks() {
        String body = """
                Un bouton en HTML, à copier tel quel.

                {{< highlight html >}}
                <button onclick="alert(1)">Cliquez ici</button>

                # Pas un titre : du code.
                {{< /highlight >}}

                ```sh
                make install
                ```

                Voir : {{< highlight js >}}alert(2){{< /highlight >}} et la suite du texte.
                """;

        SegmentedArticle article = segment(body);

        assertThat(article.body()).extracting(Segment::text)
                .containsExactly("Un bouton en HTML, à copier tel quel.", "Voir :", "et la suite du texte.");
        assertThat(article.body()).extracting(Segment::line).containsExactly(1, 13, 13);
        assertThat(article.structure().headingLevels()).as("a # line in the code is no heading").isEmpty();
        assertThat(article.structure().htmlTags()).isEmpty();
        assertThat(article.structure().codeBlocks()).as("in reading order, at the opening tag's line").containsExactly(
                new CodeBlock("<button onclick=\"alert(1)\">Cliquez ici</button>\n\n# Pas un titre : du code.", 3),
                new CodeBlock("make install\n", 9),
                new CodeBlock("alert(2)", 13));
        assertThat(article.structure().protectedTokens())
                .containsExactly("shortcode highlight html", "shortcode /highlight", "shortcode highlight js", "shortcode /highlight");
    }

    /** WordPress exports write code as raw HTML; a translation tool must not be offered it to translate. */
    @Test
    void aRawHtmlPreBlockIsCodeInNoSegmentButOtherHtmlBlocksAreText() {
        String body = """
                Voici la configuration du serveur.

                <pre class="highlight"><code>server.port=8080
                server.name=production
                </code></pre>

                <div class="note">Redémarrez ensuite le service.</div>

                <pre>fin</pre><p>Un paragraphe collé au bloc.</p>
                """;

        SegmentedArticle article = segment(body);

        assertThat(article.body()).extracting(Segment::text).containsExactly("Voici la configuration du serveur.",
                "<div class=\"note\">Redémarrez ensuite le service.</div>", "<pre>fin</pre><p>Un paragraphe collé au bloc.</p>");
        assertThat(article.structure().codeBlocks()).containsExactly(new CodeBlock(
                "<pre class=\"highlight\"><code>server.port=8080\nserver.name=production\n</code></pre>", 3));
        assertThat(article.structure().htmlTags()).as("the pre block's tags are part of its code")
                .containsExactly("<div>", "</div>", "<pre>", "</pre>", "<p>", "</p>");
    }

    @Test
    void aHighlightShortcodeInsideAListOrAQuoteIsCodeThereToo() {
        String body = """
                1. Installez le paquet :

                   {{< highlight sh >}}
                   npm install <paquet>
                     --global
                   {{< /highlight >}}

                > Une citation. {{< highlight text >}}
                > <b>code</b>
                > {{< /highlight >}}
                """;

        SegmentedArticle article = segment(body);

        assertThat(article.body()).extracting(Segment::text).containsExactly("Installez le paquet :", "Une citation.");
        assertThat(article.structure().codeBlocks()).extracting(CodeBlock::code)
                .as("as Hugo shows it: without the list item's indentation, with the quote's marks")
                .containsExactly("npm install <paquet>\n  --global", "> <b>code</b>\n> ");
        assertThat(article.structure().htmlTags()).isEmpty();
    }

    /** A Hugo tutorial quoting the shortcode in a fence: the fence is the code block, once. */
    @Test
    void aHighlightShortcodeQuotedInAFencedBlockIsThatBlocksCode() {
        String fence = """
                {{< highlight html >}}
                <p>x</p>
                {{< /highlight >}}
                """;

        SegmentedArticle article = segment("Exemple :\n\n```go-html-template\n" + fence + "```\n");

        assertThat(article.structure().codeBlocks()).containsExactly(new CodeBlock(fence, 3));
    }

    /** Where Hugo would not read a body (see HighlightBodies), the text is segmented as before. */
    @Test
    void aHighlightShortcodeWithoutItsClosingTagIsText() {
        SegmentedArticle article = segment("{{< highlight html >}}\nDu texte à traduire.\n");

        assertThat(article.body()).extracting(Segment::text).containsExactly("{{< highlight html >}}\nDu texte à traduire.");
        assertThat(article.structure().codeBlocks()).isEmpty();
    }

    /** {{<figure …>}} is valid Hugo: a shortcode, protected as with spaces, and not the HTML CommonMark reads in it. */
    @Test
    void aShortcodeWrittenWithoutSpacesIsProtectedAsAShortcodeNotReadAsHtml() {
        SegmentedArticle compact = segment("Une image : {{<figure src=\"/a.png\" title=\"Un titre\">}} et {{<img src=\"b.png\">}}{{</img>}}.\n");
        SegmentedArticle spaced = segment("Une image : {{< figure src=\"/a.png\" title=\"Un titre\" >}} et {{< img src=\"b.png\" >}}{{< /img >}}.\n");

        assertThat(compact.structure().protectedTokens())
                .containsExactly("shortcode figure src=\"/a.png\" title=\"…\"", "shortcode img src=\"b.png\"", "shortcode /img")
                .isEqualTo(spaced.structure().protectedTokens());
        assertThat(compact.structure().htmlTags()).isEmpty();
        assertThat(compact.structure().images()).isEmpty();
        assertThat(compact.structure().relativeLinks()).isEmpty();
        assertThat(compact.body()).extracting(Segment::text)
                .containsExactly("Une image : {{<figure src=\"/a.png\" title=\"Un titre\">}} et {{<img src=\"b.png\">}}{{</img>}}.");
    }

    /**
     * A heading's trailing attributes, as goldmark reads them (spaces inside the braces, a
     * class, the id after a class), are in no segment: they stay as the source wrote them,
     * each id and class a token the translation must keep. A bare name ({x}) goldmark leaves
     * in the heading's text.
     */
    @Test
    void aHeadingsTrailingAttributesAreInNoSegmentAndEachIsProtected() {
        SegmentedArticle article = segment("""
                ## Installer { #installer }

                ## Configurer {#configurer .important}

                ## Démarrer {.etape #demarrer}

                ## Finir {x}
                """);

        assertThat(article.body()).extracting(Segment::text).containsExactly("Installer", "Configurer", "Démarrer", "Finir {x}");
        assertThat(article.structure().protectedTokens()).containsExactly("heading id #installer", "heading id #configurer",
                "heading attribute .important", "heading attribute .etape", "heading id #demarrer");
    }

    /**
     * The pieces of a segment only the parse tells apart from text, each with its place in the
     * segment: a reference to a definition (not "[sic]", which refers to nothing), a footnote
     * reference, an autolink and an address (not its full stop, nor the address of a link
     * written "[mot] (https://…)", whose target a translator may localise).
     */
    @Test
    void referencesFootnotesAndAddressesAreProtectedSpansOfTheirSegment() {
        SegmentedArticle article = segment("""
                Le [guide][g], la [FAQ][], [sic], une note[^1], <https://a.fr/x> et https://b.fr/y_(z). Voir [ici] (https://c.fr/).

                [g]: /guide/
                [faq]: https://faq.fr/

                [^1]: Note.
                """);

        Segment paragraph = article.body().get(0);
        assertThat(paragraph.protectedSpans()).extracting(span -> paragraph.text().substring(span.start(), span.end()), Segment.Span::token)
                .containsExactly(
                        tuple("[", null),
                        tuple("][g]", "reference → /guide/"),
                        tuple("[FAQ][]", "reference → https://faq.fr/"),
                        tuple("[^1]", "footnote [^1]"),
                        tuple("<https://a.fr/x>", "address https://a.fr/x"),
                        tuple("https://b.fr/y_(z)", "address https://b.fr/y_(z)"),
                        tuple("https://c.fr/", null));
        assertThat(article.structure().linkTargets()).contains("/guide/", "https://faq.fr/", "https://a.fr/x", "https://b.fr/y_(z)");
    }
}
