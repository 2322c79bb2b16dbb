package io.contentpipeline.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InboxScanTest {

    @Test
    void namesTheConsumersCannotReadAreMadeReadable() {
        assertThat(InboxScan.isReadable("Stratégie : oui 🎉.md")).isTrue();
        assertThat(InboxScan.readableName("back\\slash.md")).isEqualTo("back_slash.md");
        assertThat(InboxScan.readableName("new\nline.md")).isEqualTo("new_line.md");
        assertThat(InboxScan.readableName("Strat\uFFFDgie.md")).isEqualTo("Strat_gie.md");
        assertThat(InboxScan.readableName("para\u2028graph\t.md")).isEqualTo("para_graph_.md");
        assertThat(InboxScan.readableName("article.md\r")).as("a line end at the end is dropped").isEqualTo("article.md");
        assertThat(InboxScan.readableName("\n")).isEqualTo("_");
    }

    @Test
    void aNameIsShownOnOneLine() {
        assertThat(InboxScan.quoted("back\\slash \"x\"\n\u0007.md")).isEqualTo("\"back\\\\slash \\\"x\\\"\\n\\u0007.md\"");
    }

    @Test
    void editorAndTransferLeftoversAreNotNamed() {
        for (String leftover : new String[]{".DS_Store", "~$rapport.docx", ".~lock.rapport.docx#", "#notes.md#", "notes.md~", "notes.md.swp",
                "x.tmp", "article.md.part", "article.md.crdownload", "Thumbs.db", "desktop.ini"}) {
            assertThat(InboxScan.LEFTOVER.matcher(leftover).matches()).as(leftover).isTrue();
        }
        for (String named : new String[]{"notes.mdx", "rapport.docx", "article.html", "batch-juillet"}) {
            assertThat(InboxScan.LEFTOVER.matcher(named).matches()).as(named).isFalse();
        }
    }
}
