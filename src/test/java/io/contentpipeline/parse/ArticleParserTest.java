package io.contentpipeline.parse;

import io.contentpipeline.article.ParsedArticle;
import io.contentpipeline.article.RejectedInputException;
import io.contentpipeline.article.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleParserTest {

    private final ArticleParser parser = new ArticleParser(5_000_000);

    private ParsedArticle parse(String text) {
        return parser.parse(new SourceFile("a.md", null, text.getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void repairsBackslashApostropheInsideDoubleQuotesAndReportsTheFileLine() {
        ParsedArticle article = parse("---\ntitle: \"Le rôle\"\nsummary: \"l\\'option et l\\'autre\"\n---\nCorps.\n");

        assertThat(article.frontMatter().text("summary")).hasValue("l'option et l'autre");
        assertThat(article.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.code()).isEqualTo("yaml-escape-repaired");
            // What the author has to change, not only what the pipeline did.
            // Said in words too: Markdown (CHANGELOG.md) shows \' as a bare apostrophe.
            assertThat(w.message()).isEqualTo("a backslash before an apostrophe (\\') is not a YAML escape inside a double-quoted"
                    + " string; read as an apostrophe: write the apostrophe without the backslash");
        });
        assertThat(article.body()).isEqualTo("Corps.\n");
        assertThat(article.bodyLine()).isEqualTo(5);
    }

    @Test
    void leavesValidEscapesAndSingleQuotedStringsAlone() {
        ParsedArticle article = parse("---\na: \"say \\\"hi\\\" \\\\ done\"\nb: 'it''s \\ fine'\nc: plain \\' text\n---\n");

        assertThat(article.frontMatter().text("a")).hasValue("say \"hi\" \\ done");
        assertThat(article.frontMatter().text("b")).hasValue("it's \\ fine");
        assertThat(article.frontMatter().text("c")).hasValue("plain \\' text");
        assertThat(article.warnings()).isEmpty();
    }

    @Test
    void acceptsABomAndCrlfLineEndings() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "---\r\ntitle: T\r\n---\r\nBody\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(text, 0, bytes, 3, text.length);

        ParsedArticle article = parser.parse(new SourceFile("a.md", null, bytes, null));

        assertThat(article.frontMatter().text("title")).hasValue("T");
        assertThat(article.body()).isEqualTo("Body\n");
    }

    @Test
    void keepsUnknownKeysInTheirOrder() {
        ParsedArticle article = parse("---\nzeta: 1\ntitle: T\ncustom_thing: [a]\n---\n");

        assertThat(article.frontMatter().fields().keySet()).containsExactly("zeta", "title", "custom_thing");
    }

    @Test
    void yamlInfinitiesAndNotANumberAreNumbersAndHowTheAuthorTypedATopLevelNumberOrBooleanIsKept() {
        ParsedArticle article = parse("---\ntitle: .inf\nweights: [-.inf, .NaN, 1e3]\nlang: no\ndescription: \"1e3\"\nyear: 2024\n---\n");

        assertThat(article.frontMatter().get("title")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(article.frontMatter().get("weights")).isEqualTo(List.of(Double.NEGATIVE_INFINITY, Double.NaN, 1000.0));
        assertThat(article.frontMatter().get("lang")).isEqualTo(false);
        assertThat(article.frontMatter().spelling("title")).hasValue(".inf");
        assertThat(article.frontMatter().spelling("lang")).hasValue("no");
        assertThat(article.frontMatter().spelling("year")).hasValue("2024");
        assertThat(article.frontMatter().spelling("description")).as("a quoted text").isEmpty();
        assertThat(article.frontMatter().spelling("weights")).as("a list").isEmpty();
        assertThat(article.frontMatter().itemSpelling("weights", 2)).as("an item of a top-level list").hasValue("1e3");
    }

    @Test
    void howTheAuthorTypedAListItemIsKeptOnlyForTheItemsOfATopLevelListAndTheValuesOfAnItemThatIsAMap() {
        ParsedArticle article = parse("---\nseo_keywords: [marketing, yes, \"no\"]\nai_tags:\n  - 0x1F\n"
                + "related_articles:\n  - {url: /a/, anchor: on}\n---\n");

        assertThat(article.frontMatter().get("seo_keywords")).isEqualTo(List.of("marketing", true, "no"));
        assertThat(article.frontMatter().itemSpelling("seo_keywords", 0)).as("a text").isEmpty();
        assertThat(article.frontMatter().itemSpelling("seo_keywords", 1)).hasValue("yes");
        assertThat(article.frontMatter().itemSpelling("seo_keywords", 2)).as("quoted").isEmpty();
        assertThat(article.frontMatter().itemSpelling("ai_tags", 0)).hasValue("0x1F");
        assertThat(article.frontMatter().itemSpelling("related_articles", 0)).as("a map item").isEmpty();
        assertThat(article.frontMatter().get("related_articles")).isEqualTo(List.of(Map.of("url", "/a/", "anchor", true)));
        assertThat(article.frontMatter().itemSpelling("related_articles", 0, "anchor")).as("a value of a map item").hasValue("on");
        assertThat(article.frontMatter().itemSpelling("related_articles", 0, "url")).as("a text").isEmpty();
        assertThat(article.frontMatter().with("related_articles", List.of()).itemSpelling("related_articles", 0, "anchor"))
                .as("a field set anew").isEmpty();
        assertThat(article.frontMatter().with("ai_tags", List.of("x")).itemSpelling("ai_tags", 0)).as("a field set anew").isEmpty();
    }

    @Test
    void rejectsDuplicateKeysUnterminatedFrontMatterAndNonMappings() {
        assertThatThrownBy(() -> parse("---\ntitle: a\ntitle: b\n---\n"))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> parse("---\ntitle: a\nbody without end\n"))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("never closed");
        assertThatThrownBy(() -> parse("---\n- a\n- b\n---\n"))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("not a list");
    }

    @Test
    void rejectsBinaryAndNonUtf8Content() {
        assertThatThrownBy(() -> parser.parse(new SourceFile("a.md", null, new byte[]{'-', 0, 1}, null)))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("binary");
        byte[] notText = {'-', '-', '-', '\n', 't', ':', ' ', (byte) 0x81, (byte) 0xC3, '\n', '-', '-', '-', '\n'};
        assertThatThrownBy(() -> parser.parse(new SourceFile("a.md", null, notText, null)))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("UTF-8");
    }

    /**
     * French inclusive writing puts a middle dot inside words ("professionnel·le·s", as the
     * French translation of a corpus article does): saved in Windows-1252, such a text was
     * rejected as "not valid UTF-8 (nor French text in Windows-1252)".
     */
    @Test
    void frenchInWindows1252WithInclusiveWritingIsReadWithAWarning() {
        byte[] legacy = "---\ntitle: Les auteur·rice·s\n---\nDes professionnel·le·s qualifié·e·s.\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        ParsedArticle fromLegacy = parser.parse(new SourceFile("a.md", null, legacy, null));
        assertThat(fromLegacy.frontMatter().text("title")).hasValue("Les auteur·rice·s");
        assertThat(fromLegacy.warnings()).extracting(p -> p.code()).containsExactly("encoding-windows-1252");
    }

    /**
     * Windows-1252 is read for the other Western European languages too (a Spanish or German
     * translator's file, an English one with a price), and refused for a Central European
     * text, whose "ł" (Windows-1250) would read as "³".
     */
    @Test
    void westernTextInWindows1252IsReadAndCentralEuropeanTextIsRefused() {
        String western = "---\ntitle: ¿Qué pasa? Straße für £200™\n---\nAño „neu“.\n";
        ParsedArticle read = parser.parse(new SourceFile("a.md", null, western.getBytes(java.nio.charset.Charset.forName("windows-1252")), null));
        assertThat(read.frontMatter().text("title")).hasValue("¿Qué pasa? Straße für £200™");
        assertThat(read.body()).isEqualTo("Año „neu“.\n");
        assertThat(read.warnings()).extracting(p -> p.code()).containsExactly("encoding-windows-1252");

        byte[] polish = "---\ntitle: Wrocław\n---\nTekst.\n".getBytes(java.nio.charset.Charset.forName("windows-1250"));
        assertThatThrownBy(() -> parser.parse(new SourceFile("a.md", null, polish, null)))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("not valid UTF-8 (byte 0xB3)");
    }

    @Test
    void frenchInWindows1252AndUtf16WithABomAreReadWithAWarning() {
        byte[] legacy = "---\ntitle: « Café à Montréal »\n---\nDéjà vu.\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        ParsedArticle fromLegacy = parser.parse(new SourceFile("a.md", null, legacy, null));
        assertThat(fromLegacy.frontMatter().text("title")).hasValue("« Café à Montréal »");
        assertThat(fromLegacy.warnings()).extracting(p -> p.code()).containsExactly("encoding-windows-1252");

        byte[] utf16 = "\uFEFF---\ntitle: Café\n---\nCorps.\n".getBytes(StandardCharsets.UTF_16LE);
        ParsedArticle fromUtf16 = parser.parse(new SourceFile("a.md", null, utf16, null));
        assertThat(fromUtf16.frontMatter().text("title")).hasValue("Café");
        assertThat(fromUtf16.warnings()).extracting(p -> p.code()).containsExactly("encoding-utf16");
    }

    @Test
    void nearMissesOfTheFrontMatterAreNamedAndATrailingSpaceAfterTheDashesIsAccepted() {
        ParsedArticle spaced = parse("--- \ntitle: T\n---\nBody\n");
        assertThat(spaced.frontMatter().text("title")).hasValue("T");
        assertThat(spaced.bodyLine()).isEqualTo(4);

        assertThatThrownBy(() -> parse("\n---\ntitle: T\n---\nBody\n")).isInstanceOf(RejectedInputException.class)
                .hasMessageContaining("must start on line 1");
        assertThatThrownBy(() -> parse("\uFEFF\uFEFF---\ntitle: T\n---\nBody\n")).isInstanceOf(RejectedInputException.class)
                .hasMessageContaining("byte-order mark");
        // Word's autocorrect makes a dash of three hyphens: the file was said to have "no front matter".
        assertThatThrownBy(() -> parse("\u2014\ntitle: T\n\u2014\nBody\n")).isInstanceOf(RejectedInputException.class)
                .hasMessage("the first line is \"\u2014\", not ---: a word processor's autocorrect turns three hyphens into a dash;"
                        + " type the --- lines again as three hyphens (-) (line 1)");
        assertThatThrownBy(() -> parse("---\ntitle: T\n\u2013\u2013\nBody\n")).isInstanceOf(RejectedInputException.class)
                .hasMessage("the front matter opened at line 1 is never closed by a --- line; line 3 is \"\u2013\u2013\", which a"
                        + " word processor's autocorrect makes of three hyphens: type it again as --- (line 1)");
    }

    @Test
    void theYamlMistakesAuthorsMakeMostComeWithWhatToDo() {
        assertThatThrownBy(() -> parse("---\ntitle: Marketing : le guide: complet\n---\nBody\n"))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("must be quoted");
        assertThatThrownBy(() -> parse("---\ntitle: T\n\tauthor: A\n---\nBody\n"))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("use spaces")
                .satisfies(e -> assertThat(((RejectedInputException) e).problems().get(0).line())
                        .as("the tab's own line, not the key before it").isEqualTo(3));
        assertThatThrownBy(() -> parse("---\ntitle: 'L'été à Montréal'\n---\nBody\n"))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("write it twice, as in 'L''été'");
        // « CMO » translated as "CMO" inside a value already in double quotes, in a title or a list item.
        assertThatThrownBy(() -> parse("---\ntitle: \"The \"CMO\" role in an SME\"\n---\nBody\n"))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("a double quote inside a value in double quotes ends the value")
                .satisfies(e -> assertThat(((RejectedInputException) e).problems().get(0).line()).isEqualTo(2));
        assertThatThrownBy(() -> parse("---\ntitle: T\ntags:\n  - \"the \"fractional\" CMO\"\n---\nBody\n"))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("write it \\\"");
        // What to do comes first, the parser's jargon ("while scanning for the next token") after it.
        assertThatThrownBy(() -> parse("---\ntitle: T\n\tauthor: A\n---\nBody\n"))
                .satisfies(e -> assertThat(((RejectedInputException) e).problems().get(0).message())
                        .isEqualTo("the front matter is not valid YAML: YAML does not allow a tab here: use spaces"
                                + " (the YAML parser says: while scanning for the next token)"));
        // Emphasis typed in a title, a handle, inline code: a reserved first character, which the
        // parser named only as "while scanning an alias" or "for the next token". The hint is the line quoted.
        assertThatThrownBy(() -> parse("---\ntitle: *Fractional* CMO, the \"new\" role\n---\nBody\n"))
                .satisfies(e -> assertThat(((RejectedInputException) e).problems().get(0).message())
                        .isEqualTo("the front matter is not valid YAML: a value that starts with * must be quoted:"
                                + " title: \"*Fractional* CMO, the \\\"new\\\" role\" (the YAML parser says: while scanning an alias)"));
        assertThatThrownBy(() -> parse("---\ntitle: T\nkeywords:\n  - `CMO` role\n---\nBody\n"))
                .satisfies(e -> assertThat(((RejectedInputException) e).problems().get(0).message())
                        .startsWith("the front matter is not valid YAML: a value that starts with ` must be quoted: - \"`CMO` role\""));
        assertThatThrownBy(() -> parse("---\ntitle: @CMO in an SME\n---\nBody\n"))
                .hasMessageContaining("a value that starts with @ must be quoted: title: \"@CMO in an SME\"");
    }

    /** Pasted from an email, the first lines indented: the lines after them were dropped without a word, draft: true among them. */
    @Test
    void linesAfterAChangeOfIndentationAreAnErrorNotDropped() {
        assertThatThrownBy(() -> parse("---\n  title: \"Collé\"\n  date: 2025-08-01\ndescription: D\ndraft: true\n---\nBody\n"))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("must start at the same column")
                .satisfies(e -> assertThat(((RejectedInputException) e).problems().get(0).line()).isEqualTo(4));
    }

    /** French typing puts a non-breaking space before a colon; the key is the one the author sees. */
    @Test
    void aNonBreakingSpaceBeforeTheColonIsNotPartOfTheKey() {
        ParsedArticle article = parse("---\ntitle: T\ndate\u00a0: 2025-08-01\nauthor\u202f: Marie\n---\nBody\n");

        assertThat(article.frontMatter().fields()).containsOnlyKeys("title", "date", "author");
        assertThat(article.frontMatter().line("date")).isEqualTo(3);
        assertThatThrownBy(() -> parse("---\ndate: 2025-08-01\ndate\u00a0: 2025-08-02\n---\nBody\n"))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("the key date is written twice");
    }
}
