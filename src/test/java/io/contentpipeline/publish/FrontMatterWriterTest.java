package io.contentpipeline.publish;

import io.contentpipeline.article.SourceFile;
import io.contentpipeline.parse.ArticleParser;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text the pipeline writes into front matter (published pages, drafts, kept sources)
 * must be read back as the same text by any YAML reader: Hugo's reader takes an unquoted
 * 2024-01-01 for a date, 1.0 for a number and yes or y for a boolean. Checked with SnakeYAML
 * (YAML 1.1, the widest set of implicit types), snakeyaml-engine (YAML 1.2 core schema) and
 * the pipeline's own reader.
 */
class FrontMatterWriterTest {

    /** Texts a careless writer would leave unquoted, and a reader would then take for something else. */
    static final List<String> TRICKY = List.of(
            // dates and times (YAML 1.1 timestamps; sexagesimal numbers)
            "2024-01-01", "2024-1-1", "2024-01-01T10:00:00Z", "2024-01-01 10:00:00", "2024-01-01t10:00:00.5+02:00",
            "12:30:00", "1:20", "190:20:30.15",
            // numbers, in YAML 1.1 and 1.2 spellings
            "1.0", "1", "0", "-1", "+1", "017", "0o17", "0x1F", "0b101", "1e3", "1E3", "1e+3", "-1.5e-3", ".5", "1.",
            "1_000", "1_000.5", ".inf", "-.inf", "+.inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN", "NaN", "Infinity",
            // booleans, YAML 1.1 and 1.2
            "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
            // null and other implicit keys
            "null", "Null", "NULL", "~", "", "<<", "=",
            // strings that start or end with a character YAML gives a meaning to
            "@handle", "`code`", "!important", "!!str x", "&anchor", "*alias", "|pipe", ">folded", "%directive",
            "'single", "\"double", "#hash", "- dash", "-", "? question", "?", ": colon", ",comma", "[bracket]",
            "{brace}", "a: b", "a #b", "key:", " leading space", "trailing space ", "tab\there", "---", "...", "--- x",
            "back\\slash", "l\\'apostrophe",
            // several lines
            "line\nbreak", "ends with a newline\n", "\n", "  indented\nblock", "a\n---\nb", "trailing \nspace",
            // not ASCII
            "Rôle CMO PME : définition", "unicode é – 日本", "emoji 😀", "\u00a0nbsp", "zero\u200bwidth");

    private static final ArticleParser PARSER = new ArticleParser(5_000_000);
    private static final Yaml YAML_11 = new Yaml(new SafeConstructor(new LoaderOptions()));

    @Test
    void everyTextIsReadBackAsTheSameTextByYaml11Yaml12AndThePipelinesOwnReader() {
        assertReadBack(fields -> FrontMatterWriter.markdown(fields, "Body.\n"));
    }

    /**
     * A draft's comment above its translation: block is written between two whole mappings:
     * whatever the texts around it (several lines, a leading #, a trailing space), it is a line
     * of its own, just above the key, and every reader reads the same values as without it.
     */
    @Test
    void aCommentAboveAKeyLeavesEveryTextReadBackAsItWasAndStandsJustAboveTheKey() {
        assertReadBack(fields -> {
            String markdown = FrontMatterWriter.markdown(fields, "Body.\n", "block", "Leave the block: as it is.");
            assertThat(markdown).contains("\n# Leave the block: as it is.\nblock:\n");
            return markdown;
        });
        Map<String, Object> only = Map.of("block", Map.of("source", "x"));
        assertThat(FrontMatterWriter.yaml(only, "block", "Keep it.")).as("no \"{}\" for no fields before it")
                .isEqualTo("# Keep it.\nblock:\n  source: x\n");
        assertThat(FrontMatterWriter.yaml(Map.of("title", "x"), "block", "Keep it.")).as("no key, no comment").isEqualTo("title: x\n");
    }

    /** Writes each tricky text, in a field and in a nested block (as a draft's translation: block), and reads it back three ways. */
    private static void assertReadBack(Function<Map<String, Object>, String> writer) {
        SoftAssertions softly = new SoftAssertions();
        for (String text : TRICKY) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("title", text);
            fields.put("tags", List.of(text));
            fields.put("block", Map.of("source", text));
            fields.put("after", text);
            String markdown = writer.apply(fields);
            String yaml = markdown.substring(4, markdown.lastIndexOf("---\n"));
            softly.assertThat(readBack("YAML 1.1", () -> YAML_11.load(yaml))).as("YAML 1.1 reading of\n%s", yaml).isEqualTo(fields);
            softly.assertThat(readBack("YAML 1.2", () -> yaml12().loadFromString(yaml))).as("YAML 1.2 reading of\n%s", yaml).isEqualTo(fields);
            softly.assertThat(readBack("pipeline", () -> PARSER.parseText(
                    new SourceFile("a.md", null, markdown.getBytes(StandardCharsets.UTF_8), null), markdown).frontMatter().fields()))
                    .as("pipeline's reading of\n%s", yaml).isEqualTo(fields);
        }
        softly.assertAll();
    }

    @Test
    void infinitiesAndNotANumberAreWrittenAsYamlSpellsThemAndReadBackAsNumbers() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("up", Double.POSITIVE_INFINITY);
        fields.put("down", Double.NEGATIVE_INFINITY);
        fields.put("nan", Double.NaN);
        fields.put("half", 0.5);

        String markdown = FrontMatterWriter.markdown(fields, "");

        assertThat(markdown).isEqualTo("---\nup: .inf\ndown: -.inf\nnan: .nan\nhalf: 0.5\n---\n");
        assertThat((Map<String, Object>) YAML_11.load(markdown.substring(4, markdown.length() - 4))).isEqualTo(fields);
        assertThat(PARSER.parseText(new SourceFile("a.md", null, markdown.getBytes(StandardCharsets.UTF_8), null), markdown)
                .frontMatter().fields()).isEqualTo(fields);
    }

    /** What a reader makes of the YAML, or what it says when it cannot read it. */
    private static Object readBack(String reader, Supplier<Object> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return reader + " failed: " + e.getMessage();
        }
    }

    private static Load yaml12() {
        return new Load(LoadSettings.builder().setSchema(new CoreSchema()).build());
    }

    @Test
    void keysThatLookLikeOtherTypesAreQuotedTooAndPlainTextStaysUnquoted() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("no", "x");
        fields.put("2024-01-01", "x");
        fields.put("1e3", "x");
        fields.put("title", "Rôle CMO PME");
        fields.put("year", 2024);
        fields.put("draft", true);

        String yaml = FrontMatterWriter.yaml(fields);

        Map<String, Object> yaml11 = YAML_11.load(yaml);
        assertThat(yaml11).containsOnlyKeys("no", "2024-01-01", "1e3", "title", "year", "draft");
        assertThat(yaml).as("what needs no quotes gets none, and numbers and booleans stay what they are")
                .contains("\ntitle: Rôle CMO PME\n", "\nyear: 2024\n", "\ndraft: true\n");
    }
}
