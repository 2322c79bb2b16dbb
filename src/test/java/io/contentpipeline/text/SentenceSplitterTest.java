package io.contentpipeline.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceSplitterTest {

    @Test
    void frenchAbbreviationsDecimalsAndSpacingBeforePunctuation() {
        assertThat(SentenceSplitter.split(
                "M. Dupont gère 1,5 million de dollars, p. ex. pour la PME. Est-ce trop ? Non ! Il le dit lui-même.", "fr"))
                .containsExactly("M. Dupont gère 1,5 million de dollars, p. ex. pour la PME.", "Est-ce trop ?", "Non !",
                        "Il le dit lui-même.");
    }

    @Test
    void frenchGuillemetsCloseAfterTheStop() {
        assertThat(SentenceSplitter.split("Il a dit : « Nous livrerons en mars. » Puis il est parti. Le reste suit.", "fr"))
                .containsExactly("Il a dit : « Nous livrerons en mars. »", "Puis il est parti.", "Le reste suit.");
    }

    @Test
    void englishAbbreviationsInitialsAndNumbers() {
        assertThat(SentenceSplitter.split(
                "Dr. Smith met J. K. Rowling at 2.5 p.m. in the U.S. office. It went well, e.g. the demo worked. Mr. Jones agreed.",
                "en"))
                .containsExactly("Dr. Smith met J. K. Rowling at 2.5 p.m. in the U.S. office.",
                        "It went well, e.g. the demo worked.", "Mr. Jones agreed.");
    }

    @Test
    void colonsSemicolonsAndUrlsDoNotEndSentences() {
        assertThat(SentenceSplitter.split("Voir canada.ca : le site ; la page. Fin.", "fr"))
                .containsExactly("Voir canada.ca : le site ; la page.", "Fin.");
    }

    @Test
    void aStopFollowedByLowerCaseIsNotABoundary() {
        assertThat(SentenceSplitter.split("The CMO vs. the manager etc. are roles. Then more.", "en"))
                .containsExactly("The CMO vs. the manager etc. are roles.", "Then more.");
    }

    @Test
    void aStopInsideParenthesesOrAQuotationClosedLaterEndsNoSentence() {
        assertThat(SentenceSplitter.split("Sarah s’est installée avec deux des développeurs nommés Steve. "
                + "(Oui, il y a une abondance de Steve sur ce projet! Il y a même des Steve honoraires.) Les tests ont suivi.", "fr"))
                .containsExactly("Sarah s’est installée avec deux des développeurs nommés Steve.",
                        "(Oui, il y a une abondance de Steve sur ce projet! Il y a même des Steve honoraires.)", "Les tests ont suivi.");
        assertThat(SentenceSplitter.split("“We ship. Then we learn,” she said. It worked.", "en"))
                .containsExactly("“We ship. Then we learn,” she said.", "It worked.");
    }

    @Test
    void aMarkNeverClosedOrNeverOpenedEnclosesNothing() {
        assertThat(SentenceSplitter.split("Voici trois points : 1) le prix. Puis (a) la date. Enfin la fin.", "fr"))
                .containsExactly("Voici trois points : 1) le prix.", "Puis (a) la date.", "Enfin la fin.");
        assertThat(SentenceSplitter.split("Il a dit « oui. Puis non. Fin.", "fr")).containsExactly("Il a dit « oui.", "Puis non.", "Fin.");
    }
}
