package io.contentpipeline.intake;

import io.contentpipeline.files.FileNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names of rejected copies: a later copy keeps the extension the inbox folders take. */
class RejectionsTest {

    @Test
    void theNumberOfALaterCopyGoesBeforeTheExtension() {
        assertThat(Rejections.copyName("cmo.md", 1)).isEqualTo("cmo.md");
        assertThat(Rejections.copyName("cmo.md", 2)).isEqualTo("cmo.2.md");
        assertThat(Rejections.copyName("role.fr.xlf", 3)).isEqualTo("role.fr.3.xlf");
        assertThat(Rejections.copyName("notes", 2)).isEqualTo("notes.2");
    }

    @Test
    void aLongNameNumberedStillFitsWithItsReport() {
        String name = "é".repeat(125) + ".md";
        String copy = Rejections.copyName(name, 12);
        assertThat(copy).endsWith(".12.md");
        assertThat(FileNames.utf8Length(copy + ".errors.json")).isLessThanOrEqualTo(FileNames.MAX_BYTES);
    }
}
