package io.contentpipeline.evaluation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The return checks on every real corpus pair, both directions, and on broken variants of
 * each. The floors are the figures docs/translators.md reports, so a change that makes the checks
 * reject real translations or miss broken ones fails here.
 */
class ReviewCalibrationTest {

    @Test
    void realTranslationsPassAndBrokenVariantsAreCaught() throws Exception {
        ReviewCalibration.Result result = new ReviewCalibration().run(Path.of("src/test/resources/corpus/pairs"), false);

        assertThat(result.reviewed()).isEqualTo(134);
        assertThat(result.acceptedShare()).as("real human translations accepted").isGreaterThanOrEqualTo(0.94);
        // 17 OpenTelemetry pairs, both directions, whose French page its publisher marks drifted_from_default: true.
        assertThat(result.drifted()).isEqualTo(34);
        assertThat(result.acceptedShareInStep()).as("accepted among pairs not marked drifted").isGreaterThanOrEqualTo(0.95);
        assertThat(result.variants()).isGreaterThan(300);
        assertThat(result.caughtShare()).as("broken variants caught with the right code").isGreaterThanOrEqualTo(0.95);
    }

    /**
     * The "number changed" variant changes a number of the text, not an ordered list's marker:
     * "2." after a paragraph starts no list, so that change broke the list instead (cds-blog-website-searchbar).
     */
    @Test
    void aNumberChangedIsANumberOfTheTextNotAListMarker() {
        String translation = """
                ---
                title: "Search"
                ---
                Here are the steps you can take to set up your search function:
                <br>
                <br>
                1. The first thing to do is update your configuration file (in this case, the “config.toml” or “config.yaml” file) in the root of your directory and add JSON as one of its output formats.

                Similarly, I’ve also added the use of “fuzzy matching” to our search function. In this case, I set the editDistance variable to 1, which allows words to match if either adding, removing, changing or transposing a character in the word would lead to a match.
                """;
        String source = """
                ---
                title: "Recherche"
                ---
                1. La première chose à faire est de mettre à jour votre fichier de configuration.

                Dans ce cas-ci, je règle la variable editDistance sur 1, ce qui permet de considérer les termes comme des correspondances à un caractère près.
                """;

        String changed = ReviewCalibration.changeNumber(translation, source);

        assertThat(changed).contains("\n1. The first thing").contains("the editDistance variable to 2, which");
    }
}
