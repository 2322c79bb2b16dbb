package io.contentpipeline.runtime;

import io.contentpipeline.intake.InputBudget;
import org.apache.camel.spi.PropertiesComponent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The pipeline's settings, read once from Camel's properties (application.properties,
 * then environment variables and -D system properties, which override it), and checked
 * then ({@link SettingValues}): a bad value stops the pipeline before it writes anything.
 */
public record PipelineSettings(
        Path home,
        List<String> targets,
        String sourceLanguage,
        long maxFileBytes,
        long maxReturnBytes,
        long maxXliffBytes,
        int summaryMaxSentences,
        int summaryMaxChars,
        List<String> detectionLanguages,
        double detectionMinConfidence,
        int wordsPerMinute,
        int descriptionMax,
        String baseUrl,
        Map<String, String> baseUrlByLanguage,
        Duration returnSourceWait,
        boolean pseudoTranslate,
        String xliffVersion,
        Duration ioRetryDelay,
        Duration ioRetryMaxDelay,
        boolean forceToDevice,
        int workers,
        long inFlightBytes) {

    private static final String BASE_URL_PREFIX = "pipeline.base-url.";
    private static final String BASE_URL_ENV_PREFIX = "PIPELINE_BASE_URL_";
    private static final String MILLISECONDS = "milliseconds";
    /** The file names application.properties gives both intakes. */
    private static final String INCLUDE = "(?i)[^.~$].*\\.(md|markdown|txt|xlf|xliff)";
    private static final String DURABILITY = "power-loss or process-crash";
    private static final String WORKERS = "auto or a positive number";
    private static final String IN_FLIGHT_BYTES = "auto or a positive number of bytes";
    /** Bytes a filled XLIFF file may take per byte of the largest article (pipeline.max-xliff-bytes=auto). */
    static final long XLIFF_PER_ARTICLE_BYTE = 6;
    /** Bytes a Markdown return may take per byte of the largest article (pipeline.max-return-bytes=auto). */
    static final long RETURN_PER_ARTICLE_BYTE = 2;

    /**
     * Reads every setting and checks it; the settings the pipeline cannot work with throw
     * {@link SettingValues.BadSettings}, all of them at once, before anything is built.
     */
    public static PipelineSettings from(PropertiesComponent properties) {
        return from(properties, null);
    }

    /** @param homeOption the folder --home names, which wins over pipeline.home; null when none */
    public static PipelineSettings from(PropertiesComponent properties, Path homeOption) {
        SettingValues values = new SettingValues(properties);
        Path home = home(values, homeOption);
        checkRouteSettings(values);
        List<String> targets = values.languages("pipeline.targets", "EN").stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        String sourceLanguage = values.language("pipeline.source-language", "fr");
        List<String> detectionLanguages = values.languages("pipeline.detection.languages", "en,fr,es,de,it,pt,nl");
        if (values.allGood("pipeline.targets", "pipeline.source-language", "pipeline.detection.languages")) {
            checkDetectionCandidates(values, detectionLanguages, sourceLanguage, targets);
        }
        Boolean forceToDevice = values.read("pipeline.durability", "power-loss", DURABILITY, PipelineSettings::durability);
        Long ioRetryDelay = values.whole("pipeline.io-retry-delay", "1000", 1, MILLISECONDS);
        Long ioRetryMaxDelay = values.whole("pipeline.io-retry-max-delay", "300000", ioRetryDelay,
                MILLISECONDS + " (no less than pipeline.io-retry-delay)");
        Long maxFileBytes = values.whole("pipeline.max-file-bytes", "5242880", 1, "bytes");
        Long maxReturnBytes = values.read("pipeline.max-return-bytes", "auto", IN_FLIGHT_BYTES,
                setting -> maxReturnBytes(setting, maxFileBytes == null ? 5_242_880L : maxFileBytes));
        Long maxXliffBytes = values.read("pipeline.max-xliff-bytes", "auto", IN_FLIGHT_BYTES,
                setting -> maxXliffBytes(setting, maxFileBytes == null ? 5_242_880L : maxFileBytes));
        Integer summaryMaxSentences = values.wholeInt("pipeline.summary.max-sentences", "2", 1, "sentences");
        Integer summaryMaxChars = values.wholeInt("pipeline.summary.max-chars", "300", 1, "characters");
        Double detectionMinConfidence = values.fraction("pipeline.detection.min-confidence", "0.99");
        Integer wordsPerMinute = values.wholeInt("pipeline.reading-words-per-minute", "212", 1, "words");
        Integer descriptionMax = values.wholeInt("pipeline.description-max", "160", 1, "characters");
        String baseUrl = values.url("pipeline.base-url", "http://localhost:1313/");
        Map<String, String> baseUrlByLanguage = baseUrlByLanguage(values, properties);
        Duration returnSourceWait = values.duration("pipeline.returns.source-wait", "PT1H");
        Boolean pseudoTranslate = values.bool("pipeline.pseudo-translate", "false");
        String xliffVersion = values.oneOf("pipeline.xliff.version", "2.1", "2.1", "1.2");
        Integer workers = values.read("pipeline.workers", "auto", WORKERS, setting -> workers(setting, forceToDevice));
        Long inFlightBytes = values.read("pipeline.in-flight-bytes", "auto", IN_FLIGHT_BYTES, PipelineSettings::inFlightBytes);
        values.throwIfAnyBad();
        return new PipelineSettings(home, targets, sourceLanguage, maxFileBytes, maxReturnBytes, maxXliffBytes, summaryMaxSentences, summaryMaxChars,
                detectionLanguages, detectionMinConfidence, wordsPerMinute, descriptionMax, baseUrl, baseUrlByLanguage,
                returnSourceWait, pseudoTranslate, xliffVersion, Duration.ofMillis(ioRetryDelay), Duration.ofMillis(ioRetryMaxDelay),
                forceToDevice, workers, inFlightBytes);
    }

    /**
     * --home, or else pipeline.home: checked with the other settings, and reported with them.
     * An empty pipeline.home is refused like any empty setting (it used to mean the current
     * directory, as an empty --home did).
     */
    private static Path home(SettingValues values, Path homeOption) {
        if (homeOption == null) {
            return values.read("pipeline.home", ".", SettingValues.HOME, value -> SettingValues.parseHome("pipeline.home", value));
        }
        try {
            return SettingValues.parseHome("--home", homeOption.toString());
        } catch (SettingValues.BadSetting bad) {
            values.report(bad);
            return null;
        }
    }

    /** Settings only the routes read, as placeholders: checked here so that a bad one is named before anything starts. */
    private static void checkRouteSettings(SettingValues values) {
        values.regex("pipeline.inbox.include", INCLUDE);
        values.regex("pipeline.returns.include", INCLUDE);
        values.whole("pipeline.poll-delay", "500", 1, MILLISECONDS);
        values.whole("pipeline.read-lock-min-age", "300", 0, MILLISECONDS);
        values.wholeInt("pipeline.max-messages-per-poll", "0", 0, "files (0: no limit)");
        values.whole("pipeline.status-interval", "60000", 1, MILLISECONDS);
        values.whole("pipeline.progress-interval", "10000", 1, MILLISECONDS);
        values.whole("pipeline.changelog-digest-interval", "5000", 1, MILLISECONDS);
        // Camel's own, but promised by the README: a value Camel cannot read fell back to its 45 s without a word.
        values.whole("camel.main.shutdown-timeout", "30", 1, "seconds");
    }

    /** The detector chooses among the listed, source and target languages, and needs two to choose between. */
    private static void checkDetectionCandidates(SettingValues values, List<String> listed, String source, List<String> targets) {
        Set<String> candidates = new LinkedHashSet<>(listed);
        candidates.add(source);
        targets.forEach(target -> candidates.add(target.toLowerCase(Locale.ROOT)));
        if (candidates.size() < 2) {
            String key = "pipeline.detection.languages";
            values.report(new SettingValues.BadSetting(key, String.join(",", listed),
                    "a comma list of languages naming, with the source and target languages, at least two",
                    "the detector needs two languages to choose between").from(values.origin(key)));
        }
    }

    /** pipeline.base-url.&lt;lang&gt;: a language the pipeline can publish in, and an absolute URL. */
    private static Map<String, String> baseUrlByLanguage(SettingValues values, PropertiesComponent properties) {
        Map<String, String> baseUrls = new LinkedHashMap<>();
        for (String key : baseUrlKeys(properties)) {
            String language = values.languageInKey(key, key.substring(BASE_URL_PREFIX.length()));
            String url = values.url(key, "");
            if (language != null && url != null) {
                baseUrls.put(language, url);
            }
        }
        return baseUrls;
    }

    /**
     * The pipeline.base-url.&lt;lang&gt; keys set anywhere: Camel lists those of its properties
     * files only, so -D and environment variables (PIPELINE_BASE_URL_EN) are looked for too;
     * Camel then resolves each with its usual precedence.
     */
    private static Set<String> baseUrlKeys(PropertiesComponent properties) {
        Set<String> keys = new TreeSet<>(properties.loadProperties(key -> key.startsWith(BASE_URL_PREFIX)).stringPropertyNames());
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith(BASE_URL_PREFIX)).forEach(keys::add);
        System.getenv().keySet().stream().filter(name -> name.startsWith(BASE_URL_ENV_PREFIX))
                .map(name -> BASE_URL_PREFIX + name.substring(BASE_URL_ENV_PREFIX.length()).toLowerCase(Locale.ROOT))
                .forEach(keys::add);
        return keys;
    }

    /**
     * A warning, not an error: an article may be in another language than the default one,
     * and a target equal to an article's own language is skipped for that article only.
     */
    public Optional<String> targetsWarning() {
        String source = sourceLanguage.toUpperCase(Locale.ROOT);
        if (!targets.contains(source)) {
            return Optional.empty();
        }
        String others = String.join(",", targets.stream().filter(target -> !target.equals(source)).toList());
        return Optional.of("pipeline.targets=" + String.join(",", targets) + " includes the default source language"
                + " (pipeline.source-language=" + sourceLanguage + "): an article in " + sourceLanguage + " gets "
                + (others.isEmpty() ? "no translation draft" : "drafts for " + others + " only")
                + "; " + source + " drafts are made for articles in other languages");
    }

    /**
     * "auto": {@value #XLIFF_PER_ARTICLE_BYTE} times pipeline.max-file-bytes, so that the filled
     * XLIFF draft of any article the pipeline accepts can come back: a filled file holds every
     * segment twice (source and target) with its markup as codes, four times its article on the
     * seed repeated to 4.59 MB, up to 4.7 times on the corpus articles of 1 KB or more.
     */
    static long maxXliffBytes(String setting, long maxFileBytes) {
        return autoOrPositive("pipeline.max-xliff-bytes", IN_FLIGHT_BYTES, setting,
                () -> timesArticleLimit(maxFileBytes, XLIFF_PER_ARTICLE_BYTE), Long.MAX_VALUE);
    }

    /**
     * "auto": {@value #RETURN_PER_ARTICLE_BYTE} times pipeline.max-file-bytes. A translation
     * can be longer than its source (French commonly runs 15 to 25 % longer than English, a
     * pseudo-translation about 70 %): with the article's own limit, the pseudo-translation of a
     * 4.6 MB article (7.7 MB) was rejected as too large, and a translator's could be.
     */
    static long maxReturnBytes(String setting, long maxFileBytes) {
        return autoOrPositive("pipeline.max-return-bytes", IN_FLIGHT_BYTES, setting,
                () -> timesArticleLimit(maxFileBytes, RETURN_PER_ARTICLE_BYTE), Long.MAX_VALUE);
    }

    private static long timesArticleLimit(long maxFileBytes, long factor) {
        return maxFileBytes > Long.MAX_VALUE / factor ? Long.MAX_VALUE : maxFileBytes * factor;
    }

    /** "auto": a share of the heap (see {@link InputBudget#forHeap}); or a number of bytes. */
    static long inFlightBytes(String setting) {
        return autoOrPositive("pipeline.in-flight-bytes", IN_FLIGHT_BYTES, setting,
                () -> InputBudget.forHeap(Runtime.getRuntime().maxMemory()), Long.MAX_VALUE);
    }

    /**
     * "auto": one worker per core when nothing waits for the disk; four per core when every
     * output is forced to the device, so that some workers compute while others wait for it
     * (measured in docs/performance.md, "What was done").
     */
    static int workers(String setting, boolean forceToDevice) {
        return (int) autoOrPositive("pipeline.workers", WORKERS, setting,
                () -> Runtime.getRuntime().availableProcessors() * (forceToDevice ? 4L : 1L), Integer.MAX_VALUE);
    }

    private static long autoOrPositive(String key, String allowed, String setting, LongSupplier auto, long max) {
        if (setting.equals("auto")) {
            return auto.getAsLong();
        }
        try {
            long value = Long.parseLong(setting);
            if (value > 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingValues.BadSetting(key, setting, allowed, null);
    }

    private static boolean durability(String setting) {
        return switch (setting) {
            case "power-loss" -> true;
            case "process-crash" -> false;
            default -> throw new SettingValues.BadSetting("pipeline.durability", setting, DURABILITY, null);
        };
    }
}
