package io.contentpipeline.pipeline;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.contentpipeline.intake.ReturnsFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad inputs are moved to outbox/rejected/ with every problem listed, and nothing else is written. */
class RejectionTest {

    @TempDir
    Path temp;

    @Test
    void anArticleWithNoTitleAndAFrenchStyleDateIsRejectedWithBothProblems() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/brouillon.md", """
                ---
                author: "BLOT Antoine"
                date: 25/07/2025
                ---

                Un article sans titre.
                """);

        assertThat(home.runOnce()).as("a rejection is not a pipeline failure").isZero();

        assertThat(home.files("outbox/rejected")).containsExactly("brouillon.md", "brouillon.md.errors.json");
        JsonNode report = home.json("outbox/rejected/brouillon.md.errors.json");
        assertThat(report.get("file").asText()).isEqualTo("brouillon.md");
        assertThat(report.get("errors")).hasSize(2);
        assertThat(report.get("errors").get(0).get("field").asText()).isEqualTo("title");
        assertThat(report.get("errors").get(1).get("field").asText()).isEqualTo("date");
        assertThat(report.get("errors").get(1).get("line").asInt()).isEqualTo(3);
        assertThat(report.get("errors").get(1).get("message").asText()).contains("ISO-8601");
        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.files("outbox/published")).isEmpty();
        assertThat(home.files("outbox/translations/EN")).isEmpty();
        assertThat(home.eventNames()).containsExactly("article.rejected");
    }

    @Test
    void aYamlSyntaxErrorIsRejectedWithItsLineAndColumn() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/cassé.md", """
                ---
                title: "Un titre
                date: 2025-07-25
                tags: [a, b
                ---
                Texte.
                """);

        assertThat(home.runOnce()).isZero();

        JsonNode error = home.json("outbox/rejected/cassé.md.errors.json").get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("yaml-syntax");
        assertThat(error.get("line").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(error.has("column")).isTrue();
    }

    @Test
    void aFileWithoutFrontMatterIsRejectedAndAnUnrelatedTextFileToo() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/notes.txt", "Juste des notes, pas un article.\n");

        assertThat(home.runOnce()).isZero();

        assertThat(home.json("outbox/rejected/notes.txt.errors.json").get("errors").get(0).get("code").asText())
                .isEqualTo("no-front-matter");
    }

    /**
     * A translator who saves a Word document, or a translation tool's XLIFF file, under the
     * draft's .md name is told what the file is and what to send instead: they used to read
     * that it was "binary, not a text article" and that it had "no front matter".
     */
    @Test
    void aReturnSavedAsAWordDocumentOrAsXliffUnderAMarkdownNameIsToldWhatItIs() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        java.io.ByteArrayOutputStream docx = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(docx)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write(Translator.englishSeedReturn(home).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        home.drop("inbox/translations/EN/role-cmo-pme.md", docx.toByteArray());
        home.drop("inbox/translations/EN/role-cmo-pme-en.md", home.read("outbox/translations/EN/role-cmo-pme.xlf"));
        assertThat(home.runOnce()).isZero();

        assertThat(home.json("outbox/rejected/role-cmo-pme.md.errors.json").get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("code").asText()).isEqualTo("binary-content");
            assertThat(error.get("message").asText()).isEqualTo("the file is a zip archive, as a Word (.docx) or OpenDocument"
                    + " (.odt) document is, not text: save it as plain text in UTF-8 (in Word: Save As, Plain Text) under a .md"
                    + " name, and drop it again");
        });
        assertThat(home.json("outbox/rejected/role-cmo-pme-en.md.errors.json").get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("code").asText()).isEqualTo("no-front-matter");
            assertThat(error.get("message").asText()).isEqualTo("the file is XLIFF (XML with an <xliff> element), not Markdown:"
                    + " give it the .xlf extension, as the draft's XLIFF file has, and drop it again");
        });
        assertThat(home.bundle("role-cmo-pme").at("/translations/en/status").asText()).isEqualTo("rejected");
    }

    @Test
    void aReturnWhoseBlockNamesAPathInsteadOfASlugIsRejectedWithoutLookingOutsideTheHome() throws Exception {
        PipelineHome home = new PipelineHome(temp.resolve("home"));
        home.publishSeed("role.txt");
        java.nio.file.Files.createDirectories(temp.resolve("outside"));
        java.nio.file.Files.writeString(temp.resolve("outside/bundle.json"), "{}");
        String crafted = Translator.englishSeedReturn(home).replace("source: role-cmo-pme", "source: ../../../outside");
        String xliff = home.read("outbox/translations/EN/role-cmo-pme.xlf")
                .replace("<mda:meta type=\"source\">role-cmo-pme<", "<mda:meta type=\"source\">../../../outside<");
        assertThat(crafted).contains("source: ../../../outside");
        assertThat(xliff).contains(">../../../outside<");

        home.drop("inbox/translations/EN/crafted.md", crafted);
        home.drop("inbox/translations/EN/crafted.xlf", xliff);
        assertThat(home.runOnce()).isZero();

        assertThat(home.json("outbox/rejected/crafted.md.errors.json").get("errors").get(0).get("message").asText())
                .isEqualTo("translation.source '../../../outside' is not a slug (lower-case letters, digits and hyphens); keep it as the draft gave it");
        assertThat(home.json("outbox/rejected/crafted.xlf.errors.json").get("errors").get(0).get("code").asText()).isEqualTo("xliff-invalid");
        assertThat(home.events()).noneMatch(event -> event.get("event").asText().equals("pipeline.error"));
    }

    @Test
    void aReturnWithoutItsTranslationBlockOrInTheWrongFolderIsRejected() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String draft = home.read("outbox/translations/EN/role-cmo-pme.md");
        String translated = Translator.englishSeedReturn(home);

        home.drop("inbox/translations/EN/no-block.md", PipelineHome.resource(SeedArticleTest.SEED_EN));
        home.drop("inbox/translations/ES/wrong-folder.md", translated);
        home.drop("inbox/translations/EN/untranslated.md", draft);
        assertThat(home.runOnce()).isZero();

        assertThat(home.json("outbox/rejected/no-block.md.errors.json").get("errors").get(0).get("message").asText())
                .contains("translation: block is missing");
        assertThat(home.json("outbox/rejected/wrong-folder.md.errors.json").get("errors").get(0).get("message").asText())
                .isEqualTo("the file is a translation into EN but was dropped in inbox/translations/ES/: returns are taken from the"
                        + " folder of their language only; drop it into inbox/translations/EN/ (its translation: block's target_lang is en)");
        assertThat(home.json("outbox/rejected/untranslated.md.errors.json").get("errors"))
                .extracting(e -> e.get("code").asText()).contains("untranslated", "translation-wrong-language");
        assertThat(home.eventNames()).filteredOn("translation.rejected"::equals).hasSize(3);
        assertThat(home.events()).filteredOn(e -> e.get("file").asText().equals("untranslated.md"))
                .singleElement().satisfies(e -> assertThat(e.get("version").asInt()).isEqualTo(1));
        assertThat(home.bundle("role-cmo-pme").get("languages").has("en")).isFalse();
        assertThat(home.bundle("role-cmo-pme").get("translations").get("en").get("status").asText()).isEqualTo("rejected");
        assertThat(home.bundle("role-cmo-pme").get("translations").has("es")).as("no draft went out in Spanish").isFalse();
    }

    /**
     * A translator's text fields are held to the rule an author's are: "Oui" translated as an
     * unquoted Yes is the boolean true to YAML, and was published as the English title "true".
     * The fields are named as the return's other checks name them, by segment id (fm.title,
     * fm.ai_tags.1): the report named the same title "title" here and "fm.title" for field-quotes.
     */
    @Test
    void aReturnWhoseTitleYamlReadsAsABooleanIsRejectedSayingHowToQuoteIt() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String translated = Translator.englishSeedReturn(home);
        assertThat(translated).startsWith("---\ntitle: ");
        String aiTags = "ai_tags: [\"CMO\", \"Marketing Director\", ";
        assertThat(translated).contains("\n" + aiTags);

        home.drop("inbox/translations/EN/yes.md", translated.replaceFirst("\ntitle: [^\n]*\n", "\ntitle: Yes\n")
                .replace(aiTags, "ai_tags: [\"CMO\", Yes, "));
        assertThat(home.runOnce()).isZero();

        JsonNode errors = home.json("outbox/rejected/yes.md.errors.json").get("errors");
        assertThat(errors).extracting(error -> error.get("code").asText() + " " + error.get("field").asText() + "@"
                        + error.get("line").asInt() + ":" + error.path("column").asInt())
                .containsExactly("metadata.text fm.title@2:0", "metadata.text-items fm.ai_tags.1@6:18");
        assertThat(errors.get(0).get("message").asText()).isEqualTo("title must be text; found the boolean true, which is how YAML"
                + " reads an unquoted Yes: quote it to keep it as written, as in title: \"Yes\"");
        assertThat(errors.get(1).get("message").asText()).isEqualTo("every ai_tags item must be text; item 2 is the boolean true,"
                + " which is how YAML reads an unquoted Yes: quote it to keep it as written, \"Yes\"");
        assertThat(home.bundle("role-cmo-pme").get("languages").has("en")).isFalse();
    }

    /**
     * The fields a translation takes from its source whatever the returned file says (tags, the
     * related articles' URLs) are not held to the text rules: an unquoted yes there used to
     * reject the return for a value the page never shows.
     */
    @Test
    void aReturnIsNotRejectedForAFieldThePageTakesFromTheSource() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String translated = Translator.englishSeedReturn(home);
        String anchor = "  - anchor: \"Structuring the marketing function\"\n";
        assertThat(translated).startsWith("---\ntitle: ").contains(anchor);

        home.drop("inbox/translations/EN/tags.md", translated.replaceFirst("\n", "\ntags: [Marketing, Yes]\n")
                .replace(anchor, anchor + "    url: yes\n"));
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("outbox/rejected")).isEmpty();
        assertThat(home.bundle("role-cmo-pme").at("/translations/en/status").asText()).isEqualTo("current");
        assertThat(home.read("outbox/published/role-cmo-pme/index.en.md"))
                .contains("  - url: https://www.antoine-blot.com/blogue/structurer-fonction-marketing-pme/\n    anchor: Structuring the")
                .doesNotContain("url: yes", "url: true", "Yes");
    }

    /**
     * A word processor's smart quotes turn title: "…" into title: “…”. YAML reads no quote in
     * “: a title holding ": " was rejected as a value that "must be quoted", which its
     * translator had done; one without was published with the curly quotes around it (as were
     * tags in ["…"] lists), in the page's title and the browser's tab. A list's item is named
     * at its own line, not at its list's key.
     */
    @Test
    void aReturnWhoseFrontMatterQuotesAWordProcessorCurledIsToldToWriteStraightQuotes() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String translated = Translator.englishSeedReturn(home);
        String title = "title: \"The CMO's role in an SME: more than a marketing project manager\"\n";
        assertThat(translated).contains(title).contains("  - anchor: \"Structuring the marketing function\"\n");

        home.drop("inbox/translations/EN/colon.md", translated.replace(title,
                "title: \u201cThe CMO\u2019s role in an SME: more than a marketing project manager\u201d\n"));
        String aiTags = "ai_tags: [\"CMO\", \"Marketing Director\", \"SME\", \"Strategic Marketing\", \"Fractional CMO\", \"Marketing Governance\"]\n";
        assertThat(translated).contains("\nrelated_articles:\n  - anchor: \"Structuring").contains("\n" + aiTags);
        home.drop("inbox/translations/EN/curly.md", translated
                .replace(title, "title: \u201cThe CMO\u2019s role in an SME, more than a marketing project manager\u201d\n")
                .replace(aiTags, "ai_tags:\n  - CMO\n  - \u201cMarketing Director\u201d\n  - SME\n  - Strategic Marketing\n"
                        + "  - Fractional CMO\n  - Marketing Governance\n")
                .replace("  - anchor: \"Structuring the marketing function\"\n", "  - anchor: \u201cStructuring the marketing function\u201d\n"));
        assertThat(home.runOnce()).isZero();

        assertThat(home.json("outbox/rejected/colon.md.errors.json").get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("code").asText()).isEqualTo("yaml-syntax");
            assertThat(error.get("line").asInt()).isEqualTo(2);
            assertThat(error.get("message").asText()).startsWith("the front matter is not valid YAML: the value is in typographic"
                    + " quotes (\u201c \u201d or \u2018 \u2019, as a word processor's smart quotes make them), which YAML does not"
                    + " read as quotes: write straight quotes");
        });
        JsonNode errors = home.json("outbox/rejected/curly.md.errors.json").get("errors");
        assertThat(errors).extracting(e -> e.get("code").asText()).containsOnly("field-quotes");
        assertThat(errors).extracting(e -> e.get("field").asText() + "@" + e.get("line").asInt())
                .as("each at its own line: the title's, the second ai_tags item's (ai_tags: is line 6), the first anchor's")
                .containsExactly("fm.title@2", "fm.ai_tags.1@8", "fm.related_articles.0.anchor@14");
        assertThat(errors.get(0).get("message").asText()).isEqualTo("title is wrapped in typographic quotes (\u201c\u2026\u201d),"
                + " which YAML reads as part of the text, so they would be published; the source's has none: write straight"
                + " quotes (\"\u2026\"), as a word processor's smart quotes replace them, or none");
        assertThat(home.bundle("role-cmo-pme").get("languages").has("en")).isFalse();
        assertThat(home.bundle("role-cmo-pme").at("/translations/en/status").asText()).isEqualTo("rejected");
    }

    /**
     * "#1" typed in an unquoted title or tag: YAML reads " #" and the rest of the line as a
     * comment. The return was accepted with a length-ratio warning and the title published
     * cut short ("The CMO in an SME"). A "#" inside quotes, or inside a block value
     * (description: >-), is text and passes.
     */
    @Test
    void aReturnWhoseUnquotedTitleHoldsAHashIsToldTheRestOfTheLineIsAComment() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String translated = Translator.englishSeedReturn(home);
        String title = "title: \"The CMO's role in an SME: more than a marketing project manager\"\n";
        String description = translated.lines().filter(line -> line.startsWith("description: ")).findFirst().orElseThrow();
        assertThat(translated).contains(title);

        home.drop("inbox/translations/EN/hash.md", translated.replace(title, "title: The CMO in an SME #1 priority for growth\n")
                .replace("  - anchor: \"Structuring the marketing function\"\n", "  - anchor: Structuring marketing #2 step\n"));
        home.drop("inbox/translations/EN/quoted.md", translated.replace(title, "title: \"The CMO in an SME #1 priority for growth\"\n")
                .replace(description + "\n", "description: >-\n  " + description.substring(13).replace("\"", "") + " #1\n"));
        assertThat(home.runOnce()).isZero();

        JsonNode errors = home.json("outbox/rejected/hash.md.errors.json").get("errors");
        assertThat(errors).extracting(e -> e.get("code").asText() + " " + e.get("field").asText() + "@" + e.get("line").asInt())
                .as("an anchor named by its segment id, as field-quotes names it, not by its list")
                .containsExactly("field-comment fm.title@2", "field-comment fm.related_articles.0.anchor@8");
        assertThat(errors.get(0).get("message").asText()).isEqualTo("the words after \" #\" (\"1 priority for growth\") are"
                + " a YAML comment, not part of the text, and would not be published: quote the value,"
                + " title: \"The CMO in an SME #1 priority for growth\"");
        assertThat(home.files("outbox/rejected")).doesNotContain("quoted.md");
        assertThat(home.read("outbox/published/role-cmo-pme/index.en.md")).contains("title: \"The CMO in an SME #1 priority for growth\"");
    }

    /**
     * Two cells of a row typed into one ("| Disorganised marketing team, Prioritisation,
     * methodology |"): GFM shows the row with its second cell empty, and the table kept its
     * 6x2 shape, so the return was accepted with an empty cell on the page where the source
     * has "Priorisation, méthodologie". The table's shape now names its short row.
     */
    @Test
    void aTableRowWhoseCellsWereTypedIntoOneIsRejectedNamingTheRow() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String translated = Translator.englishSeedReturn(home);
        String row = "| Disorganised marketing team                | Prioritisation, methodology          |";
        assertThat(translated).contains(row);
        String merged = translated.replace(row, "| Disorganised marketing team, Prioritisation, methodology |");
        home.drop("inbox/translations/EN/cells.md", merged);
        assertThat(home.runOnce()).isZero();

        assertThat(home.json("outbox/rejected/cells.md.errors.json").get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("code").asText()).isEqualTo("structure-tables");
            assertThat(error.get("line").asInt()).isEqualTo(Translator.lineOf(merged, "| SME situation"));
            assertThat(error.get("message").asText()).isEqualTo("tables differ from the source (rows x columns): [6x2] expected,"
                    + " [6x2 (row 3: 1 cell)] found; first: the table at draft line "
                    + Translator.lineOf(home.read("outbox/translations/EN/role-cmo-pme.md"), "| Situation de la PME")
                    + ": 6x2 in the source, 6x2 (row 3: 1 cell) in the translation");
        });
    }

    /**
     * An English return saved in Windows-1250 (Central European) with "Wrocław" is rejected
     * as not UTF-8 at the line of that byte, with a message that speaks of no language: it
     * used to say "nor French text in Windows-1252" to the English translator. Read as
     * Windows-1252 its "ł" would be "³", a sign no text writes there, so it is not published
     * garbled. The same return in Windows-1252 with a pound sign and an en dash is read, with
     * a warning (the pound sign used to be refused: Windows-1252 was read for French only).
     */
    @Test
    void aReturnInALegacyEncodingIsReadWhenWesternAndOtherwiseToldItIsNotUtf8() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String english = Translator.englishSeedReturn(home);
        String polish = english.replace("does not carry out the tasks.", "does not carry out the tasks, even in Wroc\u0142aw.");
        String priced = english.replace("does not carry out the tasks.", "does not carry out the tasks \u2013 not for \u00A3200 a day.");
        assertThat(polish).contains("Wroc\u0142aw.");
        assertThat(priced).contains("\u00A3200 a day.");
        java.nio.charset.Charset windows1250 = java.nio.charset.Charset.forName("windows-1250");
        java.nio.charset.Charset windows1252 = java.nio.charset.Charset.forName("windows-1252");
        assertThat(windows1250.newEncoder().canEncode(polish) && windows1252.newEncoder().canEncode(priced)).isTrue();

        home.drop("inbox/translations/EN/wroclaw.md", polish.getBytes(windows1250));
        assertThat(home.runOnce()).isZero();

        assertThat(home.json("outbox/rejected/wroclaw.md.errors.json").get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("code").asText()).isEqualTo("not-utf8");
            assertThat(error.get("message").asText()).doesNotContainIgnoringCase("french")
                    .startsWith("the file is not valid UTF-8 (byte 0x")
                    .endsWith(") and was not read as another encoding; save it as UTF-8");
            assertThat(error.get("line").asInt()).as("the line of the first non-ASCII byte")
                    .isEqualTo(polish.substring(0, firstNonAscii(polish)).split("\n", -1).length);
        });

        home.drop("inbox/translations/EN/priced.md", priced.getBytes(windows1252));
        assertThat(home.runOnce()).isZero();
        assertThat(home.bundle("role-cmo-pme").get("translations").get("en").get("status").asText()).isEqualTo("current");
        assertThat(home.bundle("role-cmo-pme").get("languages").get("en").get("warnings").toString()).contains("encoding-windows-1252");
        assertThat(home.read("outbox/published/role-cmo-pme/index.en.md")).contains("not for \u00A3200 a day.");
    }

    private static int firstNonAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return i;
            }
        }
        throw new AssertionError("no character beyond ASCII");
    }

    /**
     * A return dropped in another language's folder (or a folder that is no language code) is
     * logged with the language and version its translation: block gives, not with the folder's
     * name and no version (it was lang=de, lang=english, version null).
     */
    @Test
    void aReturnInTheWrongFolderIsLoggedWithTheLanguageAndVersionOfItsBlock() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String translated = Translator.englishSeedReturn(home);
        home.drop("inbox/translations/DE/in-de.md", translated);
        home.drop("inbox/translations/english/in-english.md", translated);
        home.drop("inbox/translations/en-gb/in-en-gb.md", translated);
        home.drop("inbox/translations/DE/no-block.md", PipelineHome.resource(SeedArticleTest.SEED_EN));
        assertThat(home.runOnce()).isZero();

        List<JsonNode> rejected = home.events().stream().filter(e -> e.get("event").asText().equals("translation.rejected")).toList();
        assertThat(rejected).hasSize(4);
        assertThat(rejected).filteredOn(e -> e.get("file").asText().startsWith("in-")).hasSize(3).allSatisfy(e -> {
            assertThat(e.get("slug").asText()).isEqualTo("role-cmo-pme");
            assertThat(e.get("lang").asText()).isEqualTo("en");
            assertThat(e.get("version").asInt()).isEqualTo(1);
        });
        assertThat(home.json("outbox/rejected/in-english.md.errors.json").get("errors").get(0).get("message").asText())
                .isEqualTo("the file is a translation into EN but was dropped in inbox/translations/english/: returns are taken from the"
                        + " folder of their language only; drop it into inbox/translations/EN/ (its translation: block's target_lang is en)");
        // Without a readable block, the folder is all there is to name.
        assertThat(rejected).filteredOn(e -> e.get("file").asText().equals("no-block.md")).singleElement()
                .satisfies(e -> assertThat(e.get("lang").asText()).isEqualTo("de"));
        JsonNode translations = home.bundle("role-cmo-pme").get("translations");
        assertThat(translations.get("en").get("status").asText()).isEqualTo("rejected");
        assertThat(translations.has("de")).isFalse();
    }

    /**
     * A return rejected before its translation: block could be read (its front matter mangled,
     * « CMO » typed as "CMO" inside a quoted title; a file over the size limit) still names the
     * draft it answers by its file name: that language shows "rejected" rather than waiting on as
     * "requested". A name that is no draft's, or a draft into another language, names nothing.
     */
    @Test
    void aReturnWhoseBlockCannotBeReadIsCountedAgainstTheDraftItsFileNameNames() {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.max-return-bytes", "10000"));
        home.publishSeed("role.txt");
        String mangled = Translator.englishSeedReturn(home).replaceFirst("(?m)^title: .*$",
                "title: \"The \"CMO\" role in an SME: more than a marketing project lead\"");
        assertThat(mangled.length()).isLessThan(10000);
        home.drop("inbox/translations/EN/notes.md", mangled);
        home.drop("inbox/translations/DE/role-cmo-pme.md", mangled);
        assertThat(home.runOnce()).isZero();

        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("translation.rejected")).hasSize(2)
                .allSatisfy(e -> assertThat(e.get("slug").isNull()).isTrue());
        assertThat(home.bundle("role-cmo-pme").get("translations").get("en").get("status").asText()).isEqualTo("requested");
        assertThat(home.json("outbox/rejected/notes.md.errors.json").has("slug_from")).isFalse();

        home.drop("inbox/translations/EN/role-cmo-pme.md", mangled);
        home.drop("inbox/translations/EN/role-cmo-pme (1).md", "x".repeat(12_000));
        assertThat(home.runOnce()).isZero();

        List<JsonNode> named = home.events().stream().filter(e -> e.get("event").asText().equals("translation.rejected"))
                .filter(e -> e.get("file").asText().startsWith("role-cmo-pme")).toList();
        assertThat(named).extracting(e -> e.get("file").asText())
                .containsExactlyInAnyOrder("role-cmo-pme.md", "role-cmo-pme.md", "role-cmo-pme (1).md");
        assertThat(named).filteredOn(e -> e.get("lang").asText().equals("en")).hasSize(2)
                .allSatisfy(e -> assertThat(e.get("slug").asText()).isEqualTo("role-cmo-pme"));
        assertThat(home.bundle("role-cmo-pme").get("translations").get("en").get("status").asText()).isEqualTo("rejected");
        JsonNode report = home.json("outbox/rejected/role-cmo-pme.2.md.errors.json");
        assertThat(report.get("slug").asText()).isEqualTo("role-cmo-pme");
        assertThat(report.get("slug_from").asText()).isEqualTo("file name");
        assertThat(report.get("errors").get(0).get("message").asText())
                .contains("a double quote inside a value in double quotes ends the value");
        assertThat(home.json("outbox/rejected/role-cmo-pme (1).md.errors.json").get("errors").get(0).get("code").asText())
                .isEqualTo("file-too-large");
    }

    /**
     * A translator (or a tool) that makes the block's target_lang regional, "en-GB" for a draft
     * issued in "en", dropped in the right folder: the message used to say the file was in
     * inbox/translations/EN/ and to drop it into inbox/translations/EN/, which it was. It is the
     * block that was edited, and the message says so.
     */
    @Test
    void aReturnWhoseTargetLanguageWasMadeRegionalIsToldTheBlockWasEditedNotToMoveIt() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String regional = Translator.englishSeedReturn(home).replace("\n  target_lang: en\n", "\n  target_lang: en-GB\n");
        assertThat(regional).contains("target_lang: en-GB");
        home.drop("inbox/translations/EN/role-en-gb.md", regional);
        assertThat(home.runOnce()).isZero();

        JsonNode error = home.json("outbox/rejected/role-en-gb.md.errors.json").get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("translation-block-edited");
        assertThat(error.get("message").asText()).isEqualTo("translation.target_lang is 'en-GB', but the draft was issued in 'en'"
                + " (one version per language, not per region): keep the translation: block exactly as it came");
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("translation.rejected")).singleElement()
                .satisfies(e -> assertThat(e.get("lang").asText()).isEqualTo("en"));
    }

    /**
     * Files under inbox/translations/ but outside a language folder (beside the folders, or in
     * a subfolder of one) used to be left there without a word. They are rejected, naming the
     * folder their translation: block asks for; hidden folders and symbolic links to folders
     * are still left alone.
     */
    @Test
    @Timeout(120)
    void aReturnOutsideALanguageFolderIsRejectedNamingTheFolderToUse() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String translated = Translator.englishSeedReturn(home);
        home.drop("inbox/translations/cmo-en.md", translated);
        home.drop("inbox/translations/EN/done/nested.md", translated);
        home.drop("inbox/translations/role.xlf", home.read("outbox/translations/EN/role-cmo-pme.xlf"));
        home.drop("inbox/translations/notes.md", "Just notes, no front matter.\n");
        home.drop("inbox/translations/EN/.sync/hidden.md", translated);
        Path outside = home.drop("elsewhere/linked.md", translated);
        Files.createSymbolicLink(home.resolve("inbox/translations/EN/linked"), outside.getParent());

        assertThat(home.runOnce()).isZero();

        assertThat(home.files("outbox/rejected")).containsExactlyInAnyOrder("cmo-en.md", "cmo-en.md.errors.json",
                "nested.md", "nested.md.errors.json", "role.xlf", "role.xlf.errors.json", "notes.md", "notes.md.errors.json");
        assertThat(home.files("inbox/translations")).isEmpty();
        assertThat(home.files("inbox/translations/EN/done")).isEmpty();
        assertThat(home.files("inbox/translations/EN/.sync")).containsExactly("hidden.md");
        assertThat(outside).as("a link is not followed").exists();
        JsonNode atTop = home.json("outbox/rejected/cmo-en.md.errors.json").get("errors");
        assertThat(atTop).singleElement().satisfies(error -> {
            assertThat(error.get("code").asText()).isEqualTo("translation-folder");
            assertThat(error.get("message").asText()).isEqualTo("the file is in inbox/translations/ itself: returns are taken from the"
                    + " folder of their language only; drop it into inbox/translations/EN/ (its translation: block's target_lang is en)");
        });
        assertThat(home.json("outbox/rejected/nested.md.errors.json").get("errors").get(0).get("message").asText())
                .startsWith("the file is in inbox/translations/EN/done/, a subfolder: ")
                .endsWith("drop it into inbox/translations/EN/ (its translation: block's target_lang is en)");
        // An XLIFF file has no translation: block: the message names where the file says its language.
        assertThat(home.json("outbox/rejected/role.xlf.errors.json").get("errors").get(0).get("message").asText())
                .endsWith("drop it into inbox/translations/EN/ (its XLIFF metadata's target_lang is en)");
        assertThat(home.json("outbox/rejected/notes.md.errors.json").get("errors"))
                .extracting(error -> error.get("code").asText()).containsExactly("translation-folder", "no-front-matter");
        assertThat(home.json("outbox/rejected/notes.md.errors.json").get("errors").get(0).get("message").asText())
                .endsWith("drop it into inbox/translations/<LANG>/, <LANG> being the language it is translated into");
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("translation.rejected"))
                .extracting(e -> e.get("file").asText() + " " + e.get("slug").asText() + " " + e.get("lang").asText() + " " + e.get("version").asText())
                .containsExactlyInAnyOrder("cmo-en.md role-cmo-pme en 1", "nested.md role-cmo-pme en 1", "role.xlf role-cmo-pme en 1",
                        "notes.md null null null");
    }

    @Test
    void aRejectedReturnLeavesTheCurrentTranslationCurrent() {
        PipelineHome home = new PipelineHome(temp);
        String translated = Translator.acceptEnglishSeed(home, "good.md");

        home.drop("inbox/translations/EN/broken.md", translated.replaceFirst("\n### [^\n]*\n", "\n"));
        assertThat(home.runOnce()).isZero();

        JsonNode headings = home.json("outbox/rejected/broken.md.errors.json").get("errors").get(0);
        assertThat(headings.get("code").asText()).isEqualTo("structure-headings");
        assertThat(headings.get("field").asText()).as("the heading lost, by segment id").startsWith("h-");
        assertThat(headings.get("message").asText()).contains("has no heading in the translation");
        assertThat(headings.get("line").asInt()).isPositive();
        JsonNode bundle = home.bundle("role-cmo-pme");
        assertThat(bundle.get("languages").get("en").get("status").asText()).isEqualTo("current");
        assertThat(bundle.get("translations").get("en").get("status").asText()).isEqualTo("current");
    }

    @Test
    @Timeout(60)
    void aFileRejectedAgainUnderTheSameNameIsKeptBesideTheFirst() {
        PipelineHome home = new PipelineHome(temp);
        String noDate = "---\ntitle: Sans date\n---\nTexte.\n";
        for (int attempt = 1; attempt <= 3; attempt++) {
            home.drop("inbox/brouillon.md", noDate);
            assertThat(home.runOnce()).isZero();
        }

        assertThat(home.files("inbox")).isEmpty();
        assertThat(home.files("outbox/rejected")).containsExactly("brouillon.2.md", "brouillon.2.md.errors.json",
                "brouillon.3.md", "brouillon.3.md.errors.json", "brouillon.md", "brouillon.md.errors.json");
        assertThat(home.json("outbox/rejected/brouillon.2.md.errors.json").get("file").asText()).isEqualTo("brouillon.md");
        assertThat(home.eventNames()).containsExactly("article.rejected", "article.rejected", "article.rejected");
    }

    /**
     * The second rejected copy of a return used to be cmo.md.2: corrected and dropped back
     * under that name, it was never taken (the inbox takes .md, .xlf … only). The number now
     * goes before the extension, so the corrected copy goes back in as it is.
     */
    @Test
    @Timeout(120)
    void aSecondRejectedCopyKeepsItsExtensionSoThatItCanBeDroppedBackCorrected() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String translated = Translator.englishSeedReturn(home);
        String broken = translated.replaceFirst("\n### [^\n]*\n", "\n");
        for (int attempt = 1; attempt <= 2; attempt++) {
            home.drop("inbox/translations/EN/cmo.md", broken);
            assertThat(home.runOnce()).isZero();
        }
        assertThat(home.files("outbox/rejected")).containsExactly("cmo.2.md", "cmo.2.md.errors.json", "cmo.md", "cmo.md.errors.json");
        assertThat(home.json("outbox/rejected/cmo.2.md.errors.json").get("errors").get(0).get("code").asText())
                .isEqualTo("structure-headings");

        // The translator restores the heading in the second copy and drops it back under its name.
        home.drop("inbox/translations/EN/cmo.2.md", translated);
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("translation.accepted"))
                .singleElement().satisfies(e -> assertThat(e.get("file").asText()).isEqualTo("cmo.2.md"));
        assertThat(home.bundle("role-cmo-pme").get("languages").get("en").get("status").asText()).isEqualTo("current");
    }

    private static final String EARLY = """
            ---
            title: Early bird
            translation:
              source: not-yet-here
              source_lang: fr
              target_lang: en
              source_version: 1
            ---
            Text.
            """;

    /**
     * A --once run that leaves a return waiting for its source says so at its end: in the
     * status line (the file is not in inbox=, which counts what will be taken) and in one WARN
     * line naming the file, what it translates and when it will be rejected. Exit code 0.
     */
    @Test
    void aReturnWhoseSourceIsNotPublishedYetWaitsInTheInbox() {
        PipelineHome home = new PipelineHome(temp);
        home.drop("inbox/translations/EN/early.md", EARLY);

        List<String> logged = logLines(home::runOnce, 0, ReturnsFilter.class.getName(), "pipeline.status");

        assertThat(home.files("inbox/translations/EN")).containsExactly("early.md");
        assertThat(home.files("outbox/rejected")).isEmpty();
        assertThat(home.eventNames()).isEmpty();
        // Named like the other events: slug, language and version.
        assertThat(logged).filteredOn(line -> line.startsWith("translation.waiting ")).singleElement().asString()
                .startsWith("translation.waiting slug=not-yet-here lang=en version=1 file=early.md: its source is not published yet;")
                .contains("it waits up to PT1H after the file's last change");
        assertThat(logged).filteredOn(line -> line.startsWith("status ")).last().asString()
                .contains(" inbox=0 waiting_for_source=1 ");
        assertThat(logged).filteredOn(line -> line.startsWith("translation.still-waiting ")).singleElement().asString()
                .startsWith("translation.still-waiting slug=not-yet-here lang=en version=1 file=early.md: no published article has this slug;"
                        + " the file stays in inbox/translations/EN/ and is rejected from ")
                .containsPattern("\\(in 5[89]m\\d+s, pipeline.returns.source-wait PT1H after its last change\\)");
    }

    /** A mistyped source waits like any other, but its log lines give the hint its rejection will give. */
    @Test
    void aReturnNamingAMistypedSlugWaitsWithTheClosestPublishedSlugAsAHint() {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        home.drop("inbox/translations/EN/typo.md", Translator.englishSeedReturn(home).replace("source: role-cmo-pme\n", "source: role-cmo-pm\n"));

        List<String> logged = logLines(home::runOnce, 0, ReturnsFilter.class.getName());

        assertThat(home.files("inbox/translations/EN")).containsExactly("typo.md");
        assertThat(logged).filteredOn(line -> line.startsWith("translation.waiting ")).singleElement().asString()
                .startsWith("translation.waiting slug=role-cmo-pm lang=en version=1 file=typo.md: its source is not published yet"
                        + " (did you mean 'role-cmo-pme'?); it waits up to PT1H");
        assertThat(logged).filteredOn(line -> line.startsWith("translation.still-waiting ")).singleElement().asString()
                .startsWith("translation.still-waiting slug=role-cmo-pm lang=en version=1 file=typo.md: no published article has this slug"
                        + " (did you mean 'role-cmo-pme'?); the file stays in inbox/translations/EN/");
    }

    /**
     * A return for a version of its source that is not published yet waits for it, as a return
     * for an unpublished article does: the translate stage writes a draft before the version is
     * published, and a return that comes back at once (a pseudo-translation, a translation
     * tool) used to be rejected as translating a version that does not exist.
     */
    @Test
    void aReturnForAVersionNotPublishedYetWaitsForIt() {
        String updated = PipelineHome.resource(SeedArticleTest.SEED).replace("il n'exécute pas les tâches", "il ne réalise pas les tâches lui-même");
        PipelineHome elsewhere = new PipelineHome(temp.resolve("elsewhere"));
        elsewhere.publishSeed("seed.txt");
        elsewhere.drop("inbox/seed.txt", updated);
        assertThat(elsewhere.runOnce()).isZero();
        String versionTwoReturn = Translator.englishSeedReturn(elsewhere);
        assertThat(versionTwoReturn).contains("source_version: 2");
        PipelineHome home = new PipelineHome(temp.resolve("home"));
        home.publishSeed("seed.txt");
        home.drop("inbox/translations/EN/early.md", versionTwoReturn);

        List<String> logged = logLines(home::runOnce, 0, ReturnsFilter.class.getName(), "pipeline.status");

        assertThat(home.files("inbox/translations/EN")).containsExactly("early.md");
        assertThat(home.files("outbox/rejected")).isEmpty();
        assertThat(logged).filteredOn(line -> line.startsWith("translation.waiting ")).singleElement().asString()
                .startsWith("translation.waiting slug=role-cmo-pme lang=en version=2 file=early.md: version 2 of its source is not published yet"
                        + " (published: version 1);");
        assertThat(logged).filteredOn(line -> line.startsWith("status ")).last().asString().contains(" waiting_for_source=1 ");
        assertThat(logged).filteredOn(line -> line.startsWith("translation.still-waiting ")).singleElement().asString()
                .startsWith("translation.still-waiting slug=role-cmo-pme lang=en version=2 file=early.md: version 2 of this article"
                        + " is not published yet; the file stays in inbox/translations/EN/");

        home.drop("inbox/seed.txt", updated);
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(home.files("outbox/rejected")).isEmpty();
        JsonNode en = home.bundle("role-cmo-pme").get("languages").get("en");
        assertThat(en.get("status").asText()).isEqualTo("current");
        assertThat(en.get("source_version").asInt()).isEqualTo(2);
    }

    /**
     * The wait for a return's source runs from the file's last change, not from when a process
     * first saw it: each --once run (or a restarted service) used to start the hour again, so a
     * return naming a mistyped slug was never rejected. Past the wait it is rejected, with the
     * published slug it was probably meant to name.
     */
    @Test
    @Timeout(120)
    void aReturnNamingAnUnknownSourceIsRejectedOnceItsWaitHasRunSinceTheFileChanged() throws Exception {
        PipelineHome home = new PipelineHome(temp);
        home.publishSeed("role.txt");
        String typo = Translator.englishSeedReturn(home).replace("source: role-cmo-pme\n", "source: role-cmo-pm\n");
        assertThat(typo).contains("source: role-cmo-pm\n");
        Path typoFile = home.drop("inbox/translations/EN/cmo.md", typo);
        Path early = home.drop("inbox/translations/EN/early.md", EARLY);
        // Both were dropped two hours ago: a cron of --once has run many times since.
        for (Path file : List.of(typoFile, early)) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        }

        assertThat(home.runOnce()).isZero();

        assertThat(home.files("inbox/translations/EN")).isEmpty();
        JsonNode typoError = home.json("outbox/rejected/cmo.md.errors.json").get("errors").get(0);
        assertThat(typoError.get("code").asText()).isEqualTo("translation-unknown-source");
        assertThat(typoError.get("message").asText()).startsWith("no published article has the slug 'role-cmo-pm' (did you mean 'role-cmo-pme'?),"
                + " and none was published within PT1H (pipeline.returns.source-wait) of the file's last change");
        JsonNode earlyError = home.json("outbox/rejected/early.md.errors.json").get("errors").get(0);
        assertThat(earlyError.get("code").asText()).isEqualTo("translation-unknown-source");
        assertThat(earlyError.get("message").asText()).startsWith("no published article has the slug 'not-yet-here', and none");
        assertThat(home.events()).filteredOn(e -> e.get("event").asText().equals("translation.rejected"))
                .extracting(e -> e.get("slug").asText() + " " + e.get("lang").asText() + " v" + e.get("version").asInt())
                .containsExactlyInAnyOrder("role-cmo-pm en v1", "not-yet-here en v1");
    }

    /** A later --once run rejects a return an earlier one left waiting, once the wait since its last change is over. */
    @Test
    @Timeout(120)
    void aReturnLeftWaitingByOneOnceRunIsRejectedByALaterOneAfterItsWait() throws Exception {
        PipelineHome home = new PipelineHome(temp, Map.of("pipeline.returns.source-wait", "PT4S"));
        Path early = home.drop("inbox/translations/EN/early.md", EARLY);
        Files.setLastModifiedTime(early, FileTime.from(Instant.now()));

        assertThat(home.runOnce()).isZero();
        assertThat(home.files("inbox/translations/EN")).as("the first run ends before the 4 s are up").containsExactly("early.md");

        Thread.sleep(Math.max(0, Files.getLastModifiedTime(early).toMillis() + 4_500 - System.currentTimeMillis()));
        assertThat(home.runOnce()).isZero();

        assertThat(home.files("inbox/translations/EN")).isEmpty();
        assertThat(home.json("outbox/rejected/early.md.errors.json").get("errors").get(0).get("code").asText())
                .isEqualTo("translation-unknown-source");
        assertThat(home.eventNames()).containsExactly("translation.rejected");
    }

    /** Runs the pipeline with the named loggers' lines captured; checks the exit code and returns the lines. */
    static List<String> logLines(java.util.function.IntSupplier run, int exitCode, String... loggers) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        for (String name : loggers) {
            ((Logger) LoggerFactory.getLogger(name)).addAppender(appender);
        }
        try {
            assertThat(run.getAsInt()).isEqualTo(exitCode);
        } finally {
            for (String name : loggers) {
                ((Logger) LoggerFactory.getLogger(name)).detachAppender(appender);
            }
        }
        synchronized (appender) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
