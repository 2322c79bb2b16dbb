package io.contentpipeline.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 (Lin, 2004) on lower-cased word tokens, without stemming
 * or stopword removal: the plain word-overlap measure summaries are usually reported with.
 */
final class Rouge {

    record Scores(double rouge1, double rouge2, double rougeL) {
    }

    private Rouge() {
    }

    static Scores score(String candidate, String reference) {
        List<String> c = tokens(candidate);
        List<String> r = tokens(reference);
        return new Scores(ngramF1(c, r, 1), ngramF1(c, r, 2), lcsF1(c, r));
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    private static double ngramF1(List<String> candidate, List<String> reference, int n) {
        Map<String, Integer> c = ngrams(candidate, n);
        Map<String, Integer> r = ngrams(reference, n);
        int overlap = 0;
        for (Map.Entry<String, Integer> gram : c.entrySet()) {
            overlap += Math.min(gram.getValue(), r.getOrDefault(gram.getKey(), 0));
        }
        int cTotal = Math.max(0, candidate.size() - n + 1);
        int rTotal = Math.max(0, reference.size() - n + 1);
        return f1(overlap, cTotal, rTotal);
    }

    private static Map<String, Integer> ngrams(List<String> tokens, int n) {
        Map<String, Integer> grams = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            grams.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return grams;
    }

    private static double lcsF1(List<String> candidate, List<String> reference) {
        int[][] lengths = new int[candidate.size() + 1][reference.size() + 1];
        for (int i = 1; i <= candidate.size(); i++) {
            for (int j = 1; j <= reference.size(); j++) {
                lengths[i][j] = candidate.get(i - 1).equals(reference.get(j - 1))
                        ? lengths[i - 1][j - 1] + 1 : Math.max(lengths[i - 1][j], lengths[i][j - 1]);
            }
        }
        return f1(lengths[candidate.size()][reference.size()], candidate.size(), reference.size());
    }

    private static double f1(int overlap, int candidateTotal, int referenceTotal) {
        if (overlap == 0 || candidateTotal == 0 || referenceTotal == 0) {
            return 0;
        }
        double precision = (double) overlap / candidateTotal;
        double recall = (double) overlap / referenceTotal;
        return 2 * precision * recall / (precision + recall);
    }
}
