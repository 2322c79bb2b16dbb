package io.contentpipeline.runtime;

import org.apache.camel.spi.PropertiesFunction;

/**
 * The settings the routes need as the settings check resolved them, read in the routes as
 * {@code {{resolved:home}}} and {@code {{resolved:workers}}}: the home --home names (else
 * pipeline.home), and the number {@code auto} comes to.
 * <p>
 * A function rather than the settings' own placeholders with the resolved value put back as an
 * override: Camel reads -D settings and environment variables before its overrides, so
 * {@code -Dpipeline.workers=auto} reached the routes as the text "auto" and stopped the start,
 * and PIPELINE_HOME in the environment won over --home without a word. A function's value
 * comes first.
 */
final class ResolvedSettings implements PropertiesFunction {

    private final PipelineSettings settings;

    ResolvedSettings(PipelineSettings settings) {
        this.settings = settings;
    }

    @Override
    public String getName() {
        return "resolved";
    }

    @Override
    public String apply(String name) {
        return switch (name) {
            case "home" -> settings.home().toString();
            case "workers" -> String.valueOf(settings.workers());
            default -> throw new IllegalArgumentException("no resolved setting is named " + name + " (home, workers)");
        };
    }
}
