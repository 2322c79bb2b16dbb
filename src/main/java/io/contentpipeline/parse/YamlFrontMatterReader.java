package io.contentpipeline.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.contentpipeline.article.FrontMatter;
import io.contentpipeline.article.Place;
import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
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
    /** Spaces YAML leaves in a key: at either end, with the non-breaking ones French typing puts before a colon. */
    private static final Pattern KEY_SPACES = Pattern.compile("^[\\s\\u00a0\\u202f\\u2007]+|[\\s\\u00a0\\u202f\\u2007]+$");
    /** A value opened with a single quote that a letter follows after its closing quote: 'L'été'. */
    private static final Pattern SINGLE_QUOTED_APOSTROPHE = Pattern.compile(":\\s+'[^']*'\\p{L}");
    /** A value in double quotes with a plain quote inside: « CMO » translated as "CMO" in a title. */
    private static final Pattern DOUBLE_QUOTED_QUOTE = Pattern.compile("(?::|^\\s*-)\\s+\"(?:[^\"\\\\]|\\\\.)*\"[^\\s#,\\]}]");
    /**
     * A value opened with a typographic quote, as a word processor's smart quotes leave
     * title: "…" ("“…”"): YAML reads no quote in it, so a ": " inside ends the key's value.
     */
    private static final Pattern TYPOGRAPHIC_QUOTED = Pattern.compile("(?::|^\\s*-)\\s+[\u201c\u201d\u201e\u2018\u2019]");
    /**
     * A plain value opening with a character YAML reserves: "*Fractional* CMO" (an alias),
     * "@CMO", a backtick, "&", "!", "%". The parser only says "while scanning an alias" or
     * "for the next token".
     */
    private static final Pattern RESERVED_START = Pattern.compile("(?::|^\\s*-)\\s+([*&!%@`])");
    /**
     * A line of prose where a key should be, "Leave the translation: block as it is: …": a
     * comment line whose "#" was deleted (the draft's, above translation:), read as a key of
     * three words or more whose value holds ": ".
     */
    private static final Pattern PROSE_LINE = Pattern.compile("^\\p{L}[^:#\"']*\\s[^:#\"']*\\s[^:#\"']*:\\s");
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
        Notes notes = new Notes(new HashMap<>(), new HashMap<>(), firstLine);
        try (JsonParser parser = mapper.createParser(yaml)) {
            root = parser.nextToken() == null ? null : value(parser, notes);
            // Read on past the first value: lines after a change of indentation (first lines
            // indented, as pasted from an email) are otherwise dropped without a word, a
            // draft: true among them. The parser then reports them as a syntax error.
            if (root != null && parser.nextToken() != null) {
                throw new RejectedInputException(new Problem(io.contentpipeline.article.Severity.ERROR, "yaml-syntax", null,
                        "the front matter is not valid YAML: the lines from here on are not part of its first block"
                                + " (check that every key: value line starts at the same column)",
                        firstLine + parser.currentLocation().getLineNr() - 1, null));
            }
        } catch (JsonProcessingException e) {
            throw new RejectedInputException(syntaxError(e, yaml, firstLine));
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
        return new FrontMatter(fields, keyLines(yaml, firstLine), notes.spellings(), notes.places());
    }

    /**
     * A top-level key without the spaces around it: French typing puts a non-breaking space
     * before a colon ({@code date\u00a0: 2025-08-01}), which YAML keeps in the key, so that the
     * date was "missing" while the author could see it. Two keys that are then the same are
     * the duplicate they look like.
     */
    private static String topLevelKey(JsonParser parser, Map<String, Object> map) throws IOException {
        String key = KEY_SPACES.matcher(parser.currentName()).replaceAll("");
        if (map.containsKey(key)) {
            throw new JsonParseException(parser, "the key " + key + " is written twice");
        }
        return key;
    }

    /**
     * The value at the parser's current token, as plain data: maps (in the author's order),
     * lists, strings, numbers, booleans, null, and bytes for a !!binary value. Of the top-level
     * values YAML read as a number or a boolean, and of the items of top-level lists, the text
     * the author typed is kept in {@code notes}, with where each item starts (null below the top
     * level). Nesting is bounded by the parser's limit.
     */
    private static Object value(JsonParser parser, Notes notes) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = notes == null ? parser.currentName() : topLevelKey(parser, map);
                    JsonToken token = parser.nextToken();
                    if (notes != null) {
                        notes.spelling(parser, key);
                    }
                    map.put(key, notes != null && token == JsonToken.START_ARRAY
                            ? topLevelList(parser, key, notes) : value(parser, null));
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
     * A top-level list, whose items YAML read as a number or a boolean keep the text the author
     * typed in {@code notes} under {@code key.index} (seo_keywords.0): an unquoted
     * {@code seo_keywords: [yes]} is the boolean true, and the checks say so as for a title.
     * The same for the values of an item that is a map, under {@code key.index.name}
     * (related_articles.0.anchor): {@code anchor: yes} is a link text read as true. Every item,
     * and every value of an item that is a map, has its place noted there too.
     */
    private static List<Object> topLevelList(JsonParser parser, String key, Notes notes) throws IOException {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String itemKey = FrontMatter.itemKey(key, list.size());
            notes.spelling(parser, itemKey);
            notes.place(parser, itemKey);
            list.add(parser.currentToken() == JsonToken.START_OBJECT ? itemMap(parser, itemKey, notes) : value(parser, null));
        }
        return list;
    }

    /** An item of a top-level list that is a map, read as {@link #value} reads one, noting the spellings and places of its values. */
    private static Map<String, Object> itemMap(JsonParser parser, String itemKey, Notes notes) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            notes.spelling(parser, FrontMatter.itemKey(itemKey, name));
            notes.place(parser, FrontMatter.itemKey(itemKey, name));
            map.put(name, value(parser, null));
        }
        return map;
    }

    /**
     * What the reader notes of the values it reads, for the checks' messages, under the keys
     * {@link FrontMatter} keeps them by: how the author typed a value YAML read as a number or
     * a boolean, and where an item starts, from the parser's own marks (SnakeYAML's, which
     * Jackson passes on as token locations) rather than from the lines scanned again.
     *
     * @param firstLine the file line of the YAML's first line
     */
    private record Notes(Map<String, String> spellings, Map<String, Place> places, int firstLine) {

        /** The text of the parser's current value, when YAML read it as a number or a boolean. */
        void spelling(JsonParser parser, String key) throws IOException {
            if (parser.currentToken().isNumeric() || parser.currentToken().isBoolean()) {
                spellings.put(key, parser.getText());
            }
        }

        /** Where the parser's current value starts, as a file line and column. */
        void place(JsonParser parser, String key) {
            JsonLocation at = parser.currentTokenLocation();
            if (at.getLineNr() > 0 && at.getColumnNr() > 0) {
                places.put(key, new Place(firstLine + at.getLineNr() - 1, at.getColumnNr()));
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

    private static Problem syntaxError(JsonProcessingException e, String yaml, int firstLine) {
        JsonLocation location = e.getLocation();
        int yamlLine = location != null && location.getLineNr() > 0 ? location.getLineNr() : 0;
        Integer column = location != null && location.getColumnNr() > 0 ? location.getColumnNr() : null;
        // Where SnakeYAML found the problem, rather than where the construct it was reading began
        // (a tab opening line 4 was reported on line 3, the key before it).
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            yamlLine = marked.getProblemMark().getLine() + 1;
            column = marked.getProblemMark().getColumn() + 1;
        }
        Integer line = yamlLine > 0 ? yamlLine + firstLine - 1 : null;
        String message = e.getOriginalMessage();
        String hint = hint(message, yamlLine > 0 ? yaml.lines().skip(yamlLine - 1).findFirst().orElse("") : "");
        if (message != null) {
            // SnakeYAML's messages repeat the position and quote the input; the first line is the reason.
            message = message.lines().findFirst().orElse(message).strip();
        }
        // What to do first, in the author's words; the parser's own reason ("while parsing a block
        // mapping") after it, for whoever knows YAML.
        String text = hint.isEmpty() ? message : hint + " (the YAML parser says: " + message + ")";
        return new Problem(io.contentpipeline.article.Severity.ERROR, "yaml-syntax", null,
                "the front matter is not valid YAML: " + text, line, column);
    }

    /**
     * What the author most likely has to do, for the YAML errors authors make most: the
     * parser's reason alone ("mapping values are not allowed here") does not say it. Read
     * from the whole message, whose later lines name the character found.
     */
    private static String hint(String message, String line) {
        if (message == null) {
            return "";
        }
        if (SINGLE_QUOTED_APOSTROPHE.matcher(line).find()) {
            return "an apostrophe inside a value in single quotes ends the value: write it twice, as in 'L''été',"
                    + " or put the value in double quotes";
        }
        if (DOUBLE_QUOTED_QUOTE.matcher(line).find()) {
            return "a double quote inside a value in double quotes ends the value: write it \\\" (title: \"The \\\"CMO\\\" role\"),"
                    + " or put the value in single quotes, or use typographic quotes “ ”";
        }
        if (TYPOGRAPHIC_QUOTED.matcher(line).find() && message.contains("mapping values are not allowed")) {
            // Said as "must be quoted", the translator who did quote it (with curly quotes) is none the wiser.
            return "the value is in typographic quotes (“ ” or ‘ ’, as a word processor's smart quotes make them),"
                    + " which YAML does not read as quotes: write straight quotes, title: \"The CMO's role: a guide\"";
        }
        Matcher reserved = RESERVED_START.matcher(line);
        if (reserved.find() && (message.contains("while scanning") || message.contains("cannot start any token"))) {
            // The line itself, quoted, is the fix: the translator's own words, not an example to adapt.
            String value = line.substring(reserved.start(1)).strip().replace("\\", "\\\\").replace("\"", "\\\"");
            return "a value that starts with " + reserved.group(1) + " must be quoted: "
                    + line.substring(0, reserved.start(1)).strip() + " \"" + value + "\"";
        }
        if (message.contains("expected '<document start>'")) {
            return "every key: value line of the front matter must start at the same column as the first one";
        }
        if (message.contains("mapping values are not allowed") && PROSE_LINE.matcher(line).find()) {
            // Said as "must be quoted", a translator reads it as about a value they typed.
            return "this line is text, not a key: value line: a comment line starts with # (as the draft's line above"
                    + " translation: does); put the # back, or delete the line";
        }
        if (message.contains("mapping values are not allowed")) {
            return "a value that holds \": \" must be quoted, for example title: \"Marketing : le guide\"";
        }
        if (message.contains("'\\t'") || message.contains("\t")) {
            return "YAML does not allow a tab here: use spaces";
        }
        if (message.contains("did not find expected key") || message.contains("did not find expected '-' indicator")) {
            return "check the quotes and the indentation of this line and the one before";
        }
        if (message.contains("found unexpected end of stream") || message.contains("unexpected end of the stream")) {
            return "a quote opened in the front matter is never closed";
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
                lines.putIfAbsent(KEY_SPACES.matcher(name).replaceAll(""), line);
            }
            line++;
        }
        return lines;
    }
}
