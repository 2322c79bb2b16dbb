package io.contentpipeline.derive;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DescriptionCutterTest {

    @Test
    void shortTextIsKeptWhole() {
        assertThat(DescriptionCutter.cut("Un texte court.", 160)).isEqualTo("Un texte court.");
    }

    @Test
    void longTextIsCutAtAWordWithAnEllipsis() {
        String text = "Le CMO est le garant de la cohérence marketing globale : stratégie, exécution, priorisation et gouvernance.";
        String cut = DescriptionCutter.cut(text, 60);

        assertThat(cut).endsWith("…").hasSizeLessThanOrEqualTo(60);
        String kept = cut.substring(0, cut.length() - 1);
        assertThat(text).startsWith(kept);
        assertThat(text.charAt(kept.length())).as("cut at a word boundary").isIn(' ', ':', ',');
    }
}
