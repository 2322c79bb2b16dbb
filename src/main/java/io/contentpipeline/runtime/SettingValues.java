package io.contentpipeline.runtime;

import io.contentpipeline.language.LanguageDetector;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.PropertiesResolvedValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads and checks the settings, once, at start-up: a value the pipeline cannot work with
 * stops it before anything is written, with one line for each such setting naming it, the
 * value, what is allowed and where the value came from ({@link BadSetting}). Every setting is
 * read before the pipeline gives up ({@link #throwIfAnyBad}), so that the operator sees them
 * all at once. A setting given an empty value is one of them: it is not taken for the default.
 */
final class SettingValues {

    private static final String FRACTION = "a number from 0 to 1";
    private static final String DURATION = "an ISO-8601 duration, zero or more, such as PT1H, PT30M or P2D";
    private static final String BOOLEAN = "true or false";
    private static final String REGEX = "a Java regular expression over file names";
    private static final String URL = "an absolute http:// or https:// URL";
    private static final String LANGUAGES = "a comma list of ISO 639-1 language codes the detector knows";
    private static final String LANGUAGE = "an ISO 639-1 language code the detector knows";
    static final String HOME = "a folder, or a new folder in an existing one";

    private final PropertiesComponent properties;
    private final List<BadSetting> bad = new ArrayList<>();

    SettingValues(PropertiesComponent properties) {
        this.properties = properties;
    }

    /** Every setting the pipeline cannot start with, in the order they were read. Its message joins theirs. */
    static final class BadSettings extends IllegalArgumentException {
        private final List<BadSetting> problems;

        BadSettings(List<BadSetting> problems) {
            super(problems.stream().map(BadSetting::getMessage).collect(Collectors.joining("; ")));
            this.problems = List.copyOf(problems);
        }

        List<BadSetting> problems() {
            return problems;
        }
    }

    /** Notes a bad setting found by a check of its own; the pipeline stops once all are read. */
    void report(BadSetting problem) {
        bad.add(problem);
    }

    /** Whether none of these settings was found bad so far: a check across settings needs good values. */
    boolean allGood(String... keys) {
        List<String> named = Arrays.asList(keys);
        return bad.stream().noneMatch(problem -> named.contains(problem.key));
    }

    /** Stops the pipeline, naming every bad setting read, if there is one. */
    void throwIfAnyBad() {
        if (!bad.isEmpty()) {
            throw new BadSettings(bad);
        }
    }

    /** A setting the pipeline cannot start with. Its message is the operator's whole report. */
    static final class BadSetting extends IllegalArgumentException {
        private final String key;
        private final String value;
        private final String allowed;
        private final String detail;
        private final String origin;

        BadSetting(String key, String value, String allowed, String detail) {
            this(key, value, allowed, detail, null);
        }

        private BadSetting(String key, String value, String allowed, String detail, String origin) {
            super(key + " is " + allowed + ", not " + (value.isBlank() ? "an empty value" : value)
                    + (origin == null ? "" : " (" + origin + ")") + (detail == null ? "" : ": " + detail));
            this.key = key;
            this.value = value;
            this.allowed = allowed;
            this.detail = detail;
            this.origin = origin;
        }

        BadSetting from(String where) {
            return origin != null || where == null ? this : new BadSetting(key, value, allowed, detail, where);
        }
    }

    /** The value, stripped; the fallback when it is unset or blank. For settings read before the check, or not checked. */
    String text(String key, String fallback) {
        return properties.resolveProperty(key).map(String::strip).filter(v -> !v.isEmpty()).orElse(fallback);
    }

    /**
     * The value parsed by {@code parse}, the fallback when it is unset. An empty value, or one
     * {@code parse} refuses, is noted as a {@link BadSetting} with where it came from, and the
     * fallback's value is returned so that the other settings can still be read (null when the
     * fallback is refused too, which {@link #throwIfAnyBad} then reports).
     */
    <T> T read(String key, String fallback, String allowed, Function<String, T> parse) {
        Optional<String> value = properties.resolveProperty(key);
        try {
            if (value.isPresent() && value.get().isBlank()) {
                throw new BadSetting(key, value.get(), allowed, fallback.isEmpty() ? "give it a value, or leave the setting out"
                        : "leave the setting out to use the default, " + fallback);
            }
            return parse.apply(value.map(String::strip).orElse(fallback));
        } catch (BadSetting problem) {
            bad.add(problem.from(origin(key)));
        }
        try {
            return parse.apply(fallback);
        } catch (BadSetting refused) {
            return null;
        }
    }

    /** Where a value came from, in the operator's words; null when it is not worth saying. */
    String origin(String key) {
        properties.resolveProperty(key); // records where the value comes from, for a key read another way
        return properties.getResolvedValue(key).map(PropertiesResolvedValue::source).map(source -> origin(key, source)).orElse(null);
    }

    static String origin(String key, String source) {
        return switch (source) {
            case "SYS" -> "set by -D" + key;
            case "ENV" -> "set by environment variable " + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            case "OverrideProperties", "InitialProperties" -> null;
            default -> "set in " + source.replaceFirst("^classpath:", "");
        };
    }

    Long whole(String key, String fallback, long min, String unit) {
        return read(key, fallback, wholeAllowed(min, unit), value -> parseWhole(key, value, min, Long.MAX_VALUE, unit));
    }

    Integer wholeInt(String key, String fallback, int min, String unit) {
        Long value = read(key, fallback, wholeAllowed(min, unit), text -> parseWhole(key, text, min, Integer.MAX_VALUE, unit));
        return value == null ? null : Math.toIntExact(value);
    }

    private static String wholeAllowed(long min, String unit) {
        return "a whole number of " + unit + ", " + min + " or more";
    }

    static long parseWhole(String key, String value, long min, long max, String unit) {
        String allowed = wholeAllowed(min, unit);
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadSetting(key, value, allowed, null);
        }
        if (number < min || number > max) {
            throw new BadSetting(key, value, allowed, number > max ? "at most " + max : null);
        }
        return number;
    }

    Double fraction(String key, String fallback) {
        return read(key, fallback, FRACTION, value -> parseFraction(key, value));
    }

    static double parseFraction(String key, String value) {
        try {
            double number = Double.parseDouble(value);
            if (number >= 0 && number <= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadSetting(key, value, FRACTION, null);
    }

    Duration duration(String key, String fallback) {
        return read(key, fallback, DURATION, value -> parseDuration(key, value));
    }

    static Duration parseDuration(String key, String value) {
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new BadSetting(key, value, DURATION, null);
    }

    Boolean bool(String key, String fallback) {
        return read(key, fallback, BOOLEAN, value -> parseBool(key, value));
    }

    static boolean parseBool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadSetting(key, value, BOOLEAN, null);
        };
    }

    String oneOf(String key, String fallback, String... allowed) {
        return read(key, fallback, String.join(" or ", allowed), value -> parseOneOf(key, value, allowed));
    }

    static String parseOneOf(String key, String value, String... allowed) {
        if (Arrays.asList(allowed).contains(value)) {
            return value;
        }
        throw new BadSetting(key, value, String.join(" or ", allowed), null);
    }

    String regex(String key, String fallback) {
        return read(key, fallback, REGEX, value -> parseRegex(key, value));
    }

    static String parseRegex(String key, String value) {
        try {
            Pattern.compile(value);
            return value;
        } catch (PatternSyntaxException e) {
            String hint = value.startsWith("*") ? "; a wildcard such as *.md is written .*\\.md in a regular expression" : "";
            throw new BadSetting(key, value, REGEX,
                    e.getDescription() + " at index " + e.getIndex() + hint);
        }
    }

    String url(String key, String fallback) {
        return read(key, fallback, URL, value -> parseUrl(key, value));
    }

    static String parseUrl(String key, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new BadSetting(key, value, URL, null);
    }

    /** A comma list of language codes, in lower case, without repeats. */
    List<String> languages(String key, String fallback) {
        return read(key, fallback, LANGUAGES, value -> parseLanguages(key, value));
    }

    /** Every code the list gets wrong is named at once: EN,en-GB,xx is two mistakes, not one to fix and another to find. */
    static List<String> parseLanguages(String key, String value) {
        List<String> codes = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        boolean unknown = false;
        for (String code : value.split(",")) {
            String stripped = code.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            String region = regionOf(stripped);
            if (LanguageDetector.supports(stripped)) {
                String checked = stripped.toLowerCase(Locale.ROOT);
                if (!codes.contains(checked)) {
                    codes.add(checked);
                }
            } else if (region != null) {
                wrong.add(region);
            } else {
                wrong.add(stripped + " is not one");
                unknown = true;
            }
        }
        if (!wrong.isEmpty()) {
            throw new BadSetting(key, value, LANGUAGES, String.join("; ", wrong) + (unknown ? "; " + knownLanguages() : ""));
        }
        if (codes.isEmpty()) {
            throw new BadSetting(key, value, LANGUAGES, "it names none");
        }
        return List.copyOf(codes);
    }

    String language(String key, String fallback) {
        return read(key, fallback, LANGUAGE, value -> checkLanguage(key, value, LANGUAGE, value));
    }

    /** The language a key ends in ({@code pipeline.base-url.<lang>}), in lower case, when the detector knows it; else null, noted. */
    String languageInKey(String key, String language) {
        try {
            return checkLanguage(key, language, "a key ending in an ISO 639-1 language code the detector knows", language);
        } catch (BadSetting problem) {
            bad.add(problem.from(origin(key)));
            return null;
        }
    }

    /** One code, in lower case, when the detector knows it (in either case); else the setting is refused. */
    static String checkLanguage(String key, String value, String allowed, String code) {
        if (LanguageDetector.supports(code)) {
            return code.toLowerCase(Locale.ROOT);
        }
        String region = regionOf(code);
        throw new BadSetting(key, value, allowed, region != null ? region : code + " is not one; " + knownLanguages());
    }

    /** What to write instead of a code with a region the detector knows the language of (en-GB), else null. */
    private static String regionOf(String code) {
        int region = code.indexOf('-') > 0 ? code.indexOf('-') : code.indexOf('_');
        if (region > 0 && LanguageDetector.supports(code.substring(0, region))) {
            return "write " + code.substring(0, region) + " for " + code + ": regions are not told apart";
        }
        return null;
    }

    private static String knownLanguages() {
        return "the detector knows " + String.join(", ", LanguageDetector.supportedLanguages());
    }

    /**
     * The home folder: an existing folder, or a new one whose parent exists. A missing parent
     * is most likely a mistyped path, and the pipeline would otherwise create it silently.
     */
    static Path parseHome(String key, String value) {
        Path home = Path.of(value).toAbsolutePath().normalize();
        if (Files.exists(home) && !Files.isDirectory(home)) {
            throw new BadSetting(key, value, HOME, home + " is a file");
        }
        Path parent = home.getParent();
        if (!Files.exists(home) && parent != null && !Files.isDirectory(parent)) {
            throw new BadSetting(key, value, HOME, parent + " does not exist (check the path, or create it first;"
                    + " the pipeline creates only the home itself and its inbox/ and outbox/)");
        }
        return home;
    }
}
