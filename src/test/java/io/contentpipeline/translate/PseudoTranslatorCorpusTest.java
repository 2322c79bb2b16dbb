package io.contentpipeline.translate;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.publish.FrontMatterWriter;
import io.contentpipeline.review.ReturnReview;
import io.contentpipeline.segment.SegmentedArticle;
import io.contentpipeline.segment.Segmenter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every corpus article's first draft pseudo-translated and checked as the returns stage
 * checks it (the review, the marker checks): the round trip promises that the return passes
 * every check, so no error, and nothing the pseudo-translator must leave alone (links, tags,
 * numbers, inline code) lost, which the review only warns about. Its page must keep the
 * source page's shape too: the same elements, link and image targets and code, where only
 * text differs (the review reads the body as Hugo does, shortcodes in place; our page takes
 * them out, and pseudo-text left at a line's start could turn the rest into a code block).
 */
class PseudoTranslatorCorpusTest {

    /** Warnings that, in a pseudo-translation, can only mean it altered what it must leave alone. */
    private static final Set<String> LOSSES = Set.of("structure-links", "markup-changed", "number-missing", "code-unmarked");
    /** Attributes of the page's elements that hold text a translator translates. */
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("alt", "title");

    private final ArticleParser parser = new ArticleParser(5_000_000);
    private final MarkdownEngine markdown = new MarkdownEngine();
    private final Segmenter segmenter = new Segmenter(markdown);
    private final PseudoTranslator pseudo = new PseudoTranslator(true, null, parser, segmenter);
    private final ReturnReview review = new ReturnReview();

    @Test
    void everyCorpusArticleComesBackPseudoTranslatedWithoutAnErrorALossOrAChangeOfItsPageShape() {
        List<Path> articles = CorpusArticles.all();
        List<String> failures = new ArrayList<>();
        int withErrors = 0;
        for (Path article : articles) {
            ParsedArticle source = parse(CorpusArticles.input(article));
            String language = source.frontMatter().text("lang").orElse(CorpusArticles.name(article).contains("fr") ? "fr" : "en");
            String target = language.equals("fr") ? "en" : "fr";
            ParsedArticle neutral = parse(FrontMatterWriter.markdown(fields(source, language, null), source.body()));
            ParsedArticle returned = parse(pseudo.translate(FrontMatterWriter.markdown(fields(source, language, target), source.body())));

            List<String> problems = new ArrayList<>();
            List<Problem> found = problems(neutral, returned, target);
            found.forEach(problem -> problems.add(describe(problem)));
            withErrors += found.stream().anyMatch(Problem::isError) ? 1 : 0;
            String shapeChange = firstDifference(shape(source.body()), shape(returned.body()));
            if (shapeChange != null) {
                problems.add("page shape changed: " + shapeChange);
            }
            if (!problems.isEmpty()) {
                failures.add(CorpusArticles.name(article) + ": " + String.join("; ", problems));
            }
        }
        System.out.printf("pseudo-translation round trip: %d of %d corpus articles without an error (%d without a loss or a page change either)%n",
                articles.size() - withErrors, articles.size(), articles.size() - failures.size());
        assertThat(articles).hasSizeGreaterThan(400);
        assertThat(failures).as("articles whose pseudo-translation fails the return checks").isEmpty();
    }

    /** A draft's front matter: the source's translatable fields and a translation: block, with a target language or none (the neutral draft). */
    private static Map<String, Object> fields(ParsedArticle source, String language, String target) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("source", "corpus-article");
        block.put("source_lang", language);
        if (target != null) {
            block.put("target_lang", target);
        }
        block.put("source_version", 1);
        block.put("source_sha256", "0".repeat(64));
        Map<String, Object> fields = new LinkedHashMap<>(TranslatableFields.extract(source.frontMatter()));
        fields.put(TranslationBlock.KEY, block);
        return fields;
    }

    /** The errors and losses the returns stage finds in a pseudo-translation, as ReturnChecker runs the checks. */
    private List<Problem> problems(ParsedArticle neutral, ParsedArticle returned, String target) {
        SegmentedArticle expected = segmenter.segment(neutral.frontMatter(), neutral.body(), neutral.bodyLine());
        MarkedSegments.Stripped stripped = MarkedSegments.strip(returned.body(), returned.bodyLine());
        SegmentedArticle actual = segmenter.segment(returned.frontMatter(), stripped.body(), returned.bodyLine());
        List<Problem> found = new ArrayList<>(MarkedSegments.check(expected, actual, stripped, TranslationBlock.needsWork(returned.frontMatter()),
                segment -> true));
        found.addAll(review.review(expected, actual, target));
        return found.stream().filter(problem -> problem.isError() || LOSSES.contains(problem.code())).toList();
    }

    /** Our page's elements in order, each with its attributes but those holding text, and the text of code. */
    private List<String> shape(String body) {
        List<String> elements = new ArrayList<>();
        for (Element element : Jsoup.parseBodyFragment(markdown.render(markdown.parse(body))).body().select("*")) {
            StringBuilder shape = new StringBuilder(element.normalName());
            element.attributes().forEach(attribute -> {
                // Heading ids are made from the heading's text.
                if (!TEXT_ATTRIBUTES.contains(attribute.getKey()) && !(attribute.getKey().equals("id") && element.normalName().matches("h\\d"))) {
                    shape.append(' ').append(attribute.getKey()).append("=\"").append(attribute.getValue()).append('"');
                }
            });
            if (element.normalName().equals("code") || element.normalName().equals("pre")) {
                shape.append(": ").append(element.wholeText());
            }
            elements.add(shape.toString());
        }
        return elements;
    }

    private static String firstDifference(List<String> source, List<String> translation) {
        for (int i = 0; i < Math.max(source.size(), translation.size()); i++) {
            String expected = i < source.size() ? source.get(i) : "nothing";
            String actual = i < translation.size() ? translation.get(i) : "nothing";
            if (!expected.equals(actual)) {
                return "element " + (i + 1) + " is " + excerpt(actual) + ", not " + excerpt(expected);
            }
        }
        return null;
    }

    private static String excerpt(String text) {
        return text.length() > 160 ? text.substring(0, 157) + "…" : text;
    }

    private static String describe(Problem problem) {
        return problem.code() + (problem.field() == null ? "" : " at " + problem.field()) + ": " + problem.message();
    }

    private ParsedArticle parse(String text) {
        return parser.parseText(new SourceFile("article.md", null, new byte[0], null), text);
    }
}
