package io.contentpipeline.segment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The words a block shares with its translation, on paragraphs of cds-launch-of-the-canadian-digital-service. */
class SharedWordsTest {

    private static final String FRENCH = "Le SNC sera un partenaire pour les ministères afin d’offrir des améliorations de service"
            + " mesurables. Nous examinons le processus de conception et de prestation des services en tenant compte de la"
            + " perspective des utilisateurs, et nous les ferons participer à chaque étape.";
    private static final String ENGLISH = "CDS will be a partner to departments in delivering measurably improved services."
            + " We are rethinking the service design and delivery process from the user’s perspective, and engaging users"
            + " every step of the way.";
    /** A paragraph of the same article that the English one does not translate. */
    private static final String OTHER = "Comme j’ai souvent dit, dans ce monde, si l’on n’est pas numérique, on est cuit! Nous ne"
            + " pouvons pas être un gouvernement de type Blockbuster qui sert une population fervente de Netflix!";

    /** Numbers whole; words by their first four letters, lower case, without accents; short words left out. */
    @Test
    void wordsAreComparedByNumberOrByTheirFirstFourLetters() {
        assertThat(SharedWords.keys("Améliorations mesurables, en 2017 : les services")).containsExactly("2017", "amel", "mesu", "serv");
        // partenaire/partner, service(s) twice, processus/process, perspective: five. Not mesurables/measurably
        // nor utilisateurs/users, whose first four letters differ: the measure is rough, and need not be more.
        assertThat(SharedWords.shared(SharedWords.keys(FRENCH), SharedWords.keys(ENGLISH))).isEqualTo(5);
    }

    /**
     * A translation shares more words than chance, which lowers the cost of its pairing; a block
     * it does not translate shares no more than chance, which costs nothing: few shared words
     * are no evidence against a pairing, a translator may paraphrase.
     */
    @Test
    void sharedWordsAboveChanceLowerTheCostAndFewerCostNothing() {
        double chance = 0.05;

        assertThat(SharedWords.cost(SharedWords.keys(FRENCH), SharedWords.keys(ENGLISH), chance)).isNegative();
        assertThat(SharedWords.cost(SharedWords.keys(FRENCH), SharedWords.keys(OTHER), chance)).isZero();
    }

    /**
     * A block merged with a neighbour its translation does not render gains nothing from the
     * neighbour's words: shares are taken over the mean of both sides' words, so the merge
     * costs more than the pair alone, and a deleted paragraph is not taken into a merge.
     */
    @Test
    void aNeighbourMergedInDilutesTheEvidence() {
        double chance = 0.05;
        String[] merged = SharedWords.union(SharedWords.keys(FRENCH), SharedWords.keys(OTHER));

        assertThat(SharedWords.cost(merged, SharedWords.keys(ENGLISH), chance))
                .isGreaterThan(SharedWords.cost(SharedWords.keys(FRENCH), SharedWords.keys(ENGLISH), chance));
    }
}
