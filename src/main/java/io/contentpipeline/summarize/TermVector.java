package io.contentpipeline.summarize;

import java.util.Map;

/**
 * A sparse vector of weighted terms: term ids in ascending order with their weights, and the
 * norm worked out once. Ranking compares every pair of up to 200 sentences, so the cosine is
 * a merge of two sorted arrays rather than map look-ups with the norms recomputed each time.
 */
record TermVector(int[] ids, double[] weights, double norm) {

    static final TermVector EMPTY = new TermVector(new int[0], new double[0], 0);

    /** @param weightsById term id → weight; ids come from one dictionary per article */
    static TermVector of(Map<Integer, Double> weightsById) {
        int[] ids = weightsById.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] weights = new double[ids.length];
        double squares = 0;
        for (int i = 0; i < ids.length; i++) {
            weights[i] = weightsById.get(ids[i]);
            squares += weights[i] * weights[i];
        }
        return new TermVector(ids, weights, Math.sqrt(squares));
    }

    boolean isEmpty() {
        return ids.length == 0;
    }

    double cosine(TermVector other) {
        if (isEmpty() || other.isEmpty()) {
            return 0;
        }
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < ids.length && j < other.ids.length) {
            if (ids[i] == other.ids[j]) {
                dot += weights[i++] * other.weights[j++];
            } else if (ids[i] < other.ids[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot == 0 ? 0 : dot / (norm * other.norm);
    }
}
