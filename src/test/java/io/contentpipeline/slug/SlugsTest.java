package io.contentpipeline.slug;

import io.contentpipeline.article.FrontMatter;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @Test
    void slugThenCanonicalUrlThenFileName() {
        assertThat(Slugs.resolve(new FrontMatter(Map.of("slug", "Mon Slug", "canonical_url", "https://x.com/a/b/"), Map.of()), "f.md"))
                .hasValue("mon-slug");
        assertThat(Slugs.resolve(new FrontMatter(Map.of("canonical_url", "https://www.antoine-blot.com/blogue/role-cmo-pme/"), Map.of()), "000.txt"))
                .hasValue("role-cmo-pme");
        assertThat(Slugs.resolve(FrontMatter.empty(), "Réflexions : un service à 100 semaines?.md"))
                .hasValue("reflexions-un-service-a-100-semaines");
    }

    @Test
    void foldsToLowercaseAsciiLettersDigitsAndHyphens() {
        assertThat(Slugs.normalise("Cœur d'Été — 2025!")).isEqualTo("coeur-d-ete-2025");
        assertThat(Slugs.normalise("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(Slugs.normalise("C:\\Windows\\x")).isEqualTo("c-windows-x");
        assertThat(Slugs.normalise("%2e%2e%2fx")).isEqualTo("2e-2e-2fx");
    }
}
