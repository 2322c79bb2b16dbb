package io.contentpipeline.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.contentpipeline.intake.ReturnsFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Export to XLIFF 2.1 (or 1.2), fill every target as a translation tool would, import: the English joins the bundle. */
class XliffRoundTripTest {

    private static final String XLIFF = "urn:oasis:names:tc:xliff:document:2.0";
    private static final String XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2";
    private static final Pattern CODES = Pattern.compile("`[^`]*`|\\]\\([^)]*\\)|<[^>]+>|\\{\\{[<%].*?[%>]}}|\\{#[^}]*}|&#?\\w+;|\\*\\*");

    @TempDir
    Path temp;

    /** An XLIFF file has no translation: block: the wrong-folder message names where the file says its language. */
    @Test
    void aFilledXliffFileInAnotherLanguageFolderIsToldWhereToGoByItsMetadata() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        home.drop("inbox/translations/ES/role-cmo-pme.en.xlf",
                fill(home.read("outbox/translations/EN/role-cmo-pme.xlf"), Translator.englishSeedByUnit()));
        // Not translated yet: the folder is named first, not each empty unit.
        home.drop("inbox/translations/ES/unfilled.xlf", home.read("outbox/translations/EN/role-cmo-pme.xlf"));
        assertThat(home.runOnce()).isZero();

