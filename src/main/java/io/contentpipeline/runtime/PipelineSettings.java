package io.contentpipeline.runtime;

import io.contentpipeline.intake.InputBudget;
import org.apache.camel.spi.PropertiesComponent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongSupplier;

/**
 * The pipeline's settings, read once from Camel's properties (application.properties,
 * then environment variables and -D system properties, which override it).
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

    public static PipelineSettings from(PropertiesComponent properties) {
        Map<String, String> baseUrls = new LinkedHashMap<>();
        Properties perLanguage = properties.loadProperties(key -> key.startsWith(BASE_URL_PREFIX));
        perLanguage.stringPropertyNames().forEach(key ->
                baseUrls.put(key.substring(BASE_URL_PREFIX.length()).toLowerCase(Locale.ROOT), perLanguage.getProperty(key)));
        boolean forceToDevice = durability(value(properties, "pipeline.durability", "power-loss"));
        return new PipelineSettings(
                Path.of(value(properties, "pipeline.home", ".")).toAbsolutePath().normalize(),
                Arrays.stream(value(properties, "pipeline.targets", "EN").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList(),
                value(properties, "pipeline.source-language", "fr").toLowerCase(Locale.ROOT),
                Long.parseLong(value(properties, "pipeline.max-file-bytes", "5242880")),
                Integer.parseInt(value(properties, "pipeline.summary.max-sentences", "2")),
                Integer.parseInt(value(properties, "pipeline.summary.max-chars", "300")),
                Arrays.stream(value(properties, "pipeline.detection.languages", "en,fr,es,de,it,pt,nl").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList(),
                Double.parseDouble(value(properties, "pipeline.detection.min-confidence", "0.99")),
                Integer.parseInt(value(properties, "pipeline.reading-words-per-minute", "212")),
                Integer.parseInt(value(properties, "pipeline.description-max", "160")),
                value(properties, "pipeline.base-url", "http://localhost:1313/"),
                baseUrls,
                Duration.parse(value(properties, "pipeline.returns.source-wait", "PT1H")),
                Boolean.parseBoolean(value(properties, "pipeline.pseudo-translate", "false")),
                value(properties, "pipeline.xliff.version", "2.1"),
                Duration.ofMillis(Long.parseLong(value(properties, "pipeline.io-retry-delay", "1000"))),
                Duration.ofMillis(Long.parseLong(value(properties, "pipeline.io-retry-max-delay", "300000"))),
                forceToDevice,
                workers(value(properties, "pipeline.workers", "auto"), forceToDevice),
                inFlightBytes(value(properties, "pipeline.in-flight-bytes", "auto")));
    }

    /** "auto": a share of the heap (see {@link InputBudget#forHeap}); or a number of bytes. */
    static long inFlightBytes(String setting) {
        return autoOrPositive("pipeline.in-flight-bytes", "a positive number of bytes", setting,
                () -> InputBudget.forHeap(Runtime.getRuntime().maxMemory()));
    }

    /**
     * "auto": one worker per core when nothing waits for the disk; four per core when every
     * output is forced to the device, so that some workers compute while others wait for it
     * (measured in the README, "Performance").
     */
    static int workers(String setting, boolean forceToDevice) {
        return Math.toIntExact(autoOrPositive("pipeline.workers", "a positive number", setting,
                () -> Runtime.getRuntime().availableProcessors() * (forceToDevice ? 4L : 1L)));
    }

    private static long autoOrPositive(String key, String what, String setting, LongSupplier auto) {
        if (setting.equals("auto")) {
            return auto.getAsLong();
        }
        try {
            long value = Long.parseLong(setting);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " is auto or " + what + ", not " + setting);
    }

    private static boolean durability(String setting) {
        return switch (setting) {
            case "power-loss" -> true;
            case "process-crash" -> false;
            default -> throw new IllegalArgumentException("pipeline.durability is power-loss or process-crash, not " + setting);
        };
    }

    private static String value(PropertiesComponent properties, String key, String fallback) {
        return properties.resolveProperty(key).map(String::strip).filter(v -> !v.isEmpty()).orElse(fallback);
    }
}
