package io.contentpipeline.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.Map;

/** Writes a Markdown file: YAML front matter between --- lines, then the body. */
public final class FrontMatterWriter {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private FrontMatterWriter() {
    }

    public static String markdown(Map<String, ?> frontMatter, String body) {
        return "---\n" + yaml(frontMatter) + "---\n" + body;
    }

    public static String yaml(Map<String, ?> fields) {
        try {
            return YAML.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("front matter values are plain data and always serialise", e);
        }
    }
}
