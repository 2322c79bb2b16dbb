package io.contentpipeline.xliff;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;
import io.contentpipeline.markdown.MarkdownEngine;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The inline markup other tools write into XLIFF 2 and 1.2 targets, read back to the Markdown it stands for. */
class XliffReaderTest {

    private static XliffReader.Filled read(String units) {
        String xliff = """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="en">
                <file id="f1">%s</file>
                </xliff>
                """.formatted(units);
        return new XliffReader().read(xliff.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void xliff12PairedCodesTakeTheSourcesCodeOfTheSameElementAndId() {
        String xliff = """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="s.md" source-language="fr"
                  target-language="en" datatype="x-markdown"><body>
                <trans-unit id="p-1"><source>Lire <bpt id="1">[</bpt>le guide<ept id="1">](/g/)</ept> puis <bpt id="3">[</bpt>la FAQ<ept id="3">](/faq/)</ept><ph id="5">&lt;br&gt;</ph></source>
                <target>Read <bpt id="3">[</bpt>the FAQ<ept id="3">](/altered/)</ept> after <bpt id="1"/>the guide<ept id="1">](/g/)</ept><ph id="5"/></target></trans-unit>
                </body></file></xliff>
                """;
        XliffReader.Filled filled = new XliffReader().read(xliff.getBytes(StandardCharsets.UTF_8));
        assertThat(filled.targets()).containsEntry("p-1", "Read [the FAQ](/faq/) after [the guide](/g/)<br>");
    }

    @Test
    void xliff12PairedCodesThatCrossOrStandAloneRejectTheFileAtTheirUnit() {
        String crossed = xliff12("Here is <bpt id=\"3\">*</bpt>a <bpt id=\"5\">_</bpt>cross<ept id=\"3\">*</ept> over<ept id=\"5\">_</ept>");
        String lone = xliff12("A lone end<ept id=\"1\">](https://exemple.com/)</ept>");

        assertThatThrownBy(() -> new XliffReader().read(crossed.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(io.contentpipeline.article.RejectedInputException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.code()).isEqualTo("xliff-invalid");
                        assertThat(problem.field()).isEqualTo("p-1");
                        assertThat(problem.line()).isEqualTo(4);
                        assertThat(problem.message()).contains("<ept id=\"3\">");
                    });
                });
        assertThatThrownBy(() -> new XliffReader().read(lone.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("<ept id=\"1\">");
    }

    private static String xliff12(String target) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="s.md" source-language="fr"
                  target-language="en" datatype="x-markdown"><body>
                <trans-unit id="p-1"><source>Voici <bpt id="3">*</bpt>un <bpt id="5">_</bpt>croisement<ept id="5">_</ept><ept id="3">*</ept></source>
                <target>%s</target></trans-unit>
                </body></file></xliff>
                """.formatted(target);
    }

    @Test
    void pairedCodesAnnotationsAndCodePointsKeepTheirText() {
        XliffReader.Filled filled = read("""
                <unit id="p-1"><originalData><data id="d1">&lt;b&gt;</data><data id="d2">](https://example.com/)</data>
                <data id="d3">&lt;em&gt;</data><data id="d4">&lt;/em&gt;</data><data id="d5">&lt;/b&gt;</data></originalData>
                <segment><source><pc id="1" dataRefStart="d1" dataRefEnd="d5">gras</pc> [lien<ph id="2" dataRef="d2"/>
                <sc id="3" dataRef="d3"/>fin<ec startRef="3" dataRef="d4"/></source>
                <target><pc id="1">bold</pc> [<mrk id="m1" type="term">link</mrk><ph id="2"/>
                <sc id="3"/>end<ec startRef="3"/><cp hex="00A0"/>!</target></segment></unit>
                """);
        assertThat(filled.targets()).containsEntry("p-1", "<b>bold</b> [link](https://example.com/)\n<em>end</em>\u00A0!");
        assertThat(filled.untranslated()).isEmpty();
    }

    /**
     * A code's original data is the {@code <data>} of its own unit's {@code <originalData>}: one
     * anywhere else in the unit (a tool's note, a target) is no original data. Before, every
     * {@code <data>} of the unit counted, the last one of an id winning, so one typed into a
     * target replaced the link's address the draft gave.
     */
    @Test
    void aCodeTakesItsDataFromItsUnitsOriginalDataOnly() {
        XliffReader.Filled filled = read("""
                <unit id="p-1"><originalData><data id="d1">[</data><data id="d2">](https://exemple.com/guide)</data></originalData>
                <segment state="translated"><source>Lire <pc id="1" dataRefStart="d1" dataRefEnd="d2">le guide</pc>.</source>
                <target>Read <pc id="1" dataRefStart="d1" dataRefEnd="d2">the guide</pc>.<data id="d2">](https://elsewhere.example/)</data></target>
                </segment></unit>
                """);
        assertThat(filled.targets()).containsEntry("p-1", "Read [the guide](https://exemple.com/guide).");
    }

    /** A code whose data its unit's originalData does not hold (found in a note instead) rejects the file at its unit. */
    @Test
    void aCodeWhoseDataIsNotInItsUnitsOriginalDataRejectsTheFileAtItsUnit() {
        String unit = """
                <unit id="p-1"><notes><note><data id="d2">](https://exemple.com/guide)</data></note></notes>
                <originalData><data id="d1">[</data></originalData>
                <segment state="translated"><source>Lire <pc id="1" dataRefStart="d1" dataRefEnd="d2">le guide</pc>.</source>
                <target>Read <pc id="1" dataRefStart="d1" dataRefEnd="d2">the guide</pc>.</target></segment></unit>
                """;
        assertThatThrownBy(() -> read(unit)).isInstanceOfSatisfying(io.contentpipeline.article.RejectedInputException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.code()).isEqualTo("xliff-invalid");
                    assertThat(problem.field()).isEqualTo("p-1");
                    assertThat(problem.line()).isEqualTo(3);
                    assertThat(problem.message()).isEqualTo("unit 'p-1': the code <pc id=\"1\"> names original data 'd2',"
                            + " which is not in the unit's <originalData>: restore the unit's codes and original data as the draft has them");
                }));
    }

    @Test
    void whatATranslatorTypesIsTextNotMarkup() {
        XliffReader.Filled filled = read("""
                <unit id="p-1"><segment><source>gouvernance et leadership</source>
                  <target>governance &amp; &lt;leadership&gt; &amp;amp; R&amp;D<![CDATA[ <b>bold</b>]]></target></segment></unit>
                """);
        assertThat(filled.targets()).containsEntry("p-1", "governance & &lt;leadership> &amp;amp; R&D &lt;b>bold&lt;/b>");
    }

    @Test
    void emphasisATranslatorTypesStaysLiteralWhileEmphasisFromCodesIsKept() {
        XliffReader.Filled filled = read("""
                <unit id="p-1"><originalData><data id="d1">*</data><data id="d2">*</data></originalData>
                  <segment><source><pc id="1" dataRefStart="d1" dataRefEnd="d2">mot</pc></source>
                  <target><pc id="1" dataRefStart="d1" dataRefEnd="d2">word</pc>, *not* this, nor __that__, 5 * 3 and snake_case</target></segment></unit>
                """);
        assertThat(filled.targets()).containsEntry("p-1", "*word*, &#42;not&#42; this, nor &#95;&#95;that&#95;&#95;, 5 * 3 and snake_case");
    }

    @Test
    void markdownATranslatorTypesIsShownAsTypedNotRunAsMarkup() {
        String typed = "# Note: see [the guide](https://evil.example/) or [1], run `rm -rf`, {{< youtube abc >}} | done\n"
                + "1986. A year\n> not a quote\n- not an item\n===\nC:\\Users and an escape \\* copied";
        XliffReader.Filled filled = read("""
                <unit id="p-1"><segment><source>texte</source>
                  <target>%s</target></segment></unit>
                """.formatted(typed.replace("&", "&amp;").replace("<", "&lt;")));
        String markdown = filled.targets().get("p-1");
        MarkdownEngine engine = new MarkdownEngine();
        Document page = engine.parse(markdown);

        assertThat(page.getFirstChild()).as("no heading, list, quote or table typed into being").isInstanceOf(Paragraph.class);
        assertThat(page.getFirstChild().getNext()).isNull();
        assertThat(Jsoup.parse(engine.render(page)).text()).as("the page shows what was typed, its one escape aside")
                .isEqualTo(typed.replace("\\*", "*").replace('\n', ' '));
        assertThat(markdown).doesNotContain("](", "`", "{{<").contains("C:\\Users", "\\*");
    }

    /**
     * A colon or a dash after a code on the same line starts no block, so it stays as typed: an
     * escaped one used to stay in the published page and come back in the next draft as a code.
     */
    @Test
    void blockMarkersAreEscapedAtALinesStartOnlyNotAfterACode() {
        XliffReader.Filled filled = read("""
                <unit id="p-1"><originalData><data id="d1">**</data><data id="d2">&lt;br&gt;</data></originalData>
                  <segment><source>x</source>
                  <target><pc id="1" dataRefStart="d1" dataRefEnd="d1">Definition</pc>: a senior role - not a task <pc id="2" dataRefStart="d1" dataRefEnd="d1">- really</pc></target></segment></unit>
                <unit id="p-2"><segment><source>y</source><target>- not an item
                : nor a definition</target></segment></unit>
                """);

        assertThat(filled.targets()).containsEntry("p-1", "**Definition**: a senior role - not a task **- really**")
                .containsEntry("p-2", "&#45; not an item\n&#58; nor a definition");
    }

    @Test
    void aFieldIsPlainTextSoWhatTheTranslatorTypesStaysAsTyped() {
        XliffReader.Filled filled = read("""
                <unit id="fm.title"><segment><source>Le fichier _config.yml et les 5 *meilleurs* réglages</source>
                  <target>The _config.yml file and the 5 *best* settings, R&amp;D &lt;beta&gt;</target></segment></unit>
                """);
        assertThat(filled.targets()).containsEntry("fm.title", "The _config.yml file and the 5 *best* settings, R&D <beta>");
    }

    @Test
    void aUnitOfCodesAloneNeedsNoTarget() {
        XliffReader.Filled filled = read("""
                <unit id="html-1"><originalData><data id="d1">&lt;img src="/a.png"&gt;</data></originalData>
                  <segment><source><ph id="1" dataRef="d1"/></source></segment></unit>
                """);
        assertThat(filled.targets()).containsEntry("html-1", "<img src=\"/a.png\">");
        assertThat(filled.untranslated()).isEmpty();
    }

    @Test
    void aTruncatedFileIsRejectedWithTheLineAndColumnWhereItBreaks() {
        byte[] truncated = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\">\n<file id=\"f1\">\n<unit id=\"p-1\"><segm"
                .getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new XliffReader().read(truncated))
                .isInstanceOfSatisfying(io.contentpipeline.article.RejectedInputException.class, rejected -> {
                    assertThat(rejected.problems().get(0).code()).isEqualTo("xliff-invalid");
                    assertThat(rejected.problems().get(0).line()).isEqualTo(3);
                    assertThat(rejected.problems().get(0).column()).isPositive();
                });
    }

    @Test
    void anXliffVersionThisPipelineDoesNotReadIsRejected() {
        String xliff = """
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="3.0" srcLang="fr" trgLang="en"><file id="f1"/></xliff>
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new XliffReader().read(xliff.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(io.contentpipeline.article.RejectedInputException.class).hasMessageContaining("'3.0'");
    }

    @Test
    void aCodePointThatIsNoNumberRejectsTheFile() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("""
                <unit id="p-1"><segment><source>Un.</source><target>One<cp hex="zz"/>.</target></segment></unit>
                """)).isInstanceOfSatisfying(io.contentpipeline.article.RejectedInputException.class, e ->
                        // Named by its unit and the line where the unit starts, as the other problems of a unit are.
                        assertThat(e.problems()).singleElement().satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("p-1");
                            assertThat(problem.line()).isEqualTo(3);
                        }))
                .hasMessageContaining("unit 'p-1'").hasMessageContaining("hex");
    }

    @Test
    void segmentsAreJoinedWithTheirIgnorablesAndInTheTargetOrder() {
        XliffReader.Filled filled = read("""
                <unit id="p-1">
                  <segment><source>Un.</source><target order="3">Two.</target></segment>
                  <ignorable><source> </source></ignorable>
                  <segment><source>Deux.</source><target order="1">One.</target></segment>
                </unit>
                """);
        assertThat(filled.targets()).containsEntry("p-1", "One. Two.");
    }

    @Test
    void aUnitWithASegmentLeftEmptyIsUntranslated() {
        XliffReader.Filled filled = read("""
                <unit id="p-1"><segment><source>Un.</source><target>One.</target></segment>
                  <segment><source>Deux.</source><target/></segment></unit>
                <unit id="p-2"><segment><source>Trois.</source></segment></unit>
                <unit id="p-3"><segment><source>Quatre.</source><target>Four.</target></segment></unit>
                """);
        assertThat(filled.untranslated()).containsExactly("p-1", "p-2");
        assertThat(filled.targets()).containsOnlyKeys("p-3");
    }

    @Test
    void aTargetThatRepeatsItsSourceInAStateSayingNobodyTranslatedItIsACopyNotATranslation() {
        XliffReader.Filled filled = read("""
                <unit id="p-1"><segment state="initial"><source>Bonjour à tous.</source><target>Bonjour  à tous.</target></segment></unit>
                <unit id="p-2"><segment state="translated"><source>Conclusion</source><target>Conclusion</target></segment></unit>
                <unit id="p-3"><segment state="initial"><source>Merci.</source><target>Thank you.</target></segment></unit>
                """);
        String xliff12 = """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="s.md" source-language="fr"
                  target-language="en" datatype="x-markdown"><body>
                <trans-unit id="p-1"><source>Bonjour à tous.</source><target state="needs-translation">Bonjour à tous.</target></trans-unit>
                <trans-unit id="p-2"><source>Conclusion</source><target state="translated">Conclusion</target></trans-unit>
                </body></file></xliff>
                """;
        XliffReader.Filled filled12 = new XliffReader().read(xliff12.getBytes(StandardCharsets.UTF_8));

        assertThat(filled.sourceCopies()).containsExactly("p-1");
        assertThat(filled.targets()).containsOnlyKeys("p-2", "p-3");
        assertThat(filled12.sourceCopies()).containsExactly("p-1");
        assertThat(filled12.targets()).containsOnlyKeys("p-2");
    }

    @Test
    void anXliff12SuggestionInAltTransIsNoTranslationOfItsUnit() {
        // Translation tools add their memory's matches to a 1.2 trans-unit as <alt-trans>, each
        // with a <source> and a <target> of its own: a fuzzy match for another sentence.
        String xliff12 = """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="s.md" source-language="fr"
                  target-language="en" datatype="x-markdown"><body>
                <trans-unit id="p-1"><source>Le rôle du <bpt id="1">**</bpt>CMO<ept id="1">**</ept> en PME.</source>
                  <alt-trans match-quality="72"><source>Le rôle du CFO.</source><target>The CFO's role.</target></alt-trans></trans-unit>
                <trans-unit id="p-2"><source>Merci.</source><target state="translated">Thank you.</target>
                  <alt-trans match-quality="80"><source>Merci beaucoup.</source><target>Thanks a lot.</target></alt-trans></trans-unit>
                </body></file></xliff>
                """;
        XliffReader.Filled filled = new XliffReader().read(xliff12.getBytes(StandardCharsets.UTF_8));

        assertThat(filled.untranslated()).containsExactly("p-1");
        assertThat(filled.targets()).containsOnly(org.assertj.core.api.Assertions.entry("p-2", "Thank you."));
    }

    @Test
    void aTargetLaidOutOnLinesOfItsOwnIsReadWithoutThatLayout() {
        XliffReader.Filled filled = read("""
                <unit id="p-1"><originalData><data id="d1">**</data><data id="d2">**</data></originalData>
                  <segment state="translated"><source><pc id="1" dataRefStart="d1" dataRefEnd="d2">Un</pc> mot.</source>
                    <target>
                      <pc id="1" dataRefStart="d1" dataRefEnd="d2">One</pc> word,
                      two lines.
                    </target></segment></unit>
                <unit id="p-2"><segment><source>Deux.</source><target>
                  </target></segment></unit>
                <unit id="p-3"><segment><source>Trois.</source><target>  Three. </target></segment></unit>
                """);
        String xliff12 = """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="s.md" source-language="fr"
                  target-language="en" datatype="x-markdown"><body>
                <trans-unit id="p-1"><source>Un mot.</source><target state="translated">
                    One word.
                  </target></trans-unit>
                </body></file></xliff>
                """;

        assertThat(filled.targets()).containsEntry("p-1", "**One** word,\n      two lines.")
                .as("spaces without a line break are the translator's").containsEntry("p-3", "  Three. ");
        assertThat(filled.untranslated()).containsExactly("p-2");
        assertThat(new XliffReader().read(xliff12.getBytes(StandardCharsets.UTF_8)).targets()).containsEntry("p-1", "One word.");
    }

    /**
     * A translation tool may export a whole project as one XLIFF document, one {@code <file>}
     * per draft. Read as one return, the last file's metadata named the article and the units
     * of the others were dropped without a word: their translations were lost.
     */
    @Test
    void aDocumentHoldingTheDraftsOfSeveralArticlesIsRejectedNamingThem() {
        String twoFiles = """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="en">
                <file id="f1" original="notify.md"><unit id="p-1"><segment><source>Un.</source><target>One.</target></segment></unit></file>
                <file id="f2" original="role-cmo-pme.md"><unit id="p-2"><segment><source>Deux.</source><target>Two.</target></segment></unit></file>
                </xliff>
                """;
        String twoFiles12 = """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
                <file original="notify.md" source-language="fr" target-language="en" datatype="x-markdown"><body></body></file>
                <file original="role-cmo-pme.md" source-language="fr" target-language="en" datatype="x-markdown"><body></body></file>
                </xliff>
                """;

        for (String xliff : List.of(twoFiles, twoFiles12)) {
            assertThatThrownBy(() -> new XliffReader().read(xliff.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(io.contentpipeline.article.RejectedInputException.class, e ->
                            assertThat(e.problems()).singleElement().satisfies(problem -> {
                                assertThat(problem.code()).isEqualTo("xliff-invalid");
                                assertThat(problem.message()).isEqualTo("the XLIFF file holds 2 articles (<file> notify.md,"
                                        + " role-cmo-pme.md), and a return translates one: drop each article's XLIFF file on its own,"
                                        + " as its draft came");
                            }));
        }
    }
}
