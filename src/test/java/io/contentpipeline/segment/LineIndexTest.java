package io.contentpipeline.segment;

import com.vladsch.flexmark.util.ast.Document;
import io.contentpipeline.markdown.MarkdownEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineIndexTest {

    @Test
    void countsLinesAsFlexmarkDoesWhateverTheLineEndings() {
        String text = "# Titre\n\nUn paragraphe\r\nsur deux lignes.\r\n\r\n- item\r- autre\n\nfin";
        Document document = new MarkdownEngine().parseRaw(text);
        LineIndex index = new LineIndex(document.getChars());

        for (int offset = 0; offset < text.length(); offset++) {
            assertThat(index.lineOf(offset)).as("offset %d", offset).isEqualTo(document.getLineNumber(offset));
        }
    }
}
