package io.contentpipeline.publish;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a Markdown file: YAML front matter between --- lines, then the body. Every text is
 * written so that a YAML reader reads it back as that text (see {@link ReadBackQuoting}).
 */
public final class FrontMatterWriter {

    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .stringQuotingChecker(new ReadBackQuoting())
                    .build())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .addModule(new SimpleModule().addSerializer(Double.class, new YamlDoubles()))
            .build();

    private FrontMatterWriter() {
    }

    public static String markdown(Map<String, ?> frontMatter, String body) {
        return "---\n" + yaml(frontMatter) + "---\n" + body;
    }

    /** As {@link #markdown(Map, String)}, with a comment line just above the top-level {@code key} ({@link #yaml(Map, String, String)}). */
    public static String markdown(Map<String, ?> frontMatter, String body, String key, String comment) {
        return "---\n" + yaml(frontMatter, key, comment) + "---\n" + body;
    }

    /**
     * The fields, with {@code # comment} on a line of its own just above the top-level
     * {@code key} (as they are, without it, when there is no such key). Jackson writes no
     * comments, and a comment put in afterwards by hand could land inside a multi-line value:
     * so the fields before the key and those from it on are written apart, each a whole YAML
     * mapping quoted as any other, and the comment goes between the two.
     */
    public static String yaml(Map<String, ?> fields, String key, String comment) {
        if (comment.contains("\n") || comment.contains("\r")) {
            throw new IllegalArgumentException("a YAML comment is one line: " + comment);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> from = new LinkedHashMap<>();
        fields.forEach((name, value) -> (name.equals(key) || !from.isEmpty() ? from : before).put(name, value));
        if (from.isEmpty()) {
            return yaml(fields);
        }
        // An empty mapping is written "{}": none is written for no fields before the key.
        return (before.isEmpty() ? "" : yaml(before)) + "# " + comment + "\n" + yaml(from);
    }

    public static String yaml(Map<String, ?> fields) {
        try {
            return YAML.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("front matter values are plain data and always serialise", e);
        }
    }

    /**
     * An author's unquoted .inf, -.inf or .nan is read as the number it is (on a field that
     * is not text); Jackson would write it back as Infinity or NaN, which YAML reads as text.
     */
    static final class YamlDoubles extends StdSerializer<Double> {

        YamlDoubles() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (value.isNaN()) {
                generator.writeNumber(".nan");
            } else if (value.isInfinite()) {
                generator.writeNumber(value > 0 ? ".inf" : "-.inf");
            } else {
                generator.writeNumber(value);
            }
        }
    }

    /**
     * MINIMIZE_QUOTES leaves a text unquoted unless Jackson's short list (true, no, y, null…)
     * or its number pattern catches it, so "2024-01-01", "1e3", "0x1F", ".inf" or "1_000" went
     * out plain and came back a date or a number (Hugo's title of "1.0" showed "1"). A text is
     * left plain only when both YAML schemas resolve the plain scalar to a string: YAML 1.1 as
     * SnakeYAML implements it (booleans yes/no/on/off, timestamps, sexagesimal, 0b/0x/octal and
     * underscored numbers, .inf, the merge key) and the YAML 1.2 core schema as
     * snakeyaml-engine implements it (0o17, 1e3), which Go readers such as Hugo's follow.
     * Jackson's own checks stay (y and n, which Hugo reads as booleans; the empty string;
     * characters such as ": " that need quotes in any case); the emitter still chooses the
     * quoting style for texts that cannot be plain, such as those starting with @ or a space.
     */
    static final class ReadBackQuoting extends StringQuotingChecker.Default {

        private static final Resolver YAML_1_1 = new Resolver();
        private static final ScalarResolver YAML_1_2 = new CoreScalarResolver(false);

        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || !readAsText(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || !readAsText(value);
        }

        private static boolean readAsText(String plain) {
            return YAML_1_1.resolve(NodeId.scalar, plain, true) == Tag.STR
                    && YAML_1_2.resolve(plain, true) == org.snakeyaml.engine.v2.nodes.Tag.STR;
        }
    }
}
