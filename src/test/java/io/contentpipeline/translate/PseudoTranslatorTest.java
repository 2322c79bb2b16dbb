package io.contentpipeline.translate;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.segment.BodyStructure;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.SegmentedArticle;
import io.contentpipeline.segment.Segmenter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a pseudo-translation changes in a segment: the letters of its prose, nothing a translator must leave alone. */
class PseudoTranslatorTest {

    private final ArticleParser parser = new ArticleParser(5_000_000);
    private final Segmenter segmenter = new Segmenter(new MarkdownEngine());
    private final PseudoTranslator pseudo = new PseudoTranslator(true, null, parser, segmenter);

    private static final String DRAFT_HEAD = """
            ---
            title: Un titre avec https://example.com/a-propos et {{< param "site" >}}
            translation:
              source: exemple
              source_lang: fr
              target_lang: en
              source_version: 1
              source_sha256: abc
            ---
            """;

    @Test
    void linksOfEveryKindKeepTheirTargetsReferencesAndTitlesAndOnlyTheirTextIsPseudoTranslated() {
        String body = """
                Voir [la doc][docs], [CNCF][] et [incubating], le [titre](https://a.org/x "Un titre"), \
                <https://example.com/chemin>, [un [lien] imbriqué](/docs/concepts/), \
                [Paris](https://fr.wikipedia.org/wiki/Paris_(ville)) et ![une image](/images/schema.png "Légende").

                Une note[^note] et [sic], un lien <a href="/fr/docs/">en HTML</a>, &nbsp;&eacute;t&eacute;.

                [docs]: https://opentelemetry.io/docs/
                [CNCF]: https://cncf.io
                [incubating]: https://www.cncf.io/projects/

                [^note]: Une note de bas de page.
                """;

        String translated = translate(body);

        assertThat(translated).startsWith("\\[Vöîŕ [ĺá ďöç][docs], [CNCF][] ét [incubating], ĺé [tîtŕé](https://a.org/x \"Un titre\"), ")
                .contains("<https://example.com/chemin>", "[üñ [ĺîéñ] îmbŕîqüé](/docs/concepts/)",
                        "[Páŕîš](https://fr.wikipedia.org/wiki/Paris_(ville))", "![üñé îmágé](/images/schema.png \"Légende\")",
                        "ñöté[^note] ét [šîç]", "<a href=\"/fr/docs/\">éñ HTMĹ</a>", "&nbsp;&eacute;t&eacute;",
                        "[docs]: https://opentelemetry.io/docs/", "[CNCF]: https://cncf.io", "[^note]: \\[Üñé ñöté ďé báš ďé págé. ~");
        assertSameStructure(body, translated);
    }

    @Test
    void codeShortcodesUrlsAndHeadingIdsStayAsWritten() {
        String body = """
                ## Les `Spans` et le `SpanProcessor` {#spans}

                Lancez ``a ` b`` avec {{< param "version" >}} ou {{% docs/code lang="java" %}} \
                depuis https://github.com/open-telemetry/releases, écrivez à contact@example.com, <kbd>Ctrl</kbd>.

                | Option | Valeur |
                | --- | --- |
                | `otel.sdk.disabled` | désactive le SDK |

                {{< highlight java >}}
                String texte = "ne pas traduire";
                {{< /highlight >}}
                """;

        String translated = translate(body);

        assertThat(translated).contains("## \\[Ĺéš `Spans` ét ĺé `SpanProcessor` ~", "~] {#spans}", "``a ` b``",
                "{{< param \"version\" >}}", "{{% docs/code lang=\"java\" %}}", "https://github.com/open-telemetry/releases,",
                "contact@example.com", "<kbd>Ctrl</kbd>", "| `otel.sdk.disabled` |", "\\[ďéšáçtîvé ĺé ŠĎK ~",
                "String texte = \"ne pas traduire\";");
        assertSameStructure(body, translated);
    }

    @Test
    void rawHtmlStaysRawHtmlWithItsTagsCodeAndEntities() {
        String body = """
                <div class="note">
                <p>Un paragraphe avec <a href="https://example.com/">un lien</a> &amp; <code>du code</code>.</p>
                <pre>ne pas traduire</pre>
                </div>

                <!-- un commentaire -->
                """;

        String translated = translate(body);

        assertThat(translated).startsWith("<div class=\"note\">\n<p>[Üñ páŕágŕáphé ávéç <a href=\"https://example.com/\">üñ ĺîéñ</a> &amp; "
                        + "<code>du code</code>. ~")
                .contains("~]</p>\n<pre>ne pas traduire</pre>\n</div>\n\n<!-- un commentaire -->");
        assertThat(segments(translated)).extracting(Segment::kind).containsExactly(Segment.Kind.HTML);
        assertSameStructure(body, translated);
    }

