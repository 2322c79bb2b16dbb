package io.contentpipeline.publish;

import io.contentpipeline.article.FrontMatter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The URLs bundle.json gives are those Hugo 0.111 gives the same front matter (checked by hand with hugo). */
class PublicUrlsTest {

    private final PublicUrls urls = new PublicUrls("http://localhost:1313", Map.of());

    private String source(Map<String, Object> frontMatter) {
        return urls.url("ete", version(frontMatter), true);
    }

    private static LanguageVersion version(Map<String, Object> frontMatter) {
        return new LanguageVersion("fr", new FrontMatter(frontMatter, Map.of()), "", null, LanguageEntry.SOURCE, 1, null,
                List.of(), "", "ete.md", null);
    }

    @Test
    void aSourcesUrlIsWhereHugoWritesItsPage() {
        assertThat(source(Map.of())).isEqualTo("http://localhost:1313/fr/ete/");
        assertThat(source(Map.of("url", "/fr/festivals/jazz"))).isEqualTo("http://localhost:1313/fr/festivals/jazz/");
        assertThat(source(Map.of("url", "/sans-langue/"))).as("from the site's root").isEqualTo("http://localhost:1313/sans-langue/");
        assertThat(source(Map.of("url", "chemin/relatif"))).as("from the language's root")
                .isEqualTo("http://localhost:1313/fr/chemin/relatif/");
        assertThat(source(Map.of("url", "/X/Page.html"))).as("a file, case kept").isEqualTo("http://localhost:1313/X/Page.html");
        assertThat(source(Map.of("url", "/fr/../d2/"))).isEqualTo("http://localhost:1313/d2/");
        assertThat(source(Map.of("url", "/Été/Page Deux/"))).isEqualTo("http://localhost:1313/%C3%89t%C3%A9/Page%20Deux/");
        assertThat(source(Map.of("URL", "/fr/majuscules/"))).as("Hugo reads keys in any case")
                .isEqualTo("http://localhost:1313/fr/majuscules/");
        assertThat(source(Map.of("url", "/fr/x/", "canonical_url", "https://example.com/x/"))).isEqualTo("https://example.com/x/");
    }

    @Test
    void aTranslationIsAtItsLanguagesUrlWhateverItsFrontMatterSays() {
        assertThat(urls.url("ete", version(Map.of("url", "/fr/festivals/jazz/")), false)).isEqualTo("http://localhost:1313/fr/ete/");
    }
}
