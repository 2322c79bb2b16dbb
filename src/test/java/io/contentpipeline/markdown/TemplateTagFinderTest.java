package io.contentpipeline.markdown;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TemplateTagFinder} finds exactly the tags a {@code find()} loop over
 * {@link MarkdownEngine#TEMPLATE_TAGS} finds: on every article of the test corpus (Hugo
 * shortcodes among them), and on random texts of the pieces where the two could part (a "{{"
 * that opens no tag, braces run together, a tag left open, line breaks inside a tag).
 */
class TemplateTagFinderTest {

    private static final String[] PIECES = {"{{", "{", "}}", "}", "<", ">", "%", "{{<", ">}}", "{{%", "%}}", "/", " ", "\n",
            "highlight", "x", "é", "\"", "=", "{{{"};

    @Test
    void findsWhatTheSearchFindsInEveryArticleOfTheCorpus() throws Exception {
        Path corpus = Path.of(getClass().getClassLoader().getResource("corpus").toURI());
        List<Path> articles;
        try (Stream<Path> files = Files.walk(corpus)) {
            articles = files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
        int tags = 0;
        for (Path article : articles) {
            String text = Files.readString(article, StandardCharsets.UTF_8);
            List<String> expected = searched(text);
            assertThat(found(text)).as(article.toString()).isEqualTo(expected);
            tags += expected.size();
        }
        assertThat(articles).hasSizeGreaterThan(400);
        assertThat(tags).as("shortcode tags in the corpus").isGreaterThan(100);
    }

    @Test
    void findsWhatTheSearchFindsInRandomTexts() {
        Random random = new Random(20261128L);
        int withTags = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(20); n > 0; n--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            List<String> expected = searched(text.toString());
            assertThat(found(text.toString())).as(text.toString()).isEqualTo(expected);
            withTags += expected.isEmpty() ? 0 : 1;
        }
        assertThat(withTags).as("random texts that hold a tag").isGreaterThan(5_000);
    }

    /** As the search moved to a region's start: the next tag found is the first from that offset on. */
    @Test
    void skipsToAnOffsetAsARegionDoes() {
        String text = "{{< a >}} {{% b %}} {{< c >}}";
        TemplateTagFinder finder = new TemplateTagFinder(text);
        assertThat(finder.find()).isTrue();
        assertThat(finder.group()).isEqualTo("{{< a >}}");
        finder.skipTo(text.indexOf("{{< c"));
        assertThat(finder.find()).isTrue();
        assertThat(finder.group()).isEqualTo("{{< c >}}");
        assertThat(finder.find()).isFalse();
    }

    private static List<String> searched(String text) {
        List<String> matches = new ArrayList<>();
        Matcher search = MarkdownEngine.TEMPLATE_TAGS.matcher(text);
        while (search.find()) {
            matches.add("[" + search.start() + "," + search.end() + ") " + search.group());
        }
        return matches;
    }

    private static List<String> found(String text) {
        List<String> matches = new ArrayList<>();
        TemplateTagFinder finder = new TemplateTagFinder(text);
        while (finder.find()) {
            matches.add("[" + finder.start() + "," + finder.end() + ") " + finder.group());
        }
        return matches;
    }
}
