package io.contentpipeline.markdown;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AddressFinder} finds exactly what a search with {@link ProtectedInline#ADDRESS} finds:
 * on every article of the test corpus, and on texts made at random of the pieces where the
 * two could part (a scheme cut short, "www." inside a word, names before an "@" that ends no
 * address, letters outside the BMP, combining accents, punctuation after an address).
 */
class AddressFinderTest {

    private static final String[] PIECES = {
            "http", "https", "ftp", "://", "www.", "w", "@", "@x.org", "a", "Zoé", "e\u0301", "\uD835\uDC00", "_", ".", "-", "+",
            " ", "\n", "\"", "'", "<", ">", ":", "/", "(", ")", "example.com", "1", "\u00a0", "mailto:"};

    @Test
    void findsWhatTheSearchFindsInEveryArticleOfTheCorpus() {
        assertThat(SameMatches.onTheCorpus(ProtectedInline.ADDRESS, AddressFinderTest::found)).as("addresses in the corpus")
                .isGreaterThan(5000);
    }

    @Test
    void findsWhatTheSearchFindsInRandomTexts() {
        assertThat(SameMatches.onRandomTexts(ProtectedInline.ADDRESS, AddressFinderTest::found, PIECES, 24, 50_000))
                .as("random texts that hold an address").isGreaterThan(5_000);
    }

    @Test
    void findsWebAndMailAddressesInOrder() {
        assertThat(found("Write to zoé.b+news@cds-snc.ca, or see https://digital.canada.ca/a?b=1 and www.canada.ca."))
                .containsExactly("[9,30) zoé.b+news@cds-snc.ca", "[39,70) https://digital.canada.ca/a?b=1", "[75,89) www.canada.ca.");
        assertThat(found("no address: a@b, wwww.x, http:/x, @home")).isEmpty();
    }

    private static List<String> found(String text) {
        List<String> matches = new ArrayList<>();
        AddressFinder finder = new AddressFinder(text);
        while (finder.find()) {
            matches.add(SameMatches.match(text, finder.start(), finder.end()));
        }
        return matches;
    }
}
