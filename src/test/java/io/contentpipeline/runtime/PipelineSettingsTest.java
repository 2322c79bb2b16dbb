package io.contentpipeline.runtime;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineSettingsTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @TempDir
    Path temp;

    @Test
    void autoWorkersAreOnePerCoreOrFourWhenWorkersWaitForTheDisk() {
        assertThat(PipelineSettings.workers("auto", false)).isEqualTo(CORES);
        assertThat(PipelineSettings.workers("auto", true)).isEqualTo(4 * CORES);
        assertThat(PipelineSettings.workers("3", true)).isEqualTo(3);
    }

    @Test
    void aWorkerCountThatMakesNoSenseIsRefusedByName() {
        assertThatThrownBy(() -> PipelineSettings.workers("0", true)).hasMessageContaining("pipeline.workers is auto or a positive number, not 0");
        assertThatThrownBy(() -> PipelineSettings.workers("many", false)).hasMessageContaining("not many");
        assertThatThrownBy(() -> PipelineSettings.workers("99999999999", false)).hasMessageContaining("not 99999999999");
    }

    @Test
    void theDefaultsAreAccepted() {
        PipelineSettings settings = settings(Map.of());

        assertThat(settings.targets()).containsExactly("EN");
        assertThat(settings.sourceLanguage()).isEqualTo("fr");
        assertThat(settings.maxFileBytes()).isEqualTo(5_242_880);
        assertThat(settings.maxXliffBytes()).as("six times the article limit").isEqualTo(31_457_280);
        assertThat(settings.maxReturnBytes()).as("twice the article limit").isEqualTo(10_485_760);
        assertThat(settings.returnSourceWait()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.targetsWarning()).isEmpty();
    }

    @Test
    void theXliffAndReturnLimitsFollowTheArticleLimitUnlessSet() {
        assertThat(settings(Map.of("pipeline.max-file-bytes", "1000")).maxXliffBytes()).isEqualTo(6000);
        assertThat(settings(Map.of("pipeline.max-file-bytes", "1000", "pipeline.max-xliff-bytes", "2500")).maxXliffBytes()).isEqualTo(2500);
        assertThat(settings(Map.of("pipeline.max-file-bytes", "1000")).maxReturnBytes()).isEqualTo(2000);
        assertThat(settings(Map.of("pipeline.max-file-bytes", "1000", "pipeline.max-return-bytes", "1500")).maxReturnBytes()).isEqualTo(1500);
    }

    @Test
    void languageCodesAreTakenInEitherCase() {
        PipelineSettings settings = settings(Map.of("pipeline.targets", "en, Es,EN", "pipeline.source-language", "FR",
                "pipeline.detection.languages", "EN,de"));

        assertThat(settings.targets()).containsExactly("EN", "ES");
        assertThat(settings.sourceLanguage()).isEqualTo("fr");
        assertThat(settings.detectionLanguages()).containsExactly("en", "de");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pipeline.targets                  | EN,XX     | pipeline.targets is a comma list of ISO 639-1 language codes the detector knows, not EN,XX: XX is not one; the detector knows af, ar, az,",
            "pipeline.targets                  | en-GB     | not en-GB: write en for en-GB: regions are not told apart",
            "pipeline.targets                  | 'EN,en-GB,xx,pt_BR' | not EN,en-GB,xx,pt_BR: write en for en-GB: regions are not told apart; xx is not one; write pt for pt_BR: regions are not told apart; the detector knows af,",
            "pipeline.source-language          | xx        | pipeline.source-language is an ISO 639-1 language code the detector knows, not xx: xx is not one",
            "pipeline.source-language          | none      | not none: none is not one",
            "pipeline.detection.languages      | en,fr,xx  | pipeline.detection.languages is a comma list of ISO 639-1 language codes the detector knows, not en,fr,xx",
            "pipeline.max-file-bytes           | -1        | pipeline.max-file-bytes is a whole number of bytes, 1 or more, not -1",
            "pipeline.max-xliff-bytes          | 0         | pipeline.max-xliff-bytes is auto or a positive number of bytes, not 0",
            "pipeline.max-return-bytes         | -5        | pipeline.max-return-bytes is auto or a positive number of bytes, not -5",
            "pipeline.reading-words-per-minute | 0         | pipeline.reading-words-per-minute is a whole number of words, 1 or more, not 0",
            "pipeline.summary.max-chars        | 99999999999 | pipeline.summary.max-chars is a whole number of characters, 1 or more, not 99999999999: at most 2147483647",
            "pipeline.detection.min-confidence | 2         | pipeline.detection.min-confidence is a number from 0 to 1, not 2",
            "pipeline.detection.min-confidence | NaN       | pipeline.detection.min-confidence is a number from 0 to 1, not NaN",
            "pipeline.returns.source-wait      | 1h        | pipeline.returns.source-wait is an ISO-8601 duration, zero or more, such as PT1H, PT30M or P2D, not 1h",
            "pipeline.returns.source-wait      | -PT1H     | not -PT1H",
            "pipeline.inbox.include            | *.md      | pipeline.inbox.include is a Java regular expression over file names, not *.md: Dangling meta character '*' at index 0; a wildcard such as *.md is written .*\\.md",
            "pipeline.returns.include          | (         | pipeline.returns.include is a Java regular expression over file names, not (: Unclosed group",
            "pipeline.poll-delay               | -5        | pipeline.poll-delay is a whole number of milliseconds, 1 or more, not -5",
            "pipeline.read-lock-min-age        | soon      | pipeline.read-lock-min-age is a whole number of milliseconds, 0 or more, not soon",
            "pipeline.max-messages-per-poll    | -1        | pipeline.max-messages-per-poll is a whole number of files (0: no limit), 0 or more, not -1",
            "pipeline.status-interval          | 0         | pipeline.status-interval is a whole number of milliseconds, 1 or more, not 0",
            "pipeline.changelog-digest-interval | 0        | pipeline.changelog-digest-interval is a whole number of milliseconds, 1 or more, not 0",
            "camel.main.shutdown-timeout       | abc       | camel.main.shutdown-timeout is a whole number of seconds, 1 or more, not abc",
            "pipeline.io-retry-delay           | 0         | pipeline.io-retry-delay is a whole number of milliseconds, 1 or more, not 0",
            "pipeline.io-retry-max-delay       | 500       | pipeline.io-retry-max-delay is a whole number of milliseconds (no less than pipeline.io-retry-delay), 1000 or more, not 500",
            "pipeline.pseudo-translate         | yes       | pipeline.pseudo-translate is true or false, not yes",
            "pipeline.xliff.version            | 2.0       | pipeline.xliff.version is 2.1 or 1.2, not 2.0",
            "pipeline.durability               | fsync     | pipeline.durability is power-loss or process-crash, not fsync",
            "pipeline.in-flight-bytes          | 0         | pipeline.in-flight-bytes is auto or a positive number of bytes, not 0",
            "pipeline.base-url                 | localhost:1313/ | pipeline.base-url is an absolute http:// or https:// URL, not localhost:1313/",
            "pipeline.base-url.en              | /en/      | pipeline.base-url.en is an absolute http:// or https:// URL, not /en/",
            "pipeline.base-url.en-gb           | https://example.com/ | pipeline.base-url.en-gb is a key ending in an ISO 639-1 language code the detector knows, not en-gb: write en",
    })
    void aValueThePipelineCannotWorkWithIsRefusedNamingTheSettingAndWhatIsAllowed(String key, String value, String message) {
        assertThatThrownBy(() -> settings(Map.of(key, value)))
                .isInstanceOf(SettingValues.BadSettings.class).hasMessageContaining(message).hasMessageNotContaining("\n")
                .satisfies(thrown -> assertThat(((SettingValues.BadSettings) thrown).problems()).hasSize(1));
    }

    /**
     * An empty value is not the default: "pipeline.targets=" may mean no translation at all,
     * or a script whose variable was empty; either way the operator did not ask for EN.
     */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "pipeline.targets => pipeline.targets is a comma list of ISO 639-1 language codes the detector knows, not an empty value: leave the setting out to use the default, EN",
            "pipeline.source-language => pipeline.source-language is an ISO 639-1 language code the detector knows, not an empty value: leave the setting out to use the default, fr",
            "pipeline.poll-delay => pipeline.poll-delay is a whole number of milliseconds, 1 or more, not an empty value: leave the setting out to use the default, 500",
            "pipeline.inbox.include => pipeline.inbox.include is a Java regular expression over file names, not an empty value: leave the setting out to use the default, (?i)[^.~$].*\\.(md|markdown|txt|xlf|xliff)",
            "pipeline.workers => pipeline.workers is auto or a positive number, not an empty value: leave the setting out to use the default, auto",
            "pipeline.base-url => pipeline.base-url is an absolute http:// or https:// URL, not an empty value: leave the setting out to use the default, http://localhost:1313/",
            "pipeline.pseudo-translate => pipeline.pseudo-translate is true or false, not an empty value: leave the setting out to use the default, false",
    })
    void anEmptyValueIsRefusedNamingTheDefaultItWouldHaveToLeaveOut(String key, String message) {
        for (String empty : new String[] {"", "  "}) {
            assertThatThrownBy(() -> settings(Map.of(key, empty))).as("'%s'", empty)
                    .isInstanceOf(SettingValues.BadSettings.class).hasMessage(message);
        }
    }

    @Test
    void everyBadSettingIsReportedAtOnceInTheOrderTheyAreRead() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("pipeline.targets", "EN,XX");
        values.put("pipeline.max-file-bytes", "-1");
        values.put("pipeline.durability", "fsync");
        values.put("pipeline.poll-delay", "");
        values.put("pipeline.base-url.en", "/en/");

        assertThatThrownBy(() -> settings(values)).isInstanceOfSatisfying(SettingValues.BadSettings.class, bad ->
                assertThat(bad.problems()).extracting(SettingValues.BadSetting::getMessage).satisfiesExactly(
                        poll -> assertThat(poll).startsWith("pipeline.poll-delay is a whole number of milliseconds, 1 or more, not an empty value"),
                        targets -> assertThat(targets).startsWith("pipeline.targets is a comma list of ISO 639-1 language codes the detector knows, not EN,XX: XX is not one"),
                        durability -> assertThat(durability).isEqualTo("pipeline.durability is power-loss or process-crash, not fsync"),
                        bytes -> assertThat(bytes).isEqualTo("pipeline.max-file-bytes is a whole number of bytes, 1 or more, not -1"),
                        url -> assertThat(url).isEqualTo("pipeline.base-url.en is an absolute http:// or https:// URL, not /en/"))
        );
    }

    @Test
    void theDetectorNeedsTwoLanguagesToChooseBetween() {
        assertThatThrownBy(() -> settings(Map.of("pipeline.detection.languages", "fr", "pipeline.targets", "FR")))
                .hasMessageContaining("pipeline.detection.languages is a comma list of languages naming, with the source and target languages,"
                        + " at least two, not fr: the detector needs two languages to choose between");
        assertThat(settings(Map.of("pipeline.detection.languages", "fr")).detectionLanguages()).containsExactly("fr");
    }

    @Test
    void theRefusalSaysWhereTheValueCameFrom() {
        System.setProperty("pipeline.max-file-bytes", "-1");
        System.setProperty("pipeline.targets", "");
        try {
            assertThatThrownBy(() -> settings(Map.of())).isInstanceOfSatisfying(SettingValues.BadSettings.class, bad ->
                    assertThat(bad.problems()).extracting(SettingValues.BadSetting::getMessage).containsExactly(
                            "pipeline.targets is a comma list of ISO 639-1 language codes the detector knows, not an empty value"
                                    + " (set by -Dpipeline.targets): leave the setting out to use the default, EN",
                            "pipeline.max-file-bytes is a whole number of bytes, 1 or more, not -1 (set by -Dpipeline.max-file-bytes)"));
        } finally {
            System.clearProperty("pipeline.max-file-bytes");
            System.clearProperty("pipeline.targets");
        }
        assertThat(SettingValues.origin("pipeline.max-file-bytes", "ENV")).isEqualTo("set by environment variable PIPELINE_MAX_FILE_BYTES");
        assertThat(SettingValues.origin("pipeline.targets", "classpath:application.properties")).isEqualTo("set in application.properties");
    }

    @Test
    void aPerLanguageBaseUrlIsTakenFromMinusDAsFromTheFile() {
        System.setProperty("pipeline.base-url.EN", "https://example.com/en/blog/");
        try {
            assertThat(settings(Map.of()).baseUrlByLanguage()).containsEntry("en", "https://example.com/en/blog/");
        } finally {
            System.clearProperty("pipeline.base-url.EN");
        }
        System.setProperty("pipeline.base-url.en-gb", "https://example.com/");
        try {
            assertThatThrownBy(() -> settings(Map.of())).hasMessageEndingWith(
                    "not en-gb (set by -Dpipeline.base-url.en-gb): write en for en-gb: regions are not told apart");
        } finally {
            System.clearProperty("pipeline.base-url.en-gb");
        }
    }

    @Test
    void theHomeIsAFolderOrANewOneInAnExistingFolder() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertThatThrownBy(() -> SettingValues.parseHome("--home", file.toString()))
                .hasMessageContaining("--home is a folder, or a new folder in an existing one, not " + file + ": " + file + " is a file");
        Path deep = temp.resolve("x/deep/er");
        assertThatThrownBy(() -> SettingValues.parseHome("--home", deep.toString()))
                .hasMessageContaining("not " + deep + ": " + deep.getParent() + " does not exist (check the path, or create it first;");
        assertThat(Files.exists(temp.resolve("x"))).isFalse();

        assertThat(SettingValues.parseHome("--home", temp.resolve("new").toString())).isEqualTo(temp.resolve("new"));
        assertThat(SettingValues.parseHome("--home", temp.toString())).isEqualTo(temp);
    }

    @Test
    void aTargetThatIsTheDefaultSourceLanguageIsWarnedAboutNotRefused() {
        assertThat(settings(Map.of("pipeline.targets", "FR")).targetsWarning()).hasValue(
                "pipeline.targets=FR includes the default source language (pipeline.source-language=fr): an article in fr gets"
                        + " no translation draft; FR drafts are made for articles in other languages");
        assertThat(settings(Map.of("pipeline.targets", "EN,FR")).targetsWarning()).hasValueSatisfying(warning ->
                assertThat(warning).contains("an article in fr gets drafts for EN only"));
    }

    private PipelineSettings settings(Map<String, String> values) {
        PropertiesComponent properties = new DefaultCamelContext().getPropertiesComponent();
        properties.addOverrideProperty("pipeline.home", temp.toString());
        values.forEach(properties::addOverrideProperty);
        return PipelineSettings.from(properties);
    }
}
