package io.contentpipeline.language;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector(List.of("en", "fr", "es", "de"));

    @Test
    void tellsFrenchFromEnglishWithConfidence() {
        DetectedLanguage french = DETECTOR.detect("Le rôle du CMO en PME est une fonction de gouvernance stratégique.");
        DetectedLanguage english = DETECTOR.detect("The CMO's role in an SME is a strategic governance function.");

        assertThat(french.language()).isEqualTo("fr");
        assertThat(french.confidence()).isGreaterThan(0.5);
        assertThat(english.language()).isEqualTo("en");
    }

    @Test
    void confidenceGrowsWithTheTextSoAShortSentenceIsNotTrustedAtTheDefaultThreshold() {
        DetectedLanguage sentence = DETECTOR.detect("Le marketing, c'est simple : il faut écouter ses clients.");
        DetectedLanguage paragraph = DETECTOR.detect("Le marketing, c'est simple : il faut écouter ses clients, comprendre "
                + "ce qu'ils attendent de vous et leur répondre avec des offres claires, des prix justes et un service rapide.");

        assertThat(sentence.confidence()).isLessThan(0.99);
        assertThat(paragraph.language()).isEqualTo("fr");
        assertThat(paragraph.confidence()).isGreaterThanOrEqualTo(0.99);
        LanguageResolver resolver = new LanguageResolver(DETECTOR, "fr", 0.99);
        LanguageResolver.Resolution assumed = resolver.resolve(Optional.empty(), "Le marketing, c'est simple : il faut écouter ses clients.");
        assertThat(assumed.language()).isEqualTo("fr");
        assertThat(assumed.assumed()).isTrue();
        assertThat(resolver.resolve(Optional.of("fr"), "OK").assumed()).as("a declared language is never assumed").isFalse();
    }

    @Test
    void tooLittleTextIsUnknown() {
        assertThat(DETECTOR.detect("OK")).isEqualTo(DetectedLanguage.UNKNOWN);
        assertThat(DETECTOR.detect("   ")).isEqualTo(DetectedLanguage.UNKNOWN);
    }

    @Test
    void aDeclaredLanguageWinsThenAConfidentDetectionThenTheDefault() {
        LanguageResolver resolver = new LanguageResolver(DETECTOR, "fr", 0.5);
        String english = "This article explains how the team ships a new service every week.";

        assertThat(resolver.resolve(Optional.of("fr"), english).language()).isEqualTo("fr");
        assertThat(resolver.resolve(Optional.empty(), english).language()).isEqualTo("en");
        assertThat(resolver.resolve(Optional.empty(), "OK").language()).isEqualTo("fr");
    }

    @Test
    void aLongTextIsSampledFromItsStartMiddleAndEndInWholeWords() {
        String text = "debut " + "alpha ".repeat(400) + "milieu " + "beta ".repeat(400) + "fin";

        String sample = LanguageDetector.sample(text);

        assertThat(sample.length()).isLessThanOrEqualTo(LanguageDetector.MAX_CHARS + 3);
        assertThat(sample).startsWith("debut alpha").contains("beta").endsWith("beta fin ");
        assertThat(sample.split(" ")).allMatch(word -> List.of("debut", "alpha", "milieu", "beta", "fin").contains(word));
        assertThat(LanguageDetector.sample("short text")).isEqualTo("short text");
    }
}
