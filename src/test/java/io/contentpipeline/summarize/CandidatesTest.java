package io.contentpipeline.summarize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CandidatesTest {

    @Test
    void aSentenceIsBalancedWhenItClosesWhatItOpensInOrder() {
        assertThat(Candidates.balanced("Il a dit « oui » (deux fois) et [sic] “enfin”.")).isTrue();
        assertThat(Candidates.balanced("Er sagte „ja“ und »nein«, dann \"vielleicht\".")).isTrue();
        assertThat(Candidates.balanced("It’s the team’s work.")).as("apostrophes").isTrue();
        assertThat(Candidates.balanced("Il y a même des Steve honoraires.)")).isFalse();
        assertThat(Candidates.balanced("« Dans le but de moderniser les outils.")).isFalse();
        assertThat(Candidates.balanced("People can contribute to it,” Aminu said.")).isFalse();
        assertThat(Candidates.balanced("He said \"yes.")).isFalse();
        assertThat(Candidates.balanced("A (crossed [pair) here].")).isFalse();
    }
}
