package io.contentpipeline.translate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as the same body to translate: Markdown's rendering, not the editor's white space. */
class DraftWriterTest {

    private static final String BODY = "\nPremier paragraphe,\nsur deux lignes.\n\nSecond paragraphe.";

    @Test
    void whiteSpaceMarkdownIgnoresIsNotAChange() {
        String body = DraftWriter.translatableBody(BODY);
        assertThat(DraftWriter.translatableBody(BODY + "\n")).as("a final newline").isEqualTo(body);
        assertThat(DraftWriter.translatableBody(BODY + " \n\t\n\n")).isEqualTo(body);
        assertThat(DraftWriter.translatableBody("\n \n" + BODY)).as("blank lines before the first").isEqualTo(body);
        assertThat(DraftWriter.translatableBody(BODY.replace("paragraphe,\n", "paragraphe, \t\n").replace("\n\nSecond", "\n  \nSecond")))
                .as("one space or a tab at a line's end, a line of spaces").isEqualTo(body);
    }

    @Test
    void aHardLineBreakIsAChangeButNotItsWidth() {
        String hardBreak = DraftWriter.translatableBody(BODY.replace("paragraphe,\n", "paragraphe,  \n"));
        assertThat(hardBreak).isNotEqualTo(DraftWriter.translatableBody(BODY));
        assertThat(DraftWriter.translatableBody(BODY.replace("paragraphe,\n", "paragraphe,    \n"))).isEqualTo(hardBreak);
        assertThat(DraftWriter.translatableBody(BODY.replace("paragraphe,\n", "paragraphe,\t  \n"))).isEqualTo(hardBreak);
        assertThat(DraftWriter.translatableBody("    code indenté\n\nTexte.")).as("leading spaces of a line are kept")
                .isNotEqualTo(DraftWriter.translatableBody("code indenté\n\nTexte."));
    }
}
