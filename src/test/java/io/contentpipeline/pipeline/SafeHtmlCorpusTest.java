package io.contentpipeline.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole corpus (434 real articles) published in one run: no page carries script, and
 * the harmless HTML real articles use (WordPress paragraphs, details/summary, line breaks,
 * entities, links opening a new tab) survives the sanitiser.
 */
class SafeHtmlCorpusTest {

    @TempDir
    Path temp;

    @Test
    void noPublishedPageOfTheCorpusCarriesScriptAndHarmlessHtmlSurvives() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        Path corpus = Path.of(SafeHtmlCorpusTest.class.getClassLoader().getResource("corpus").toURI());
        List<Path> articles;
        try (Stream<Path> files = Files.walk(corpus)) {
            articles = files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("SOURCE.md")).toList();
        }
        for (Path article : articles) {
            String name = corpus.relativize(article).toString().replace('/', '_');
            home.drop("inbox/" + name, Files.readAllBytes(article));
        }

        assertThat(home.runOnce()).isZero();

        assertThat(home.files("inbox")).isEmpty();
        int pages = SafePages.assertNoScript(home.resolve("outbox/published"));
        assertThat(pages).isGreaterThan(250);
        String all;
        try (Stream<Path> html = Files.walk(home.resolve("outbox/published"))) {
            StringBuilder text = new StringBuilder();
            for (Path page : html.filter(f -> f.toString().endsWith(".html")).toList()) {
                text.append(Files.readString(page));
            }
            all = text.toString();
        }
        assertThat(all).contains("<details").contains("<summary>").contains("<br>")
                .contains("target=\"_blank\"").contains("rel=\"noreferrer noopener\"").contains("’");
    }
}
