package io.contentpipeline.runtime;

import io.contentpipeline.slug.Slugs;
import org.apache.camel.spi.PropertiesComponent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Settings an operator gave that the pipeline has no such name for: {@code -Dpipeline.target=EN,ES}
 * for {@code pipeline.targets}. Such a setting changes nothing, so the operator believes a
 * setting applies that does not. Every setting has its default in the bundled
 * application.properties, which is therefore the list of names.
 */
final class UnknownSettings {

    private static final String PREFIX = "pipeline.";
    private static final String ENV_PREFIX = "PIPELINE_";
    /** pipeline.base-url.&lt;lang&gt;: one name per language, so not listed in the defaults. */
    private static final String BASE_URL_PREFIX = "pipeline.base-url.";

    private UnknownSettings() {
    }

    /** One message per unknown name, naming where it was set and the name it most likely meant. */
    static List<String> find(PropertiesComponent properties, Map<String, String> environment, Properties system) {
        Set<String> known = defaults();
        Set<String> envKnown = known.stream().map(UnknownSettings::envName).collect(Collectors.toSet());
        List<String> messages = new ArrayList<>();
        for (String key : new TreeSet<>(properties.loadProperties(key -> key.startsWith(PREFIX)).stringPropertyNames())) {
            if (isUnknown(key, known)) {
                messages.add(message(key, "in application.properties", known));
            }
        }
        for (String key : new TreeSet<>(system.stringPropertyNames())) {
            if (key.startsWith(PREFIX) && isUnknown(key, known)) {
                messages.add(message(key, "by -D" + key, known));
            }
        }
        for (String name : new TreeSet<>(environment.keySet())) {
            if (name.startsWith(ENV_PREFIX) && !envKnown.contains(name) && !name.startsWith(envName(BASE_URL_PREFIX))) {
                String meant = closest(name, envKnown);
                messages.add("no setting is named by environment variable " + name + "; it is ignored"
                        + (meant == null ? "" : " (did you mean " + meant + "?)"));
            }
        }
        return messages;
    }

    private static boolean isUnknown(String key, Set<String> known) {
        return !known.contains(key) && !key.startsWith(BASE_URL_PREFIX);
    }

    private static String message(String key, String where, Set<String> known) {
        String meant = closest(key, known);
        return "no setting is named " + key + " (set " + where + "); it is ignored" + (meant == null ? "" : " (did you mean " + meant + "?)");
    }

    /** How Camel looks a setting up in the environment: PIPELINE_MAX_FILE_BYTES for pipeline.max-file-bytes. */
    private static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The known name a misspelling most likely meant: the nearest in edits, when near enough (the slug look-up's rule). */
    private static String closest(String name, Set<String> known) {
        return Slugs.closest(name, new TreeSet<>(known)).orElse(null);
    }

    /** The names of the bundled application.properties' pipeline settings. */
    private static Set<String> defaults() {
        Properties defaults = new Properties();
        try (InputStream in = UnknownSettings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                defaults.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bundled application.properties", e);
        }
        return defaults.stringPropertyNames().stream().filter(key -> key.startsWith(PREFIX)).collect(Collectors.toSet());
    }
}
