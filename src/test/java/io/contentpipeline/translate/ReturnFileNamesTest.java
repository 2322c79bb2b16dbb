package io.contentpipeline.translate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The names a return comes back under, reduced to the slug its draft went out as. */
class ReturnFileNamesTest {

    @Test
    void aNameIsTriedAsItIsThenWithoutItsCopyNumberThenWithoutTheLanguage() {
        assertThat(ReturnFileNames.candidates("role-cmo-pme.md", "en")).containsExactly("role-cmo-pme");
        assertThat(ReturnFileNames.candidates("role-cmo-pme.2.md", "en")).containsExactly("role-cmo-pme.2", "role-cmo-pme");
        assertThat(ReturnFileNames.candidates("role-cmo-pme (1).xlf", "en")).containsExactly("role-cmo-pme (1)", "role-cmo-pme");
        assertThat(ReturnFileNames.candidates("Role-CMO-PME_EN.md", "en")).containsExactly("role-cmo-pme_en", "role-cmo-pme");
        assertThat(ReturnFileNames.candidates("role-cmo-pme.en.xlf", "en")).containsExactly("role-cmo-pme.en", "role-cmo-pme");
        // A slug may end like a language: the whole name is tried first.
        assertThat(ReturnFileNames.candidates("guide-en.md", "en")).containsExactly("guide-en", "guide");
        assertThat(ReturnFileNames.candidates("top-10.md", "en")).containsExactly("top-10");
    }
}
