package io.contentpipeline.review;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.segment.SegmentedArticle;
import io.contentpipeline.segment.Segmenter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeadingMarksTest {

    private static final String SOURCE = """
            ---
            title: "Notification GC"
            ---
            Notification GC envoie des courriels et des messages texte au nom des ministères fédéraux.

            ## Qu'est-ce que la phase bêta signifie pour Notification GC?

            La phase bêta apporte un soutien technique en tout temps et une sécurité renforcée du service.

            ## Nous sommes là pour vous aider

            Écrivez-nous pour commencer à envoyer vos avis dès aujourd'hui, sans frais pour votre équipe.
            """;

    /** The translation as a word processor returned it: the second heading lost its marks. */
    private static final String LOST_MARKS = """
            ---
            title: "GC Notify"
            ---
            GC Notify sends emails and text messages on behalf of federal departments.

            ## What does the beta phase mean for GC Notify?

            The beta phase brings round-the-clock technical support and stronger security for the service.

            We're here to help

            Write to us to start sending your notifications today, at no cost to your team.
            """;

    private final ArticleParser parser = new ArticleParser(1_000_000);
    private final Segmenter segmenter = new Segmenter(new MarkdownEngine());

    @Test
    void aHeadingThatLostItsMarksIsAWarningAndIsPublishedAsAHeadingAgain() {
        SegmentedArticle source = segment(SOURCE);
        SegmentedArticle translation = segment(LOST_MARKS);

        List<Problem> problems = new ReturnReview().review(source, translation, "en");
        String published = HeadingMarks.apply(body(LOST_MARKS), HeadingMarks.find(source, translation));

        assertThat(problems).noneMatch(Problem::isError);
        assertThat(problems).filteredOn(p -> p.code().equals("heading-restored")).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).contains("Nous sommes là pour vous aider", "(draft line 10)", "level-2 heading");
                    assertThat(p.line()).isEqualTo(10);
                });
        assertThat(published).contains("\n## We're here to help\n").doesNotContain("\nWe're here to help\n");
        assertThat(segment(LOST_MARKS.replace(body(LOST_MARKS), published)).structure().headingLevels()).containsExactly(2, 2);
    }

    @Test
    void aHeadingTheTranslatorAddedIsPublishedAsTheSourcesParagraph() {
        String source = SOURCE.replace("## Nous sommes là pour vous aider", "Nous sommes là pour vous aider");
        String translation = LOST_MARKS.replace("\nWe're here to help\n", "\n## We're here to help {#help}\n");

        List<Problem> problems = new ReturnReview().review(segment(source), segment(translation), "en");
        String published = HeadingMarks.apply(body(translation), HeadingMarks.find(segment(source), segment(translation)));

        assertThat(problems).noneMatch(Problem::isError);
        assertThat(problems).extracting(Problem::code).contains("heading-not-in-source");
        assertThat(published).contains("\nWe're here to help\n").doesNotContain("## We're here to help");
    }

    @Test
    void aHeadingDeletedWithItsTextStaysAnError() {
        String deleted = LOST_MARKS.replace("We're here to help\n\n", "");
        String deletedFirst = LOST_MARKS.replace("## What does the beta phase mean for GC Notify?\n\n", "")
                .replace("\nWe're here to help\n", "\n## We're here to help\n");

        assertThat(new ReturnReview().review(segment(SOURCE), segment(deleted), "en"))
                .extracting(Problem::code).contains("structure-headings").doesNotContain("heading-restored");
        assertThat(HeadingMarks.find(segment(SOURCE), segment(deleted))).isEmpty();
        assertThat(new ReturnReview().review(segment(SOURCE), segment(deletedFirst), "en")).anyMatch(Problem::isError);
    }

    @Test
    void aParagraphEndingInAFullStopIsNoHeading() {
        String sentence = LOST_MARKS.replace("\nWe're here to help\n", "\nWe are here to help you all.\n");

        assertThat(HeadingMarks.find(segment(SOURCE), segment(sentence))).isEmpty();
        assertThat(new ReturnReview().review(segment(SOURCE), segment(sentence), "en")).extracting(Problem::code).contains("structure-headings");
    }

    private static String body(String text) {
        return text.substring(text.indexOf("---\n", 4) + 4);
    }

    private SegmentedArticle segment(String text) {
        ParsedArticle parsed = parser.parseText(new SourceFile("x.md", null, new byte[0], null), text);
        return segmenter.segment(parsed.frontMatter(), parsed.body(), parsed.bodyLine());
    }
}
