package io.contentpipeline.summarize;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TermVectorTest {

    @Test
    void cosineOfSparseVectorsMatchesTheTextbookFormula() {
        TermVector a = TermVector.of(Map.of(1, 2.0, 3, 1.0, 7, 2.0));
        TermVector b = TermVector.of(Map.of(3, 4.0, 7, 3.0, 9, 1.0));

        // dot = 1*4 + 2*3 = 10; |a| = 3; |b| = sqrt(26)
        assertThat(a.cosine(b)).isCloseTo(10 / (3 * Math.sqrt(26)), within(1e-12));
        assertThat(b.cosine(a)).isCloseTo(a.cosine(b), within(1e-12));
        assertThat(a.cosine(a)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void vectorsWithoutCommonTermsOrWithoutTermsAreUnrelated() {
        TermVector a = TermVector.of(Map.of(1, 1.0));
        TermVector b = TermVector.of(Map.of(2, 1.0));

        assertThat(a.cosine(b)).isZero();
        assertThat(a.cosine(TermVector.EMPTY)).isZero();
        assertThat(TermVector.EMPTY.cosine(TermVector.EMPTY)).isZero();
    }
}
