package io.contentpipeline.summarize;

import io.contentpipeline.markdown.ProseBlock;
import io.contentpipeline.text.TermAnalyzer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Picks the sentences that best stand for an article: a LexRank-style graph of sentences
 * linked by the cosine similarity of their stemmed terms, ranked by PageRank whose random
 * jumps favour early sentences and sentences close to the title (authors announce their
 * subject early and name it in the title). The best sentences that fit the length are
 * returned whole, in reading order; one that opens a bracket or quotation it does not close,
 * or closes one it did not open (cut from a longer quotation), is ranked but never chosen.
 */
public final class ExtractiveSummarizer {

    // Chosen with the evaluation command on the corpus pairs (see docs/authors.md, "Summaries and descriptions").
    private static final double DAMPING = 0.5;
    private static final int ITERATIONS = 30;
    private static final double TITLE_WEIGHT = 3.0;
    private static final double REDUNDANCY = 0.5;

    private final TermAnalyzer analyzer;

    public ExtractiveSummarizer(TermAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    public String summarize(List<ProseBlock> blocks, String language, String title, SummaryLength length) {
        TermDictionary dictionary = new TermDictionary();
        List<Sentence> sentences = Candidates.of(blocks, language, analyzer, dictionary, length.maxChars());
        if (sentences.isEmpty()) {
            return fallback(blocks, length);
        }
        double[] scores = rank(sentences, titleVector(title, language, dictionary));
        List<Sentence> byScore = new ArrayList<>(sentences);
        byScore.sort(Comparator.comparingDouble((Sentence s) -> scores[s.position()]).reversed());
        List<Sentence> chosen = new ArrayList<>();
        int chars = 0;
        for (Sentence candidate : byScore) {
            if (chosen.size() == length.maxSentences()) {
                break;
            }
            if (!Candidates.balanced(candidate.text())) {
                continue; // cut from a parenthesis or a quotation: ranked with the others, never shown alone
            }
            int added = candidate.text().length() + (chosen.isEmpty() ? 0 : 1);
            boolean redundant = chosen.stream().anyMatch(s -> s.cosine(candidate) > REDUNDANCY);
            if (chars + added <= length.maxChars() && !redundant) {
                chosen.add(candidate);
                chars += added;
            }
        }
        if (chosen.isEmpty()) {
            return fallback(blocks, length);
        }
        return chosen.stream().sorted(Comparator.comparingInt(Sentence::position))
                .map(Sentence::text).collect(Collectors.joining(" "));
    }

    private double[] rank(List<Sentence> sentences, TermVector title) {
        int n = sentences.size();
        double[][] weights = new double[n][n];
        double[] outgoing = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double similarity = sentences.get(i).cosine(sentences.get(j));
                weights[i][j] = similarity;
                weights[j][i] = similarity;
                outgoing[i] += similarity;
                outgoing[j] += similarity;
            }
        }
        // Each sentence hands its rank to the others in proportion to their similarity.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                weights[i][j] = outgoing[i] > 0 ? weights[i][j] / outgoing[i] : 0;
            }
        }
        double[] jump = jumpPreferences(sentences, title);
        double[] rank = jump.clone();
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] incoming = new double[n];
            for (int i = 0; i < n; i++) {
                double[] shares = weights[i];
                for (int j = 0; j < n; j++) {
                    incoming[j] += rank[i] * shares[j];
                }
            }
            for (int j = 0; j < n; j++) {
                incoming[j] = (1 - DAMPING) * jump[j] + DAMPING * incoming[j];
            }
            rank = incoming;
        }
        return rank;
    }

    /** Where a reader "jumps" to: early sentences and those near the title, normalised to sum 1. */
    private static double[] jumpPreferences(List<Sentence> sentences, TermVector title) {
        double[] jump = new double[sentences.size()];
        double sum = 0;
        for (Sentence sentence : sentences) {
            double position = 1.0 / Math.sqrt(1 + sentence.position());
            double preference = position + TITLE_WEIGHT * title.cosine(sentence.vector());
            jump[sentence.position()] = preference;
            sum += preference;
        }
        for (int i = 0; i < jump.length; i++) {
            jump[i] /= sum;
        }
        return jump;
    }

    /** The title's terms, counted; a title term no sentence has still counts in the title's norm. */
    private TermVector titleVector(String title, String language, TermDictionary dictionary) {
        if (title == null) {
            return TermVector.EMPTY;
        }
        Map<Integer, Double> vector = new HashMap<>();
        for (String term : analyzer.terms(title, language)) {
            vector.merge(dictionary.id(term), 1.0, Double::sum);
        }
        return TermVector.of(vector);
    }

    /** No usable sentence (a page of lists or a stub): the first block that fits, whole. */
    private static String fallback(List<ProseBlock> blocks, SummaryLength length) {
        return blocks.stream().filter(b -> b.kind() != ProseBlock.Kind.HEADING)
                .map(ProseBlock::text).filter(text -> text.length() <= length.maxChars())
                .findFirst().orElse("");
    }
}
