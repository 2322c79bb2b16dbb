package io.contentpipeline.markdown;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
    void findsWhatTheSearchFindsInEveryArticleOfTheCorpus() {
        assertThat(SameMatches.onTheCorpus(MarkdownEngine.TEMPLATE_TAGS, TemplateTagFinderTest::found)).as("shortcode tags in the corpus")
                .isGreaterThan(100);
    }

    @Test
    void findsWhatTheSearchFindsInRandomTexts() {
        assertThat(SameMatches.onRandomTexts(MarkdownEngine.TEMPLATE_TAGS, TemplateTagFinderTest::found, PIECES, 20, 50_000))
                .as("random texts that hold a tag").isGreaterThan(5_000);
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

    private static List<String> found(String text) {
        List<String> matches = new ArrayList<>();
        TemplateTagFinder finder = new TemplateTagFinder(text);
        while (finder.find()) {
            matches.add(SameMatches.match(text, finder.start(), finder.end()));
        }
        return matches;
    }
}