    /**
     * Our page takes shortcodes out: brackets and tildes after a closing shortcode on a line of
     * its own would start that line, and "~~~]" opens a code fence that swallows the rest of the page.
     */
    @Test
    void theBracketsEncloseTheTextInsideTheShortcodesThatStartAndEndASegment() {
        String body = """
                {{% config_option name="otel.javaagent.extensions" %}} Chemin vers un fichier
                jar valide.
                {{% /config_option %}}

                ## Extensions
                """;
        MarkdownEngine engine = new MarkdownEngine();

        String translated = translate(body);

        assertThat(translated).startsWith("{{% config_option name=\"otel.javaagent.extensions\" %}} \\[Çhémîñ véŕš üñ fîçhîéŕ\njáŕ váĺîďé. ~")
                .contains("~]\n{{% /config_option %}}\n\n## \\[Éxtéñšîöñš ~~~]");
        assertThat(engine.render(engine.parse(translated))).doesNotContain("<pre>").contains("<h2");
    }

    /** Attributes apply to their block only at its end: the brackets close before them. */
    @Test
    void attributesThatEndABlockStayAtItsEnd() {
        String body = """
                ### Linux et macOS { #uninstall-unix }

                Un paragraphe avec une classe.
                {.mt-3}
                """;
        MarkdownEngine engine = new MarkdownEngine();

        String translated = translate(body);

        assertThat(translated).contains("### \\[Ĺîñüx ét máçÖŠ ~~~~] { #uninstall-unix }", "\\[Üñ páŕágŕáphé ávéç üñé çĺáššé. ~~~~~~~~]\n{.mt-3}");
        assertThat(engine.render(engine.parse(translated))).contains("<h3 id=\"uninstall-unix\">", "<p class=\"mt-3\">");
    }

    /**
     * Hugo's renderer reads more than ours: no address after an unescaped "[" becomes a link,
     * and a line starting ": " is a definition (a French colon wrapped onto its own line, once
     * the tildes follow it, with "~~~]" as a code fence in it).
     */
    @Test
    void theOpeningBracketIsEscapedAndTheTildesStayOffALineOfPunctuation() {
        String body = """
                1. Voir https://example.com/guide pour l'agent Java, car
                   :
                   - la suite.
                """;

        String translated = translate(body);

        assertThat(translated).startsWith("1. \\[Vöîŕ https://example.com/guide pöüŕ ĺ'ágéñt Jává, çáŕ ~~~~~~~]\n   :\n");
    }

    @Test
    void aSegmentWithNothingToTranslateIsLeftAsItIs() {
        String body = """
                ![](/images/schema.png)

                | 2024 | `x` |
                | --- | --- |
                | 12 | 13 |
                """;

        assertThat(translate(body)).isEqualTo(body);
    }

    private String translate(String body) {
        ParsedArticle returned = parse(pseudo.translate(DRAFT_HEAD + body));
        assertThat(returned.frontMatter().get("title")).asString()
                .matches("\\[Üñ tîtŕé ávéç https://example.com/a-propos ét ~+] \\{\\{< param \"site\" >}}");
        return returned.body();
    }

    private List<Segment> segments(String body) {
        return segmented(body).body();
    }

    private SegmentedArticle segmented(String body) {
        ParsedArticle parsed = parse(DRAFT_HEAD + body);
        return segmenter.segment(parsed.frontMatter(), parsed.body(), parsed.bodyLine());
    }

    /** The same links, images, code, protected tokens and tags, and segments of the same kinds. */
    private void assertSameStructure(String source, String translation) {
        BodyStructure expected = segmented(source).structure();
        BodyStructure actual = segmented(translation).structure();
        assertThat(actual.links()).as("links").hasSameSizeAs(expected.links());
        assertThat(actual.images()).as("images").hasSameSizeAs(expected.images());
        assertThat(actual.protectedTokens()).as("protected tokens").isEqualTo(expected.protectedTokens());
        assertThat(actual.relativeLinks()).as("relative links").isEqualTo(expected.relativeLinks());
        assertThat(actual.htmlTags()).as("raw HTML tags").isEqualTo(expected.htmlTags());
        assertThat(actual.codeBlocks()).as("code blocks").isEqualTo(expected.codeBlocks());
        assertThat(segments(translation)).extracting(Segment::kind).isEqualTo(segments(source).stream().map(Segment::kind).toList());
    }

    private ParsedArticle parse(String text) {
        return parser.parseText(new SourceFile("draft.md", null, new byte[0], null), text);
    }
}
