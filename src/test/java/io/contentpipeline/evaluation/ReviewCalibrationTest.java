package io.contentpipeline.evaluation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The return checks on every real corpus pair, both directions, and on broken variants of
 * each. The floors are the figures the README reports, so a change that makes the checks
 * reject real translations or miss broken ones fails here.
 */
class ReviewCalibrationTest {

    @Test
    void realTranslationsPassAndBrokenVariantsAreCaught() throws Exception {
        ReviewCalibration.Result result = new ReviewCalibration().run(Path.of("src/test/resources/corpus/pairs"), false);

        assertThat(result.reviewed()).isEqualTo(134);
        assertThat(result.acceptedShare()).as("real human translations accepted").isGreaterThanOrEqualTo(0.94);
        assertThat(result.variants()).isGreaterThan(300);
        assertThat(result.caughtShare()).as("broken variants caught with the right code").isGreaterThanOrEqualTo(0.95);
    }
}
