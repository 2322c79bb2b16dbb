package io.contentpipeline.xliff;

import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.SourceFile;
import io.contentpipeline.markdown.HtmlTags;
import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.parse.ArticleParser;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.Segmenter;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pre-filled targets whose codes do not line up with the source's: each case must still be
 * valid XLIFF 2 for Okapi's strictest reader (a code id of one kind on both sides, every
 * data reference resolved) and read back as the translation it holds.
 */
class XliffWriterTest {

    private static final Map<String, Object> BLOCK = Map.of("source", "s", "source_lang", "fr", "target_lang", "en",
            "source_version", 1, "source_sha256", "0".repeat(64));

    /** Source text → its reused translation. */
    private static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        CASES.put("Lisez **le guide** et `config.yaml` ici.", "Read `config.yaml` and **the guide** here.");
        CASES.put("Un **mot** important.", "An important **word.");
        CASES.put("Un **<em>croisé** ici</em>.", "A **<em>crossed</em>** one.");
        CASES.put("Voir <a href=\"/x/\">ce **lien**</a>.", "See **<a href=\"/x/\">this link</a>**.");
        CASES.put("Le [guide](/docs/) sans rien.", "The [guide](/docs/) with a [new link](/new/).");
        CASES.put("<img src=\"/a.png\" alt=\"\">", "<img src=\"/a.png\" alt=\"\">");
        CASES.put("Lire [le guide](/g/) puis [la FAQ](/faq/).", "Read [the FAQ](/faq/) after [the guide](/g/).");
        CASES.put("Voir [Paris](https://fr.wikipedia.org/wiki/Paris_(ville)) et [la doc](https://exemple.com/doc \"Guide (complet)\").",
                "See [Paris](https://fr.wikipedia.org/wiki/Paris_(ville)) and [the docs](https://exemple.com/doc \"Guide (complet)\").");
        CASES.put("Le prix est de 5 euros* pour les membres, page https://exemple.com/docs/*/index.",
                "The price is 5 euros* for members, page https://exemple.com/docs/*/index.");
        CASES.put("Un *mot* et un _autre_, 5 * 3 et snake_case.", "One *word* and another _one_, 5 * 3 and snake_case.");
        CASES.put("![Logo](/logo.png) et [![badge](/b.svg)](/ci/)", "![Logo](/logo.png) and [![badge](/b.svg)](/ci/)");
    }

    @Test
    void reusedTranslationsWithCodesMovedLostOrAddedStayValidAndReadBackWhole() {
        List<Segment> segments = CASES.keySet().stream()
                .map(text -> new Segment("p-" + Integer.toHexString(text.hashCode()), Segment.Kind.PARAGRAPH, text, 1, 0, 0, 0, 0))
                .toList();
        String xliff = new XliffWriter().write(BLOCK, segments, segment -> Optional.of(CASES.get(segment.text())));

        try (XLIFFReader okapi = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
            okapi.open(xliff);
            while (okapi.hasNext()) {
                okapi.next();
            }
        }
        Map<String, String> targets = new XliffReader().read(xliff.getBytes(StandardCharsets.UTF_8)).targets();
        for (Segment segment : segments) {
            assertThat(targets.get(segment.id())).as(segment.text()).isEqualTo(CASES.get(segment.text()));
        }
        assertThat(xliff).contains("<pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">le guide</pc>")
                .contains("<pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">the guide</pc>");
        // A link is its bracket and its target around the text; swapped links keep their ids.
        assertThat(xliff).contains("<source>Lire <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">le guide</pc> puis "
                        + "<pc id=\"3\" dataRefStart=\"d3\" dataRefEnd=\"d4\">la FAQ</pc>.</source>")
                .contains("<target>Read <pc id=\"3\" dataRefStart=\"d3\" dataRefEnd=\"d4\">the FAQ</pc> after "
                        + "<pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">the guide</pc>.</target>");
        String xliff12 = new Xliff12Writer().write(BLOCK, segments, segment -> Optional.of(CASES.get(segment.text())));
        assertThat(xliff12).contains("<source>Lire <bpt id=\"1\">[</bpt>le guide<ept id=\"1\">](/g/)</ept> puis "
                        + "<bpt id=\"3\">[</bpt>la FAQ<ept id=\"3\">](/faq/)</ept>.</source>")
                .contains("<target state=\"translated\">Read <bpt id=\"3\">[</bpt>the FAQ<ept id=\"3\">](/faq/)</ept> after "
                        + "<bpt id=\"1\">[</bpt>the guide<ept id=\"1\">](/g/)</ept>.</target>");
        Map<String, String> targets12 = new XliffReader().read(xliff12.getBytes(StandardCharsets.UTF_8)).targets();
        for (Segment segment : segments) {
            assertThat(targets12.get(segment.id())).as("1.2: " + segment.text()).isEqualTo(CASES.get(segment.text()));
        }
        Segment title = new Segment("fm.title", Segment.Kind.FIELD, "Le fichier _config.yml et les 5 *meilleurs* réglages", 2, 0, 0, 0, 0);
        assertThat(new XliffWriter().write(BLOCK, List.of(title), segment -> Optional.of("The _config.yml file and the 5 *best* settings")))
                .as("a field is plain text: no codes")
                .contains("<source>Le fichier _config.yml et les 5 *meilleurs* réglages</source>")
                .contains("<target>The _config.yml file and the 5 *best* settings</target>");
        assertThat(xliff).as("a link target with parentheses and a title is one code")
                .contains("<data id=\"d2\">](https://fr.wikipedia.org/wiki/Paris_(ville))</data>")
                .contains("<data id=\"d4\">](https://exemple.com/doc \"Guide (complet)\")</data>");
        assertThat(xliff).as("asterisks that Markdown does not read as emphasis are text")
                .contains("<source>Le prix est de 5 euros* pour les membres, page https://exemple.com/docs/*/index.</source>");
        // Emphasis is a pair of codes; an asterisk between spaces and an underscore inside a word are text.
        assertThat(xliff).contains("<source>Un <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">mot</pc> et un "
                + "<pc id=\"3\" dataRefStart=\"d3\" dataRefEnd=\"d4\">autre</pc>, 5 * 3 et snake_case.</source>");
        // An image's alt text is translatable; a linked image's outer bracket stays text.
        assertThat(xliff).contains("<source><pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">Logo</pc> et ["
                + "<pc id=\"3\" dataRefStart=\"d3\" dataRefEnd=\"d4\">badge</pc><ph id=\"5\" dataRef=\"d5\"/></source>");
    }

    /**
     * What only the parse of the whole body tells apart from text: a reference's bracket and
     * {@code ][ref]} around its words, a reference whose words are its label, a footnote
     * reference and an address are codes of the source, and of a reused translation that holds
     * them as the source wrote them, wherever it moved them.
     */
    @Test
    void referencesFootnotesAndAddressesAreCodesInTheSourceAndInAReusedTranslation() {
        String body = """
                Voir le [guide complet][guide], la [FAQ][] et la note[^1], ou https://exemple.com/aide.

                [guide]: /docs/guide/ "Le guide"
                [FAQ]: /faq/

                [^1]: Une note.
                """;
        Segment paragraph = new Segmenter(new MarkdownEngine()).segment(FrontMatter.empty(), body, 1).body().get(0);
        String reused = "See the note[^1], https://exemple.com/aide, the [FAQ][] and the [full guide][guide].";

        String xliff = new XliffWriter().write(BLOCK, List.of(paragraph), segment -> Optional.of(reused));
        try (XLIFFReader okapi = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
            okapi.open(xliff);
            while (okapi.hasNext()) {
                okapi.next();
            }
        }
        assertThat(xliff).contains("<data id=\"d1\">[</data><data id=\"d2\">][guide]</data><data id=\"d3\">[FAQ][]</data>"
                        + "<data id=\"d4\">[^1]</data><data id=\"d5\">https://exemple.com/aide</data>")
                .contains("<source>Voir le <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">guide complet</pc>, la "
                        + "<ph id=\"3\" dataRef=\"d3\"/> et la note<ph id=\"4\" dataRef=\"d4\"/>, ou <ph id=\"5\" dataRef=\"d5\"/>.</source>")
                .contains("<target>See the note<ph id=\"4\" dataRef=\"d4\"/>, <ph id=\"5\" dataRef=\"d5\"/>, the <ph id=\"3\" dataRef=\"d3\"/>"
                        + " and the <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">full guide</pc>.</target>");
        assertThat(new XliffReader().read(xliff.getBytes(StandardCharsets.UTF_8)).targets()).containsEntry(paragraph.id(), reused);

        String xliff12 = new Xliff12Writer().write(BLOCK, List.of(paragraph), segment -> Optional.of(reused));
        assertThat(xliff12).contains("<target state=\"translated\">See the note<ph id=\"4\">[^1]</ph>, "
                + "<ph id=\"5\">https://exemple.com/aide</ph>, the <ph id=\"3\">[FAQ][]</ph> and the "
                + "<bpt id=\"1\">[</bpt>full guide<ept id=\"1\">][guide]</ept>.</target>");
        assertThat(new XliffReader().read(xliff12.getBytes(StandardCharsets.UTF_8)).targets()).containsEntry(paragraph.id(), reused);
    }

    /**
     * The addresses of raw HTML are a translator's to keep, not to translate: in the real CDS
     * articles (WordPress HTML in Markdown, 471 addresses), every href, src and
     * srcset candidate of every unit is inside a code's original data, none in the text a tool
     * offers; so is one after an attribute whose value holds a {@code >}, where the tag's code
     * used to end and the rest of the tag, its address included, was text to translate.
     */
    @Test
    void everyAddressInRawHtmlIsInsideACodeNeverInTheTextToTranslate() throws Exception {
        Segmenter segmenter = new Segmenter(new MarkdownEngine());
        ArticleParser parser = new ArticleParser(5_000_000);
        List<Segment> segments = new ArrayList<>();
        Path pairs = Path.of("src/test/resources/corpus/pairs");
        try (Stream<Path> files = Files.walk(pairs)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("(en|fr)\\.md")
                    && f.getParent().getFileName().toString().startsWith("cds-")).sorted().toList()) {
                var parsed = parser.parseText(new SourceFile(file.toString(), null, new byte[0], null),
                        Files.readString(file));
                segments.addAll(segmenter.segment(parsed.frontMatter(), parsed.body(), parsed.bodyLine()).body());
            }
        }
        segments.addAll(segmenter.segment(FrontMatter.empty(), """
                <p>Lisez <a title="avant > après" href="/guides/migration/">la migration</a> et <A HREF='/guides/faq/'>la FAQ</A>.</p>

                Un paragraphe avec <a title="1 > 0" href="/guides/ordre/">un lien en ligne</a> au milieu.
                """, 1).body());

        NodeList units = xml(new XliffWriter().write(BLOCK, segments, unit -> Optional.empty()))
                .getElementsByTagNameNS(XliffWriter.XLIFF, "unit");
        assertThat(units.getLength()).isEqualTo(segments.size());
        int addresses = 0;
        for (int u = 0; u < segments.size(); u++) {
            Segment segment = segments.get(u);
            Element unit = (Element) units.item(u);
            String offered = text(unit.getElementsByTagNameNS(XliffWriter.XLIFF, "source").item(0));
            List<String> data = new ArrayList<>();
            NodeList items = unit.getElementsByTagNameNS(XliffWriter.XLIFF, "data");
            for (int i = 0; i < items.getLength(); i++) {
                data.add(items.item(i).getTextContent());
            }
            for (HtmlTags.Tag tag : HtmlTags.of(segment.text())) {
                for (String address : tag.addresses()) {
                    addresses++;
                    assertThat(data).as(segment.id() + ": " + address).anyMatch(code -> code.contains(address));
                    assertThat(offered).as(segment.id()).doesNotContain(address);
                }
            }
            assertThat(offered).as(segment.id()).doesNotContainIgnoringCase("href=").doesNotContainIgnoringCase("src=");
        }
        assertThat(addresses).as("every href, src and srcset candidate of the CDS pairs, and three by hand").isEqualTo(474);
    }

    private static Document xml(String xliff) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xliff.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text a tool offers for translation: the element's text nodes, codes' contents (a pc's text) included, no original data. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            text.append(child.getNodeType() == Node.TEXT_NODE ? child.getNodeValue() : text(child));
        }
        return text.toString();
    }
}