        for (String name : List.of("role-cmo-pme.en.xlf", "unfilled.xlf")) {
            assertThat(home.json("outbox/rejected/" + name + ".errors.json").get("errors")).singleElement().satisfies(error -> {
                assertThat(error.get("code").asText()).isEqualTo("translation-language");
                assertThat(error.get("message").asText()).isEqualTo("the file is a translation into EN but was dropped in"
                        + " inbox/translations/ES/: returns are taken from the folder of their language only; drop it into"
                        + " inbox/translations/EN/ (its XLIFF metadata's target_lang is en)");
            });
        }
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("translation.rejected"))
                .extracting(e -> e.get("slug").asText() + " " + e.get("lang").asText() + " " + e.get("version").asInt())
                .containsOnly("role-cmo-pme en 1");
    }

    @Test
    void aFilledXliffFileIsMergedBackIntoMarkdownWithTheSourceStructure() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String exported = home.read("outbox/translations/EN/role-cmo-pme.xlf");
        assertThat(exported).contains("xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"").contains("version=\"2.1\"")
                .contains("srcLang=\"fr\"").contains("trgLang=\"en\"").contains("<mda:meta type=\"source_version\">1</mda:meta>")
                .contains("<pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">Définition de la Stratégie Marketing</pc>").contains("state=\"initial\"");

        home.drop("inbox/translations/EN/role-cmo-pme.en.xlf", fill(exported, Translator.englishSeedByUnit()));
        assertThat(home.runOnce()).isZero();

        JsonNode en = home.bundle("role-cmo-pme").get("languages").get("en");
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("title").asText()).isEqualTo("The CMO's role in an SME: more than a marketing project manager");
        String markdown = home.read("outbox/published/role-cmo-pme/index.en.md");
        assertThat(markdown).contains("### The CMO's Role in an SME: Definition by BLOT Antoine")
                .contains("1.  **Defining the Marketing Strategy**")
                .contains("| SME situation")
                .doesNotContain("Définition de la Stratégie");
        assertThat(en.get("outline")).hasSize(5);
    }

    @Test
    void xliff12IsOfferedBehindASettingAndMergedBackTheSameWay() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.xliff.version", "1.2"));
        home.publishSeed("seed.txt");
        String exported = home.read("outbox/translations/EN/role-cmo-pme.xlf");
        assertThat(exported).contains("xmlns=\"" + XLIFF_12 + "\"").contains("version=\"1.2\"")
                .contains("source-language=\"fr\"").contains("target-language=\"en\"")
                .contains("<prop prop-type=\"source_version\">1</prop>").contains("<trans-unit id=\"fm.title\"")
                .contains("<bpt id=\"1\">**</bpt>Définition de la Stratégie Marketing<ept id=\"1\">**</ept>")
                .doesNotContain("<target");

        home.drop("inbox/translations/EN/role-cmo-pme.en.xlf", fill12(exported, Translator.englishSeedByUnit()));
        assertThat(home.runOnce()).isZero();

        JsonNode en = home.bundle("role-cmo-pme").get("languages").get("en");
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("title").asText()).isEqualTo("The CMO's role in an SME: more than a marketing project manager");
        assertThat(home.read("outbox/published/role-cmo-pme/index.en.md"))
                .contains("1.  **Defining the Marketing Strategy**").doesNotContain("Définition de la Stratégie");
    }

    /**
     * A filled XLIFF file whose source is not published yet waits for it, as a Markdown return
     * does (a translation tool's return can overtake its article). The file was read as
     * Markdown to find what it names, which an XLIFF file never is: it was let through at once
     * and rejected, "the XLIFF file names 'role-cmo-pme' version 1, which is not known".
     */
    @Test
    void anXliffReturnWhoseSourceIsNotPublishedYetWaitsForIt() throws Exception {
        PipelineHome elsewhere = new PipelineHome(temp.resolve("elsewhere"));
        elsewhere.publishSeed("seed.txt");
        String filled = fill(elsewhere.read("outbox/translations/EN/role-cmo-pme.xlf"), Translator.englishSeedByUnit());
        PipelineHome home = new PipelineHome(temp.resolve("home"));
        home.drop("inbox/translations/EN/role-cmo-pme.en.xlf", filled);

        List<String> logged = RejectionTest.logLines(home::runOnce, 0, ReturnsFilter.class.getName());

        // Named once, although the consumer and the --once idle check both look at the file.
        assertThat(logged).filteredOn(line -> line.startsWith("translation.waiting ")).singleElement().asString()
                .startsWith("translation.waiting slug=role-cmo-pme lang=en version=1 file=role-cmo-pme.en.xlf: its source is not published yet;");
        assertThat(home.files("inbox/translations/EN")).containsExactly("role-cmo-pme.en.xlf");
        assertThat(home.files("outbox/rejected")).isEmpty();
        assertThat(home.eventNames()).isEmpty();

        home.publishSeed("seed.txt");

        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(home.files("outbox/rejected")).isEmpty();
        JsonNode en = home.bundle("role-cmo-pme").get("languages").get("en");
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("input_file").asText()).isEqualTo("role-cmo-pme.en.xlf");
    }

    /**
     * An XML editor's "format document", or a translator filling targets by hand, lays each
     * target out on lines of its own: that white space is the file's layout, not the text.
     * It used to reach the merged Markdown, where every paragraph became an indented code
     * block: the return was rejected with "0 code blocks expected, 12 found" and every
     * paragraph reported missing.
     */
    @Test
    void targetsLaidOutOnLinesOfTheirOwnAreMergedAsTheirText() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String filled = fill(home.read("outbox/translations/EN/role-cmo-pme.xlf"), Translator.englishSeedByUnit());
        String laidOut = filled.replace("<target>", "<target>\n          ").replace("</target>", "\n        </target>");
        assertThat(laidOut).contains("<target>\n          The CMO's role in an SME");

        home.drop("inbox/translations/EN/role-cmo-pme.en.xlf", laidOut);
        assertThat(home.runOnce()).isZero();

        assertThat(temp.resolve("outbox/rejected/role-cmo-pme.en.xlf.errors.json")).doesNotExist();
        JsonNode en = home.bundle("role-cmo-pme").get("languages").get("en");
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("title").asText()).isEqualTo("The CMO's role in an SME: more than a marketing project manager");
        assertThat(en.get("warnings").toString()).doesNotContain("whitespace-changed");
        assertThat(home.read("outbox/published/role-cmo-pme/index.en.md"))
                .contains("\n### The CMO's Role in an SME: Definition by BLOT Antoine\n")
                .contains("\n1.  **Defining the Marketing Strategy**\n")
                .doesNotContain("\n          ");
    }

    /**
     * A file whose bytes disagree with its XML declaration: encoding="UTF-16" left by an editor
     * that saved it as UTF-8, or a UTF-8 file saved as ANSI (Windows-1252). The parser's words
     * were all the translator got: "Content is not allowed in prolog.", "Invalid byte 1 of
     * 1-byte UTF-8 sequence.". A file really in UTF-16 is read.
     */
    @Test
    void anXliffFileWhoseEncodingIsNotTheDeclaredOneIsToldWhichToUse() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String filled = fill(home.read("outbox/translations/EN/role-cmo-pme.xlf"), Translator.englishSeedByUnit());
        assertThat(filled).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"");
        String sixteen = filled.replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        home.drop("inbox/translations/EN/declared16.xlf", sixteen.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        home.drop("inbox/translations/EN/ansi.xlf", filled.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        home.drop("inbox/translations/EN/utf16.xlf", sixteen.getBytes(java.nio.charset.StandardCharsets.UTF_16));
        assertThat(home.runOnce()).isZero();

        assertThat(home.json("outbox/rejected/declared16.xlf.errors.json").at("/errors/0/message").asText())
                .isEqualTo("the XLIFF file is not well-formed XML: its XML declaration says encoding=\"UTF-16\", but the file is"
                        + " not saved in UTF-16 (an editor converted it and left the declaration): change the declaration to"
                        + " encoding=\"UTF-8\"");
        assertThat(home.json("outbox/rejected/ansi.xlf.errors.json").at("/errors/0/message").asText())
                .isEqualTo("the XLIFF file is not well-formed XML: it is not saved in UTF-8, which its XML declaration says"
                        + " (saved as ANSI or Windows-1252?): save it again as UTF-8");
        assertThat(home.files("outbox/rejected")).noneMatch(name -> name.startsWith("utf16"));
        assertThat(home.bundle("role-cmo-pme").at("/languages/en/input_file").asText()).isEqualTo("utf16.xlf");
    }

    /**
     * A translator adding a link in a translation tool, which offers no code for it, types it
     * as Markdown. The merge shows it as typed (markup comes from codes only), so the English
     * page read "[BLOT Antoine](https://www.antoine-blot.com/)" with no word from any check: the
     * source has no link to miss. It is still accepted, with a warning at its unit and line.
     */
    @Test
    void aMarkdownLinkTypedInATargetIsPublishedAsTypedWithAWarningAtItsUnit() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String filled = fill(home.read("outbox/translations/EN/role-cmo-pme.xlf"), Translator.englishSeedByUnit());
        String typed = filled.replace("as analysed by BLOT Antoine,", "as analysed by [BLOT Antoine](https://www.antoine-blot.com/),");
        assertThat(typed).isNotEqualTo(filled);

        home.drop("inbox/translations/EN/role-cmo-pme.en.xlf", typed);
        assertThat(home.runOnce()).isZero();

        JsonNode en = home.bundle("role-cmo-pme").get("languages").get("en");
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("warnings")).singleElement().satisfies(warning -> {
            assertThat(warning.get("code").asText()).isEqualTo("xliff-markdown-typed");
            assertThat(warning.get("field").asText()).isEqualTo("p-9ab03917");
            assertThat(warning.get("line").asInt()).isEqualTo(Translator.lineOf(typed, "<unit id=\"p-9ab03917\""));
            assertThat(warning.get("message").asText()).isEqualTo("Markdown typed in the target, \"[BLOT Antoine]"
                    + "(https://www.antoine-blot.com/)\", is published as typed, not as a link: a link comes from the source's"
                    + " codes (<pc>); keep the text without the brackets and address, or return the Markdown draft to add a link");
        });
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("translation.accepted"))
                .singleElement().satisfies(e -> assertThat(e.get("detail").get("warnings").toString()).contains("p-9ab03917: Markdown typed in the target"));
    }

    /**
     * A translation tool shows a unit's markup as codes, never the Markdown: a block named in a
     * problem is quoted by its words. A link lost in a target was reported at "the block
     * "[Nos consultations de 2016](https://exemple.ca/consult…"", Markdown its translator never saw.
     */
    @Test
    void aBlockNamedInAnXliffReturnsProblemIsQuotedByItsWordsNotItsMarkdown() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/besoins.md", """
                ---
                title: Partir des besoins des gens
                date: 2024-05-02
                lang: fr
                ---
                [Nos consultations de 2016](https://exemple.ca/consultations/) nous ont appris qu'il faut partir des besoins des gens.

                Une équipe qui rencontre ses usagers apprend davantage qu'en des mois de réunions et de rapports.
                """);
        assertThat(home.runOnce()).isZero();
        String draft = home.read("outbox/translations/EN/besoins.xlf");
        // Every target filled with its source, codes and all, but the link's code pair left out of the first paragraph's.
        String filled = draft.replaceAll("<source>(.*?)</source></segment>", "<source>$1</source><target>$1</target></segment>")
                .replace("state=\"initial\"", "state=\"translated\"")
                .replaceFirst("<target><pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">Nos consultations de 2016</pc>",
                        "<target>Nos consultations de 2016");
        assertThat(filled).contains("<target>Nos consultations de 2016 nous ont appris");

        home.drop("inbox/translations/EN/besoins.xlf", filled);
        assertThat(home.runOnce()).isZero();

        JsonNode warnings = home.json("outbox/rejected/besoins.xlf.errors.json").get("warnings");
        assertThat(warnings).filteredOn(warning -> warning.get("code").asText().equals("structure-links")).singleElement()
                .satisfies(error -> assertThat(error.get("message").asText())
                        .contains("first: the block \"Nos consultations de 2016 nous ont appris qu'il faut part…\" has 1 link, its translation has no link")
                        .doesNotContain("](", "exemple.ca"));
    }

    /**
     * An XLIFF file holds every segment's text twice once filled, with its markup as codes: four
     * times its article (a 4.59 MB article made a 12.4 MB draft). Held to the article limit, the
     * pipeline's own draft of an article near it could not come back (file-too-large, unread).
     */
    @Test
    void theFilledXliffDraftOfAnArticleNearTheSizeLimitIsTakenBack() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.max-file-bytes", "5000"));
        home.publishSeed("seed.txt");
        String filled = fill(home.read("outbox/translations/EN/role-cmo-pme.xlf"), Translator.englishSeedByUnit());
        assertThat(filled.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("three times the limit for articles")
                .isGreaterThan(3 * 5000);

        home.drop("inbox/translations/EN/role-cmo-pme.en.xlf", filled);
        assertThat(home.runOnce()).isZero();

        assertThat(home.bundle("role-cmo-pme").get("languages").get("en").get("status").asText()).isEqualTo("current");
    }

    @Test
    void anXliffFileOverItsOwnLimitIsRejectedUnreadNamingThatLimit() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.max-xliff-bytes", "10000"));
        home.publishSeed("seed.txt");
        String filled = fill(home.read("outbox/translations/EN/role-cmo-pme.xlf"), Translator.englishSeedByUnit());
        int size = filled.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;

        home.drop("inbox/translations/EN/role-cmo-pme.en.xlf", filled);
        assertThat(home.runOnce()).isZero();

        JsonNode error = home.json("outbox/rejected/role-cmo-pme.en.xlf.errors.json").get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("file-too-large");
        assertThat(error.get("message").asText()).isEqualTo("the file is " + size + " bytes; the limit for XLIFF files is 10000"
                + " (setting pipeline.max-xliff-bytes)");
    }

    /**
     * A slug mistyped in the file's metadata, past the wait for its source: the same rejection
     * as a Markdown return's, with the slug it most likely meant. It was xliff-invalid, "the
     * XLIFF file names 'role-cmo-pmee' version 1, which is not known", with no hint.
     */
    @Test
    void anXliffReturnNamingNoPublishedArticleIsRejectedAsAMarkdownReturnIsWithTheClosestSlug() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.returns.source-wait", "PT0S"));
        JsonNode error = firstErrorOfAReturnWhoseMetadataSays(home, "source", "role-cmo-pme", "role-cmo-pmee");

        assertThat(error.get("code").asText()).isEqualTo("translation-unknown-source");
        assertThat(error.get("message").asText()).startsWith("no published article has the slug 'role-cmo-pmee' (did you mean 'role-cmo-pme'?)")
                .contains("keep the source in its metadata (<mda:meta type=\"source\">) as the draft gave it");
        assertThat(home.bundle("role-cmo-pme").get("languages").has("en")).isFalse();
    }

    /** A source version that does not exist, past the wait: as for a Markdown return, translation-unknown-version. */
    @Test
    void anXliffReturnNamingAVersionNotPublishedIsRejectedAsAMarkdownReturnIs() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.returns.source-wait", "PT0S"));
        JsonNode error = firstErrorOfAReturnWhoseMetadataSays(home, "source_version", "1", "7");

        assertThat(error.get("code").asText()).isEqualTo("translation-unknown-version");
        assertThat(error.get("message").asText()).isEqualTo("version 7 of 'role-cmo-pme' does not exist (current: 1)");
    }

    /** Publishes the seed, returns its filled XLIFF draft with one metadata value changed, and gives the first error of its rejection. */
    private static JsonNode firstErrorOfAReturnWhoseMetadataSays(PipelineHome home, String type, String given, String written) throws Exception {
        home.publishSeed("seed.txt");
        String meta = "<mda:meta type=\"" + type + "\">";
        String edited = fill(home.read("outbox/translations/EN/role-cmo-pme.xlf"), Translator.englishSeedByUnit())
                .replace(meta + given + "<", meta + written + "<");
        assertThat(edited).contains(meta + written + "<");

        home.drop("inbox/translations/EN/role-cmo-pme.en.xlf", edited);
        assertThat(home.runOnce()).isZero();
        return home.json("outbox/rejected/role-cmo-pme.en.xlf.errors.json").get("errors").get(0);
    }

    @Test
    void aReturnInALanguageNoDraftWentOutForIsRejected() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("seed.txt");
        String relabelled = fill(home.read("outbox/translations/EN/role-cmo-pme.xlf"), Translator.englishSeedByUnit())
                .replace("trgLang=\"en\"", "trgLang=\"es\"").replace("<mda:meta type=\"target_lang\">en<", "<mda:meta type=\"target_lang\">es<");
        assertThat(relabelled).contains("trgLang=\"es\"", "<mda:meta type=\"target_lang\">es<");

        home.drop("inbox/translations/ES/role-cmo-pme.es.xlf", relabelled);
        assertThat(home.runOnce()).isZero();

        assertThat(home.json("outbox/rejected/role-cmo-pme.es.xlf.errors.json").get("errors").get(0).get("message").asText())
                .isEqualTo("no translation into ES was requested for 'role-cmo-pme' (requested: EN)");
        assertThat(home.bundle("role-cmo-pme").get("languages").has("es")).isFalse();
    }

    /**
     * Adds a target to every trans-unit, each code written as the source's code element with
     * the same text ({@code <ph>}, or {@code <bpt>} and {@code <ept>} for a pair), which holds
     * the code itself in 1.2.
     */
    private static String fill12(String xliff, Map<String, String> targets) throws Exception {
        return withTargets(xliff, XLIFF_12, "trans-unit", targets, (document, unit, text) -> {
            Element source = (Element) unit.getElementsByTagNameNS(XLIFF_12, "source").item(0);
            Map<String, List<Element>> codesByText = new HashMap<>();
            for (Node child = source.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element code) {
                    codesByText.computeIfAbsent(code.getTextContent(), t -> new ArrayList<>()).add(code);
                }
            }
            Element target = document.createElementNS(XLIFF_12, "target");
            target.setAttribute("state", "translated");
            appendWithCodes(document, target, text, code -> (Element) codesByText.get(code).remove(0).cloneNode(true));
            unit.appendChild(target);
        });
    }

    /** Adds a target to every unit, codes written as placeholders pointing at the unit's original data. */
    private static String fill(String xliff, Map<String, String> targets) throws Exception {
        return withTargets(xliff, XLIFF, "unit", targets, (document, unit, text) -> {
            Map<String, List<String>> dataByText = idsByText(unit.getElementsByTagNameNS(XLIFF, "data"));
            Element segment = (Element) unit.getElementsByTagNameNS(XLIFF, "segment").item(0);
            segment.setAttribute("state", "translated");
            Element target = document.createElementNS(XLIFF, "target");
            appendWithCodes(document, target, text, code -> {
                String ref = dataByText.get(code).remove(0);
                Element ph = document.createElementNS(XLIFF, "ph");
                ph.setAttribute("id", ref.substring(1));
                ph.setAttribute("dataRef", ref);
                return ph;
            });
            segment.appendChild(target);
        });
    }

    /** How a translation tool writes one unit's translated text into the document. */
    private interface UnitFill {
        void fill(Document document, Element unit, String text);
    }

    /** Parses an exported file, fills every unit as {@code fill} says, and writes the file back. */
    private static String withTargets(String xliff, String namespace, String unitName, Map<String, String> targets,
                                      UnitFill fill) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xliff.getBytes()));
        NodeList units = document.getElementsByTagNameNS(namespace, unitName);
        for (int i = 0; i < units.getLength(); i++) {
            Element unit = (Element) units.item(i);
            fill.fill(document, unit, targets.get(unit.getAttribute("id")));
        }
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toString();
    }

    /** Element ids by the element's text, in document order: a code can occur more than once in a unit. */
    private static Map<String, List<String>> idsByText(NodeList elements) {
        Map<String, List<String>> ids = new HashMap<>();
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            ids.computeIfAbsent(element.getTextContent(), t -> new ArrayList<>()).add(element.getAttribute("id"));
        }
        return ids;
    }

    /** The text as text nodes, each protected code replaced by the placeholder made for it. */
    private static void appendWithCodes(Document document, Element target, String text, Function<String, Element> placeholder) {
        Matcher code = CODES.matcher(text);
        int copied = 0;
        while (code.find()) {
            target.appendChild(document.createTextNode(text.substring(copied, code.start())));
            target.appendChild(placeholder.apply(code.group()));
            copied = code.end();
        }
        target.appendChild(document.createTextNode(text.substring(copied)));
    }
}
