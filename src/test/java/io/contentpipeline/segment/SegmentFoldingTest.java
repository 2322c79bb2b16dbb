package io.contentpipeline.segment;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Segment#folded} folds white space by hand as {@code strip()} then a {@code \s+}
 * pattern did: segment ids are digests of the folded text, so a difference would change every
 * id in the drafts already out, and every reused translation would be lost.
 */
class SegmentFoldingTest {

    private static final Pattern RUNS = Pattern.compile("\\s+");
    /** \s, and white space it does not cover (no-break spaces, a line separator, ideographic space) that strip() removes at the ends. */
    private static final String[] PIECES = {" ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u202F", "\u2028", "\u3000",
            "a", "é", "mot", ".", "\uD835\uDC00"};

    @Test
    void foldsAsStripAndTheWhiteSpacePatternDid() {
        Random random = new Random(20261128L);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(16); n > 0; n--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String expected = RUNS.matcher(text.toString().strip()).replaceAll(" ");
            assertThat(Segment.folded(text.toString())).as("[" + text + "]").isEqualTo(expected);
        }
    }

    @Test
    void leavesATextWithNothingToFoldAsItIs() {
        String text = "Le rôle du CMO dans une PME";
        assertThat(Segment.folded(text)).isSameAs(text);
        assertThat(Segment.folded("  a \t\n b  ")).isEqualTo("a b");
    }
}
