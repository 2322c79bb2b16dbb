package io.contentpipeline.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses front-matter YAML with Jackson's YAML data format, strictly: duplicate keys,
 * anything but a mapping at the top, and syntax errors reject the article with the file
 * line and column. Limits on nesting and aliases keep hostile YAML from exhausting memory.
 */
final class YamlFrontMatterReader {

    private static final Pattern POSSIBLE_ALIAS = Pattern.compile("(?:^|[\\s\\[{,:-])\\*[\\w-]");
    private static final Pattern YAML_INFINITY = Pattern.compile("[-+]?\\.(?:inf|Inf|INF)");
    private static final Pattern YAML_NAN = Pattern.compile("\\.(?:nan|NaN|NAN)");
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^(?:\"([^\"]+)\"|'([^']+)'|([^\\s#'\"-][^:#]*?)):(?:\\s|$)");

    private final ObjectMapper mapper;

    YamlFrontMatterReader() {
        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setMaxAliasesForCollections(20);
        loaderOptions.setNestingDepthLimit(40);
        loaderOptions.setAllowDuplicateKeys(false);
        loaderOptions.setCodePointLimit(8 * 1024 * 1024);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loaderOptions)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(40).build())
                .build();
        this.mapper = YAMLMapper.builder(factory)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    FrontMatter read(String yaml, int firstLine) {
        rejectAliases(yaml, firstLine);
        Object root;
        Map<String, String> spellings = new HashMap<>();
        try (JsonParser parser = mapper.createParser(yaml)) {
            root = parser.nextToken() == null ? null : value(parser, spellings);
        } catch (JsonProcessingException e) {
            throw new RejectedInputException(syntaxError(e, firstLine));
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string", e);
        }
        if (root == null) {
            return new FrontMatter(Map.of(), Map.of());
        }
        if (!(root instanceof Map<?, ?>)) {
            throw new RejectedInputException(Problem.error("front-matter-not-a-mapping", null,
                    "the front matter must be a set of key: value lines, not a " + kind(root), firstLine));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) root;
        return new FrontMatter(fields, keyLines(yaml, firstLine), spellings);
    }

    /**
     * The value at the parser's current token, as plain data: maps (in the author's order),
     * lists, strings, numbers, booleans, null, and bytes for a !!binary value. Of the top-level
     * values YAML read as a number or a boolean, the text the author typed is kept in
     * {@code spellings} (null below the top level). Nesting is bounded by the parser's limit.
     */
    private static Object value(JsonParser parser, Map<String, String> spellings) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonToken token = parser.nextToken();
                    if (spellings != null && (token.isNumeric() || token.isBoolean())) {
                        spellings.put(key, parser.getText());
                    }
                    map.put(key, value(parser, null));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser, null));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return number(parser);
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_EMBEDDED_OBJECT -> {
                return parser.getEmbeddedObject();
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * A YAML float. Jackson resolves .inf and .nan as floats but cannot parse them ("Malformed
     * numeric value '.inf'"), which reached the author as a YAML syntax error; they are the
     * infinities and NaN YAML says they are, which the checks can then name.
     */
    private static Number number(JsonParser parser) throws IOException {
        try {
            return parser.getNumberValue();
        } catch (StreamReadException e) {
            String text = parser.getText();
            if (YAML_INFINITY.matcher(text).matches()) {
                return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (YAML_NAN.matcher(text).matches()) {
                return Double.NaN;
            }
            throw e;
        }
    }

    /** What a value that is not a mapping is, in the author's words. */
    private static String kind(Object value) {
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return "binary value";
    }

    /**
     * YAML aliases ({@code *name}) are refused: Jackson would read them as plain strings,
     * silently changing the data, and in other tools they are the "billion laughs" attack.
     * The text is checked cheaply first; only a possible alias costs an event parse.
     */
    private static void rejectAliases(String yaml, int firstLine) {
        if (!POSSIBLE_ALIAS.matcher(yaml).find()) {
            return;
        }
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(Integer.MAX_VALUE);
            for (Event event : new Yaml(options).parse(new StringReader(yaml))) {
                if (event instanceof AliasEvent alias) {
                    int line = alias.getStartMark() == null ? 0 : alias.getStartMark().getLine();
                    throw new RejectedInputException(Problem.error("yaml-alias", null,
                            "YAML aliases (*name) are not supported in front matter; write the value out", line + firstLine));
                }
            }
        } catch (YAMLException e) {
            // Not an alias problem: the Jackson parse that follows reports the syntax error with its position.
        }
    }

    private static Problem syntaxError(JsonProcessingException e, int firstLine) {
        JsonLocation location = e.getLocation();
        Integer line = location != null && location.getLineNr() > 0 ? location.getLineNr() + firstLine - 1 : null;
        Integer column = location != null && location.getColumnNr() > 0 ? location.getColumnNr() : null;
        String message = e.getOriginalMessage();
        String hint = hint(message);
        if (message != null) {
            // SnakeYAML's messages repeat the position and quote the input; the first line is the reason.
            message = message.lines().findFirst().orElse(message).strip();
        }
        return new Problem(io.contentpipeline.article.Severity.ERROR, "yaml-syntax", null,
                "the front matter is not valid YAML: " + message + hint, line, column);
    }

    /**
     * What the author most likely has to do, for the YAML errors authors make most: the
     * parser's reason alone ("mapping values are not allowed here") does not say it. Read
     * from the whole message, whose later lines name the character found.
     */
    private static String hint(String message) {
        if (message == null) {
            return "";
        }
        if (message.contains("mapping values are not allowed")) {
            return " (a value that holds \": \" must be quoted, for example title: \"Marketing : le guide\")";
        }
        if (message.contains("'\\t'") || message.contains("\t")) {
            return " (YAML does not allow a tab here: use spaces)";
        }
        if (message.contains("did not find expected key") || message.contains("did not find expected '-' indicator")) {
            return " (check the quotes and the indentation of this line and the one before)";
        }
        if (message.contains("found unexpected end of stream") || message.contains("unexpected end of the stream")) {
            return " (a quote opened in the front matter is never closed)";
        }
        return "";
    }

    /** File line of each top-level key, for messages that point at a field. */
    private static Map<String, Integer> keyLines(String yaml, int firstLine) {
        Map<String, Integer> lines = new HashMap<>();
        int line = firstLine;
        for (String text : yaml.split("\n", -1)) {
            Matcher key = TOP_LEVEL_KEY.matcher(text);
            if (key.find()) {
                String name = key.group(1) != null ? key.group(1) : key.group(2) != null ? key.group(2) : key.group(3);
                lines.putIfAbsent(name.strip(), line);
            }
            line++;
        }
        return lines;
    }
}
