package io.contentpipeline.translate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a changed block's marker shows the translator of its previous text. */
class DraftComposerTest {

    private static final String LONG = "Le directeur marketing fractionné accompagne les PME dans la définition de leur stratégie, "
            + "la structuration de leur équipe, le choix des outils et le suivi des résultats trimestre après trimestre, "
            + "avec un rapport mensuel présenté au comité de direction et un bilan complet tous les 6 mois.";

    @Test
    void aShortBlockIsShownWhole() {
        assertThat(DraftComposer.excerptOfChange("Un texte court.", "Un texte bref.")).isEqualTo("Un texte court.");
    }

    @Test
    void aChangeAtTheEndOfALongBlockIsShownWithTheWordsBeforeIt() {
        String now = LONG.replace("tous les 6 mois", "tous les 12 mois");

        String excerpt = DraftComposer.excerptOfChange(LONG, now);

        assertThat(LONG.length()).isGreaterThan(200);
        assertThat(excerpt).startsWith("…").endsWith("tous les 6 mois.").contains("comité de direction");
        assertThat(excerpt.length()).isLessThanOrEqualTo(202);
    }

    @Test
    void aChangeAtTheStartOfALongBlockIsShownWithTheWordsAfterIt() {
        String now = LONG.replace("Le directeur marketing fractionné", "La directrice marketing à temps partagé");

        String excerpt = DraftComposer.excerptOfChange(LONG, now);

        assertThat(excerpt).startsWith("Le directeur marketing fractionné accompagne").endsWith("…");
    }
}
