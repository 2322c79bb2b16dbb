package io.contentpipeline.translate;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.SegmentedArticle;
import io.contentpipeline.segment.Segmenter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MarkedSegmentsTest {

    private final Segmenter segmenter = new Segmenter(new MarkdownEngine());

    private static final String SOURCE = """
            ---
            title: "Trois étapes"
            ---

            ## Commencer

            Commencez par lire attentivement la documentation du projet avant toute chose.

            - Installez les outils nécessaires.
            - Lancez un premier essai complet.

            Enfin, notez tout ce qui se passe pendant l'essai.
            """;

    private static ParsedArticle parse(String text) {
        return new ArticleParser(5_000_000).parseText(new SourceFile("x.md", null, new byte[0], null), text);
    }

    private SegmentedArticle segment(String text) {
        ParsedArticle parsed = parse(text);
        return segmenter.segment(parsed.frontMatter(), parsed.body(), parsed.bodyLine());
    }

    /** The checks as the returns stage runs them: the return read without its markers. */
    private List<Problem> check(String returned, List<String> needsWork) {
        return check(SOURCE, returned, needsWork);
    }

    private List<Problem> check(String source, String returned, List<String> needsWork) {
        ParsedArticle parsed = parse(returned);
        MarkedSegments.Stripped stripped = MarkedSegments.strip(parsed.body(), parsed.bodyLine());
        SegmentedArticle translation = segmenter.segment(parsed.frontMatter(), stripped.body(), parsed.bodyLine());
        return MarkedSegments.check(segment(parse(source)), translation, stripped, needsWork, segment -> true);
    }

    private SegmentedArticle segment(ParsedArticle parsed) {
        return segmenter.segment(parsed.frontMatter(), parsed.body(), parsed.bodyLine());
    }

    private String id(String text) {
        return id(SOURCE, text);
    }

    private String id(String source, String text) {
        return segment(parse(source)).body().stream().filter(segment -> segment.text().startsWith(text)).map(Segment::id).findFirst().orElseThrow();
    }

    @Test
    void strippingKeepsEveryLineAndSaysWhereEachMarkerWas() {
        String body = "Un.\n\n<!-- translate: new -->Deux.\n\n<!-- translate: changed; was: \"sur\ndeux lignes\" -->\nTrois.\n";
        MarkedSegments.Stripped stripped = MarkedSegments.strip(body, 10);

        assertThat(stripped.body()).isEqualTo("Un.\n\nDeux.\n\n\n\nTrois.\n");
        assertThat(stripped.markers()).extracting(MarkedSegments.Left::line, MarkedSegments.Left::at)
                .containsExactly(tuple(12, 5), tuple(14, 12));
        assertThat(MarkedSegments.strip("Rien.\n", 1).body()).isEqualTo("Rien.\n");
    }

    @Test
    void aMarkerAtTheStartOfALineNamesTheBlockItStartsNotTheNextOne() {
        String returned = """
                ---
                title: "Three steps"
                ---

                ## Getting started

                <!-- translate: new -->Start by reading the project's documentation carefully before anything else.

                - Install the tools you need.
                - <!-- translate: new -->Run a first complete trial.

                Finally, write down everything that happens during the trial.
                """;
        List<String> needsWork = List.of(id("Commencez"), id("Lancez"));

        assertThat(check(returned, needsWork)).extracting(Problem::code, Problem::field, Problem::line)
                .containsExactly(tuple("markers-left", id("Commencez"), 7), tuple("markers-left", id("Lancez"), 10));
    }

    @Test
    void withTheBlocksChangedEveryMarkerLeftIsTheDraftsMarkerOfTheSameRank() {
        // The translator split the paragraph in two: block n no longer stands for block n.
        String returned = """
                ---
                title: "Three steps"
                ---

                ## Getting started

                <!-- translate: new -->Start by reading the project's documentation.

                Do it carefully, before anything else.

                - Install the tools you need.
                - <!-- translate: new -->Run a first complete trial.

                Finally, write down everything that happens during the trial.
                """;
        List<String> needsWork = List.of("fm.title", id("Commencez"), id("Lancez"));

        assertThat(check(returned, needsWork)).extracting(Problem::field, Problem::line)
                .containsExactly(tuple(id("Commencez"), 7), tuple(id("Lancez"), 12));
    }

    @Test
    void withTheBlocksChangedAndSomeMarkersDeletedAMarkerIsNamedByTheBlockAfterIt() {
        String returned = """
                ---
                title: "Three steps"
                ---

                ## Getting started

                Start by reading the project's documentation.

                Do it carefully, before anything else.

                - Install the tools you need.
                - <!-- translate: new -->Run a first complete trial.

                Finally, write down everything that happens during the trial.
                """;

        assertThat(check(returned, List.of(id("Commencez"), id("Lancez")))).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isNull();
            assertThat(problem.line()).isEqualTo(12);
            assertThat(problem.message()).isEqualTo("the translation marker before the list item is still there: delete it once"
                    + " the list item is translated");
        });
    }

    @Test
    void withABlockChangedInAnotherSectionAMarkerIsNamedByItsRankInItsSection() {
        String source = SOURCE + """

                ## Conclure

                Relisez vos notes et partagez-les avec votre équipe dès le lendemain.

                Puis recommencez avec un deuxième essai.
                """;
        // The first section's paragraph split in two, one of the two markers deleted.
        String returned = """
                ---
                title: "Three steps"
                ---

                ## Getting started

                Start by reading the project's documentation.

                Do it carefully, before anything else.

                - Install the tools you need.
                - Run a first complete trial.

                Finally, write down everything that happens during the trial.

                ## Wrapping up

                Read your notes again and share them with your team the next day.

                <!-- translate: new -->Then start again with a second trial.
                """;
        List<String> needsWork = List.of(id(source, "Commencez"), id(source, "Puis"));

        assertThat(check(source, returned, needsWork)).extracting(Problem::code, Problem::field, Problem::line)
                .containsExactly(tuple("markers-left", id(source, "Puis"), 20));
        // Its own section changed too: which block the marker stood before in the draft is not known.
        assertThat(check(source, returned.replace("notes again and share", "notes again.\n\nShare"), needsWork))
                .extracting(Problem::code, Problem::field, Problem::line)
                .containsExactly(tuple("markers-left", null, 22));
    }

    @Test
    void aSegmentLeftInTheSourceTextIsNamedOnceWithItsLineInTheReturn() {
        String returned = """
                ---
                title: "Three steps"
                ---

                ## Getting started

                <!-- translate: new -->Commencez par lire attentivement la documentation du projet avant toute chose.

                - Install the tools you need.
                - Lancez un premier essai complet.

                Finally, write down everything that happens during the trial.
                """;

        List<Problem> problems = check(returned, List.of(id("Commencez"), id("Lancez")));

        assertThat(problems).extracting(Problem::code, Problem::field, Problem::line)
                .containsExactly(tuple("markers-left", id("Commencez"), 7), tuple("marked-untranslated", null, null));
        assertThat(problems.get(0).message()).endsWith("the segment is still the draft's text: translate it, then delete the marker");
        assertThat(problems.get(1).message()).isEqualTo("segments marked for translation are still in the source language: "
                + id("Lancez") + " (line 10)");
    }

    @Test
    void aMarkerInAFieldIsNamedByTheField() {
        String returned = """
                ---
                title: "<!-- translate: new -->Three steps"
                ---

                ## Getting started

                Start by reading the project's documentation carefully before anything else.

                - Install the tools you need.
                - Run a first complete trial.

                Finally, write down everything that happens during the trial.
                """;

        assertThat(check(returned, List.of())).extracting(Problem::code, Problem::field, Problem::line)
                .containsExactly(tuple("markers-left", "fm.title", 2));
    }
}
