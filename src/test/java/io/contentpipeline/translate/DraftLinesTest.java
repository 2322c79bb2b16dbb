package io.contentpipeline.translate;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.segment.SegmentedArticle;
import io.contentpipeline.segment.Segmenter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DraftLinesTest {

    private final Segmenter segmenter = new Segmenter(new MarkdownEngine());

    private static ParsedArticle parse(String text) {
        return new ArticleParser(5_000_000).parseText(new SourceFile("x.md", null, new byte[0], null), text);
    }

    private SegmentedArticle segment(ParsedArticle parsed) {
        return segmenter.segment(parsed.frontMatter(), parsed.body(), parsed.bodyLine());
    }

    @Test
    void linesFollowTheBlocksOfTheDraftGivenWhateverTheirLength() {
        ParsedArticle neutral = parse("""
                ---
                title: Un
                translation:
                  source: un
                ---

                Un paragraphe
                sur trois
                lignes.

                ```
                du code
                ```

                Fin.
                """);
        ParsedArticle given = parse("""
                ---
                title: One
                translation:
                  source: un
                  target_lang: en
                  reused: 2
                ---

                One paragraph on one line.

                ```
                du code
                ```

                <!-- translate: new -->Fin.
                """);
        MarkedSegments.Stripped body = MarkedSegments.strip(given.body(), given.bodyLine());
        DraftLines lines = DraftLines.paired(neutral.body(), neutral.bodyLine(), segment(neutral), body.body(), given.bodyLine(),
                segmenter.segment(given.frontMatter(), body.body(), given.bodyLine())).orElseThrow();

        assertThat(lines.applyAsInt(2)).as("a field").isEqualTo(2);
        assertThat(lines.applyAsInt(7)).as("a paragraph").isEqualTo(9);
        assertThat(lines.applyAsInt(9)).as("its last line, past the end of the shorter translation").isEqualTo(9);
        assertThat(lines.applyAsInt(11)).as("a code block after it").isEqualTo(11);
        assertThat(lines.applyAsInt(15)).as("a block marked in the draft").isEqualTo(15);
        assertThat(DraftLines.shifted(6, 2).applyAsInt(7)).isEqualTo(9);
        assertThat(DraftLines.shifted(6, 2).applyAsInt(2)).as("a field, above the block").isEqualTo(2);
        assertThat(DraftLines.NONE.applyAsInt(7)).isZero();
    }
}
