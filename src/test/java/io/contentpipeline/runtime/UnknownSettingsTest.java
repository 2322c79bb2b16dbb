package io.contentpipeline.runtime;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** A misspelt setting changes nothing: the operator is told, with the name it most likely meant. */
class UnknownSettingsTest {

    @Test
    void misspeltNamesAreNamedWithTheSettingTheyMeantAndKnownOnesAreNot() throws Exception {
        Properties system = new Properties();
        system.setProperty("pipeline.target", "EN,ES");
        system.setProperty("pipeline.targets", "EN");
        system.setProperty("pipeline.base-url.es", "https://example.com/es/");
        system.setProperty("pipeline.completely-made-up-name", "1");
        system.setProperty("java.io.tmpdir", "/tmp");
        Map<String, String> environment = Map.of("PIPELINE_TARGET", "ES", "PIPELINE_MAX_FILE_BYTES", "10",
                "PIPELINE_BASE_URL_EN", "https://example.com/", "PATH", "/bin");

        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation("classpath:application.properties");

            assertThat(UnknownSettings.find(context.getPropertiesComponent(), environment, system)).containsExactly(
                    "no setting is named pipeline.completely-made-up-name (set by -Dpipeline.completely-made-up-name); it is ignored",
                    "no setting is named pipeline.target (set by -Dpipeline.target); it is ignored (did you mean pipeline.targets?)",
                    "no setting is named by environment variable PIPELINE_TARGET; it is ignored (did you mean PIPELINE_TARGETS?)");
        }
    }
}
