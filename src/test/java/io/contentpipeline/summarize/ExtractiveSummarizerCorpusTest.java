package io.contentpipeline.summarize;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.markdown.ProseBlocks;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.text.TermAnalyzer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A summary is read on its own: it must not start or end inside a parenthesis or a quotation
 * that the article opens in one sentence and closes in another.
 */
class ExtractiveSummarizerCorpusTest {

    private static final Map<Character, Character> PAIRS = Map.of('(', ')', '[', ']', '«', '»', '“', '”');

    private final MarkdownEngine markdown = new MarkdownEngine();
    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer(new TermAnalyzer());

    @Test
    void aSummaryDoesNotStartInsideAParenthesis() throws Exception {
        // "(Oui, il y a une abondance de Steve sur ce projet! Il y a même des Steve honoraires.)"
        String summary = summary(corpus().resolve("pairs/cds-vac-cds-visit/fr.md"));
        assertThat(summary).doesNotContain("Il y a même des Steve honoraires.)").satisfies(s -> assertThat(balanced(s)).isTrue());
    }

    @Test
    void everyCorpusSummaryHasItsBracketsAndQuotesClosed() throws Exception {
        List<String> unbalanced = new ArrayList<>();
        int summaries = 0;
        for (Path article : articles()) {
            String summary = summary(article);
            if (summary == null) {
                continue;
            }
            summaries++;
            if (!balanced(summary)) {
                unbalanced.add(corpus().relativize(article) + ": " + summary);
            }
        }
        assertThat(summaries).isGreaterThan(390);
        assertThat(unbalanced).isEmpty();
    }

    /** Brackets and curly quotes closed in the order opened, straight double quotes in pairs. */
    static boolean balanced(String text) {
        Deque<Character> open = new ArrayDeque<>();
        int straight = 0;
        for (char c : text.toCharArray()) {
            if (PAIRS.containsKey(c)) {
                open.push(c);
            } else if (PAIRS.containsValue(c)) {
                if (open.isEmpty() || PAIRS.get(open.pop()) != c) {
                    return false;
                }
            } else if (c == '"') {
                straight++;
            }
        }
        return open.isEmpty() && straight % 2 == 0;
    }

    /** The derived summary of a corpus article, as the pipeline makes it; null for an article it rejects (TOML front matter). */
    private String summary(Path article) throws Exception {
        ParsedArticle parsed;
        try {
            parsed = new ArticleParser(5_000_000).parseText(new SourceFile(article.getFileName().toString(), null, new byte[0], null),
                    Files.readString(article));
        } catch (RejectedInputException e) {
            return null;
        }
        String name = article.getFileName().toString();
        String language = name.matches("(en|fr)\\.md") ? name.substring(0, 2) : name.split("__")[1];
        return summarizer.summarize(ProseBlocks.of(markdown.parse(parsed.body())), language,
                parsed.frontMatter().text("title").orElse(""), SummaryLength.DEFAULT);
    }

    private static Path corpus() throws Exception {
        return Path.of(ExtractiveSummarizerCorpusTest.class.getClassLoader().getResource("corpus").toURI());
    }

    private static List<Path> articles() throws Exception {
        try (Stream<Path> files = Files.walk(corpus())) {
            return files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("SOURCE.md")).sorted().toList();
        }
    }
}
