package io.contentpipeline.summarize;

import java.util.Map;

/** A candidate sentence: its text, its place in the article and its weighted content terms. */
record Sentence(String text, int position, int paragraph, Map<String, Double> vector) {

    double cosine(Sentence other) {
        return cosine(vector, other.vector);
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> term : small.entrySet()) {
            Double weight = large.get(term.getKey());
            if (weight != null) {
                dot += term.getValue() * weight;
            }
        }
        return dot == 0 ? 0 : dot / (norm(a) * norm(b));
    }

    private static double norm(Map<String, Double> vector) {
        double sum = 0;
        for (double weight : vector.values()) {
            sum += weight * weight;
        }
        return Math.sqrt(sum);
    }
}
