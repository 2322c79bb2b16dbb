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

    /** Reads every setting and checks it; a value the pipeline cannot work with throws {@link SettingValues.BadSetting}. */
    public static PipelineSettings from(PropertiesComponent properties) {
        SettingValues values = new SettingValues(properties);
        Path home = SettingValues.parseHome(values.text("pipeline.home", "."));
        checkRouteSettings(values);
        List<String> targets = values.languages("pipeline.targets", "EN").stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        String sourceLanguage = values.language("pipeline.source-language", "fr");
        List<String> detectionLanguages = values.languages("pipeline.detection.languages", "en,fr,es,de,it,pt,nl");
        checkDetectionCandidates(values, detectionLanguages, sourceLanguage, targets);
        boolean forceToDevice = values.read("pipeline.durability", "power-loss", PipelineSettings::durability);
        Duration ioRetryDelay = Duration.ofMillis(values.whole("pipeline.io-retry-delay", "1000", 1, MILLISECONDS));
        return new PipelineSettings(
                home,
                targets,
                sourceLanguage,
                values.whole("pipeline.max-file-bytes", "5242880", 1, "bytes"),
                values.wholeInt("pipeline.summary.max-sentences", "2", 1, "sentences"),
                values.wholeInt("pipeline.summary.max-chars", "300", 1, "characters"),
                detectionLanguages,
                values.fraction("pipeline.detection.min-confidence", "0.99"),
                values.wholeInt("pipeline.reading-words-per-minute", "212", 1, "words"),
                values.wholeInt("pipeline.description-max", "160", 1, "characters"),
                values.url("pipeline.base-url", "http://localhost:1313/"),
                baseUrlByLanguage(values, properties),
                values.duration("pipeline.returns.source-wait", "PT1H"),
                values.bool("pipeline.pseudo-translate", "false"),
                values.oneOf("pipeline.xliff.version", "2.1", "2.1", "1.2"),
                ioRetryDelay,
                Duration.ofMillis(values.whole("pipeline.io-retry-max-delay", "300000", ioRetryDelay.toMillis(),
                        MILLISECONDS + " (no less than pipeline.io-retry-delay)")),
                forceToDevice,
                values.read("pipeline.workers", "auto", setting -> workers(setting, forceToDevice)),
                values.read("pipeline.in-flight-bytes", "auto", PipelineSettings::inFlightBytes));
    }

    /** Settings only the routes read, as placeholders: checked here so that a bad one is named before anything starts. */
    private static void checkRouteSettings(SettingValues values) {
        values.regex("pipeline.inbox.include", ".*");
        values.regex("pipeline.returns.include", ".*");
        values.whole("pipeline.poll-delay", "500", 1, MILLISECONDS);
        values.whole("pipeline.read-lock-min-age", "300", 0, MILLISECONDS);
        values.wholeInt("pipeline.max-messages-per-poll", "0", 0, "files (0: no limit)");
        values.whole("pipeline.status-interval", "60000", 1, MILLISECONDS);
        values.whole("pipeline.changelog-digest-interval", "5000", 1, MILLISECONDS);
    }

    /** The detector chooses among the listed, source and target languages, and needs two to choose between. */
    private static void checkDetectionCandidates(SettingValues values, List<String> listed, String source, List<String> targets) {
        Set<String> candidates = new LinkedHashSet<>(listed);
        candidates.add(source);
        targets.forEach(target -> candidates.add(target.toLowerCase(Locale.ROOT)));
        if (candidates.size() < 2) {
            String key = "pipeline.detection.languages";
            throw new SettingValues.BadSetting(key, String.join(",", listed),
                    "a comma list of languages naming, with the source and target languages, at least two",
                    "the detector needs two languages to choose between").from(values.origin(key));
        }
    }

    /** pipeline.base-url.&lt;lang&gt;: a language the pipeline can publish in, and an absolute URL. */
    private static Map<String, String> baseUrlByLanguage(SettingValues values, PropertiesComponent properties) {
        Map<String, String> baseUrls = new LinkedHashMap<>();
        for (String key : baseUrlKeys(properties)) {
            String language = key.substring(BASE_URL_PREFIX.length());
            baseUrls.put(values.languageInKey(key, language), values.url(key, ""));
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

    /** "auto": a share of the heap (see {@link InputBudget#forHeap}); or a number of bytes. */
    static long inFlightBytes(String setting) {
        return autoOrPositive("pipeline.in-flight-bytes", "a positive number of bytes", setting,
                () -> InputBudget.forHeap(Runtime.getRuntime().maxMemory()), Long.MAX_VALUE);
    }

    /**
     * "auto": one worker per core when nothing waits for the disk; four per core when every
     * output is forced to the device, so that some workers compute while others wait for it
     * (measured in the README, "Performance").
     */
    static int workers(String setting, boolean forceToDevice) {
        return (int) autoOrPositive("pipeline.workers", "a positive number", setting,
                () -> Runtime.getRuntime().availableProcessors() * (forceToDevice ? 4L : 1L), Integer.MAX_VALUE);
    }

    private static long autoOrPositive(String key, String what, String setting, LongSupplier auto, long max) {
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
        throw new SettingValues.BadSetting(key, setting, "auto or " + what, null);
    }

    private static boolean durability(String setting) {
        return switch (setting) {
            case "power-loss" -> true;
            case "process-crash" -> false;
            default -> throw new SettingValues.BadSetting("pipeline.durability", setting, "power-loss or process-crash", null);
        };
    }
}
