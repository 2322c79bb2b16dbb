package io.contentpipeline.slug;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hint a return naming an unknown slug gets: the published slug it was probably meant to name. */
class SlugsTest {

    private static final List<String> PUBLISHED = List.of("role-cmo-pme", "strategie-marketing", "cent-semaines");

    @Test
    void aSlipOfALetterOrTwoFindsThePublishedSlug() {
        assertThat(Slugs.closest("role-cmo-pm", PUBLISHED)).contains("role-cmo-pme");
        assertThat(Slugs.closest("role-mco-pme", PUBLISHED)).contains("role-cmo-pme");
        assertThat(Slugs.closest("strategie-marketting", PUBLISHED)).contains("strategie-marketing");
    }

    @Test
    void anUnrelatedSlugOrAnExactOneGetsNoHint() {
        assertThat(Slugs.closest("not-yet-here", PUBLISHED)).isEmpty();
        assertThat(Slugs.closest("role-cmo-pme", PUBLISHED)).isEmpty();
        assertThat(Slugs.closest("anything", List.of())).isEmpty();
    }
}
