package io.contentpipeline.markdown;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProseBlocksTest {

    private final MarkdownEngine markdown = new MarkdownEngine();

    private List<ProseBlock> blocks(String body) {
        return ProseBlocks.of(markdown.parse(body));
    }

    @Test
    void wordPressHtmlIsReducedToItsParagraphsWithEntitiesDecoded() {
        List<ProseBlock> blocks = blocks("""
                <p>It&#8217;s a &#8220;shared&#8221; focus&nbsp;today.</p>
                <details class="wp-block-cds-snc-expander"><summary><h3>Why?</h3></summary>
                <p>Because <a href="https://x.ca" target="_blank" rel="noreferrer noopener">people</a> asked.<br>Really.</p></details>
                """);

        assertThat(blocks).extracting(ProseBlock::text)
                .containsExactly("It’s a “shared” focus today.", "Why?", "Because people asked. Really.");
        assertThat(blocks.get(0).isRunningText()).isTrue();
        assertThat(blocks.get(1).kind()).isEqualTo(ProseBlock.Kind.HEADING);
    }

    @Test
    void shortcodesNeverReachTheTextButPairedOnesKeepTheirContent() {
        List<ProseBlock> blocks = blocks("""
                {{% alert title="Note" %}} Ceci est une note. {{% /alert %}}

                {{< figure src="a.png" >}}

                Texte avec {{< param description >}} au milieu.
                """);

        assertThat(blocks).extracting(ProseBlock::text).containsExactly("Ceci est une note.", "Texte avec au milieu.");
    }

    @Test
    void codeIsLeftOutAndListItemsHeadingsAndCellsAreNotRunningText() {
        List<ProseBlock> blocks = blocks("""
                ## Titre {#titre}

                Un paragraphe.

                - un élément

                | a | b |
                |---|---|
                | c | d |

                ```yaml
                key: {{ .Values.x }}
                ```
                """);

        assertThat(blocks).extracting(ProseBlock::kind).containsExactly(ProseBlock.Kind.HEADING, ProseBlock.Kind.PARAGRAPH,
                ProseBlock.Kind.LIST_ITEM, ProseBlock.Kind.TABLE_CELL, ProseBlock.Kind.TABLE_CELL, ProseBlock.Kind.TABLE_CELL,
                ProseBlock.Kind.TABLE_CELL);
        assertThat(blocks).extracting(ProseBlock::text).contains("a", "b", "c", "d").doesNotContain("---");
        assertThat(blocks.get(0).text()).isEqualTo("Titre");
        assertThat(blocks).noneMatch(b -> b.text().contains("Values"));
    }

    @Test
    void anExplicitHeadingIdWinsAndHtmlHeadingsGetGithubStyleIds() {
        var outline = markdown.outline(markdown.parse("## Prérequis {#requirements}\n\n<h2>Qu’est-ce que le BEC?</h2>\n\n## Autre titre\n"));

        assertThat(outline).extracting(h -> h.text() + "#" + h.id())
                .containsExactly("Prérequis#requirements", "Qu’est-ce que le BEC?#quest-ce-que-le-bec", "Autre titre#autre-titre");
    }

    @Test
    void invisibleCharactersGoAndEveryKindOfSpaceFoldsToOne() {
        List<ProseBlock> blocks = blocks("Prix\u202F:\u00A0 12\u2009€ —\u200B  ou\uFEFF\tmoins.");

        assertThat(blocks).extracting(ProseBlock::text).containsExactly("Prix : 12 € — ou moins.");
    }

    @Test
    void theCodeOfAnInlineScriptOrStyleIsNoProse() {
        List<ProseBlock> blocks = blocks("""
                Everything must go: <script>alert(2)</script> and that is all, <STYLE>p { color: red }</STYLE>really.

                An unclosed <script>steal(document.cookie) ends the paragraph's prose.
                """);

        assertThat(blocks).extracting(ProseBlock::text)
                .containsExactly("Everything must go: and that is all, really.", "An unclosed");
    }
}
