package io.contentpipeline.markdown;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.Stream;

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
    void findsWhatTheSearchFindsInEveryArticleOfTheCorpus() throws Exception {
        Path corpus = Path.of(getClass().getClassLoader().getResource("corpus").toURI());
        List<Path> articles;
        try (Stream<Path> files = Files.walk(corpus)) {
            articles = files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
        int addresses = 0;
        for (Path article : articles) {
            String text = Files.readString(article, StandardCharsets.UTF_8);
            List<String> expected = searched(text);
            assertThat(found(text)).as(article.toString()).isEqualTo(expected);
            addresses += expected.size();
        }
        assertThat(articles).hasSizeGreaterThan(400);
        assertThat(addresses).as("addresses in the corpus").isGreaterThan(5000);
    }

    @Test
    void findsWhatTheSearchFindsInRandomTexts() {
        Random random = new Random(20261128L);
        int withAddresses = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(24); n > 0; n--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            List<String> expected = searched(text.toString());
            assertThat(found(text.toString())).as(text.toString()).isEqualTo(expected);
            withAddresses += expected.isEmpty() ? 0 : 1;
        }
        assertThat(withAddresses).as("random texts that hold an address").isGreaterThan(5_000);
    }

    @Test
    void findsWebAndMailAddressesInOrder() {
        assertThat(found("Write to zoé.b+news@cds-snc.ca, or see https://digital.canada.ca/a?b=1 and www.canada.ca."))
                .containsExactly("[9,30) zoé.b+news@cds-snc.ca", "[39,70) https://digital.canada.ca/a?b=1", "[75,89) www.canada.ca.");
        assertThat(found("no address: a@b, wwww.x, http:/x, @home")).isEmpty();
    }

    private static List<String> searched(String text) {
        List<String> matches = new ArrayList<>();
        Matcher search = ProtectedInline.ADDRESS.matcher(text);
        while (search.find()) {
            matches.add("[" + search.start() + "," + search.end() + ") " + search.group());
        }
        return matches;
    }

    private static List<String> found(String text) {
        List<String> matches = new ArrayList<>();
        AddressFinder finder = new AddressFinder(text);
        while (finder.find()) {
            matches.add("[" + finder.start() + "," + finder.end() + ") " + text.substring(finder.start(), finder.end()));
        }
        return matches;
    }
}
