package io.contentpipeline.segment;

import java.util.Arrays;

/**
 * The cells of the alignment programme ({@link SegmentAligner#align}) worked out: those within
 * {@link #MARGIN} blocks, plus the difference of the two block counts, of the diagonal from the
 * first blocks to the last. A translation that has as many blocks as its source stays near that
 * diagonal, and each block added or deleted moves it by one; a path more than a hundred blocks
 * away from it pairs nothing a translator did. An article of a few hundred blocks has every
 * cell in the band, as before. A whole table for a 4.6 MB article (17,895 blocks on each side)
 * held 320 million cells, several gigabytes: its return ran out of memory at every attempt.
 */
final class AlignmentBand {

    /** Blocks on either side of the diagonal, beyond the difference of the block counts. */
    static final int MARGIN = 100;

    private final int[] first;
    private final double[][] cost;
    private final int[][] move;

    /** The band of a programme of {@code n} source blocks and {@code m} translated ones, every cell's cost infinite. */
    AlignmentBand(int n, int m) {
        long half = MARGIN + Math.abs((long) n - m);
        first = new int[n + 1];
        cost = new double[n + 1][];
        move = new int[n + 1][];
        int previousLast = 0;
        for (int i = 0; i <= n; i++) {
            long centre = n == 0 ? 0 : (long) i * m / n;
            // Overlapping the row before, so that a path always goes through.
            int from = (int) Math.max(0, Math.min(centre - half, previousLast));
            int to = (int) Math.min(m, centre + half);
            first[i] = from;
            cost[i] = new double[to - from + 1];
            move[i] = new int[to - from + 1];
            Arrays.fill(cost[i], Double.POSITIVE_INFINITY);
            previousLast = to;
        }
    }

    boolean contains(int i, int j) {
        return j >= first[i] && j - first[i] < cost[i].length;
    }

    /** The cost of the cheapest path to cell (i, j); infinite outside the band or where none leads. */
    double cost(int i, int j) {
        return contains(i, j) ? cost[i][j - first[i]] : Double.POSITIVE_INFINITY;
    }

    int move(int i, int j) {
        return move[i][j - first[i]];
    }

    void set(int i, int j, double value, int through) {
        cost[i][j - first[i]] = value;
        move[i][j - first[i]] = through;
    }

    /** The first column of row {@code i} in the band. */
    int from(int i) {
        return first[i];
    }

    /** The last column of row {@code i} in the band. */
    int to(int i) {
        return first[i] + cost[i].length - 1;
    }
}
