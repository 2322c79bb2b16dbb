package io.contentpipeline.parse;

import io.contentpipeline.parse.InlineComments.InlineComment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Comments YAML reads on the line of an unquoted value, which front matter loses without a trace. */
class InlineCommentsTest {

    @Test
    void aCommentAfterAnUnquotedValueIsFoundWithItsKeyPathAndLine() {
        String text = """
                ---
                title: The CMO in an SME #1 priority
                tags:
                  - "quoted #kept" # a real comment
                  - marketing #growth
                related_articles:
                  - url: /plain
                    anchor: Plain
                  - anchor: Structuring #2 step
                    url: /structuring
                description: >-
                  block text #kept too
                default_lang_commit: 71833a5f # patched
                date: 2025-07-28
                ---
                Body # not front matter
                """;

        assertThat(InlineComments.of(text)).containsExactly(
                new InlineComment("title", "title", "title:", "The CMO in an SME", "1 priority", 2),
                new InlineComment("tags", "tags.1", "-", "marketing", "growth", 5),
                new InlineComment("related_articles", "related_articles.1.anchor", "- anchor:", "Structuring", "2 step", 9),
                new InlineComment("default_lang_commit", "default_lang_commit", "default_lang_commit:", "71833a5f", " patched", 13));
        assertThat(InlineComments.of(text).get(2).quotedLine()).isEqualTo("- anchor: \"Structuring #2 step\"");
    }

    @Test
    void noFrontMatterOrYamlItCannotReadGivesNone() {
        assertThat(InlineComments.of("no front matter #1\n")).isEmpty();
        assertThat(InlineComments.of("---\ntitle: \"unclosed #1\n---\nBody\n")).isEmpty();
        assertThat(InlineComments.of("---\ntitle: Plain\nkey: # only a comment\n  value\n---\n")).isEmpty();
    }
}
