package io.contentpipeline.markdown;

import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.parse.ArticleParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * The corpus (real articles, a quarter of them WordPress HTML) through {@link SafeMarkdown}:
 * an article in which jsoup finds nothing the policy refuses keeps every byte, and every
 * article, changed or not, makes exactly the same HTML page as before: no block moved, no
 * text lost, only what the page never showed is gone from the Markdown.
 */
class SafeMarkdownCorpusTest {

    private final MarkdownEngine engine = new MarkdownEngine();
    private final SafeMarkdown safe = new SafeMarkdown(engine);

    @Test
    void markdownChangesOnlyWhereThePolicyRefusesSomethingAndNeverChangesThePage() throws Exception {
        List<String> identical = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<Path> articles = articles();
        assertSoftly(soft -> {
            for (Path article : articles) {
                String body = body(article);
                if (body == null) {
                    continue;
                }
                String clean = safe.clean(body);
                soft.assertThat(page(clean)).as(article + ": same HTML page").isEqualTo(page(body));
                if (acceptedWhole(engine.render(engine.parse(body)))) {
                    soft.assertThat(clean).as(article + ": nothing refused, nothing changed").isEqualTo(body);
                    identical.add(article.toString());
                } else if (!clean.equals(body)) {
                    changed.add(article.toString());
                }
            }
        });
        assertThat(identical).hasSizeGreaterThan(250);
        assertThat(changed).as("WordPress attributes the safelist refuses (class, style, data-*, loading…)").isNotEmpty();
    }

    private String page(String markdown) {
        return SafeHtml.clean(engine.render(engine.parse(markdown)));
    }

    /** Whether every element and attribute of the HTML is one the policy keeps. */
    private static boolean acceptedWhole(String html) {
        for (Element element : Jsoup.parseBodyFragment(html).body().children().select("*")) {
            if (!SafeHtml.allowsTag(element.normalName())) {
                return false;
            }
            for (Attribute attribute : element.attributes()) {
                if (!SafeHtml.allowsAttribute(element.normalName(), attribute.getKey(), Entities.escape(attribute.getValue()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Path> articles() throws Exception {
        Path corpus = Path.of(SafeMarkdownCorpusTest.class.getClassLoader().getResource("corpus").toURI());
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("SOURCE.md")).sorted().toList();
        }
    }

    /** The body as the pipeline reads it, or null for an article it rejects (TOML front matter). */
    private static String body(Path article) {
        try {
            return new ArticleParser(5_000_000).parseText(new SourceFile(article.getFileName().toString(), null, new byte[0], null),
                    Files.readString(article)).body();
        } catch (RejectedInputException | java.io.IOException e) {
            return null;
        }
    }
}
