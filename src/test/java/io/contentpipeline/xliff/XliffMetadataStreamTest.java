package io.contentpipeline.xliff;

import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.Segmenter;
import io.contentpipeline.translate.CorpusArticles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link XliffReader#metadata(java.io.InputStream)}, which names a waiting return without
 * holding its file, reads the same metadata as {@link XliffReader#read} does, in XLIFF 2.1 and
 * 1.2 files as the pipeline writes them and as tools rearrange them, and nothing from a file
 * that is no XLIFF or not well-formed.
 */
class XliffMetadataStreamTest {

    private static final Map<String, Object> BLOCK = Map.of("source", "role-cmo-pme", "source_lang", "fr", "target_lang", "en",
            "source_version", 3, "source_sha256", "ab".repeat(32));

    @Test
    void readsWhatTheWholeReadReadsInTheDraftsOfCorpusArticles() throws Exception {
        Segmenter segmenter = new Segmenter(new MarkdownEngine());
        List<Path> articles = CorpusArticles.all().stream().filter(path -> path.toString().contains("/pairs/")).limit(20).toList();
        assertThat(articles).hasSize(20);
        for (Path article : articles) {
            List<Segment> segments = segmenter.segment(FrontMatter.empty(), Files.readString(article), 1).body();
            for (String xliff : List.of(new XliffWriter().write(BLOCK, segments, segment -> Optional.empty()),
                    new Xliff12Writer().write(BLOCK, segments, segment -> Optional.empty()))) {
                Map<String, String> whole = new XliffReader().read(bytes(xliff)).metadata();
                assertThat(streamed(xliff)).as(article.toString()).isEqualTo(whole)
                        .containsEntry("source", "role-cmo-pme").containsEntry("target_lang", "en").containsEntry("source_version", "3");
            }
        }
    }

    /** A tool may put the metadata after the units, indent it otherwise, or split an entry's text: it is still found. */
    @Test
    void findsEntriesWhereverATranslationToolPutsThem() {
        String xliff = """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.1" srcLang="fr" trgLang="en">
                <file id="f1">
                  <unit id="p-1"><segment><source>Bonjour</source><target>Hello</target></segment></unit>
                  <mda:metadata><mda:metaGroup category="pipeline">
                    <mda:meta type="source">
                        role-cmo-pme
                    </mda:meta><mda:meta type="target_lang">e<![CDATA[n]]></mda:meta><mda:meta type="source_version">3</mda:meta>
                  </mda:metaGroup></mda:metadata>
                </file>
                </xliff>
                """;
        assertThat(streamed(xliff)).isEqualTo(new XliffReader().read(bytes(xliff)).metadata())
                .containsEntry("source", "role-cmo-pme").containsEntry("target_lang", "en");
    }

    @Test
    void readsNothingFromAFileThatIsNoXliffOrNotWellFormed() {
        assertThat(streamed("<html><body>not a translation</body></html>")).isEmpty();
        assertThat(streamed("---\ntitle: A Markdown file named .xlf\n---\n")).isEmpty();
        String truncated = new XliffWriter().write(BLOCK, List.of(), segment -> Optional.empty());
        assertThat(streamed(truncated.substring(0, truncated.length() - 12))).isEmpty();
        assertThat(streamed("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xliff>&e;</xliff>")).isEmpty();
    }

    private static Map<String, String> streamed(String xliff) {
        return XliffReader.metadata(new ByteArrayInputStream(bytes(xliff)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
