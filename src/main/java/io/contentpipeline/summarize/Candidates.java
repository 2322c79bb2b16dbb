package io.contentpipeline.summarize;

import io.contentpipeline.markdown.ProseBlock;
import io.contentpipeline.text.SentenceSplitter;
import io.contentpipeline.text.WordCount;
import io.contentpipeline.text.TermAnalyzer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sentences a summary may use: whole sentences from running text (paragraphs and
 * quotes; headings, list items and table cells are not sentences), each with a TF-IDF
 * vector of stemmed content terms, IDF taken over the article's own sentences.
 */
final class Candidates {

    private static final int MIN_WORDS = 5;
    /**
     * Sentences considered, from the start: ranking compares every pair, so this bounds the
     * work on very long articles; the position prior rarely picks later sentences anyway.
     */
    static final int MAX_SENTENCES = 200;

    private Candidates() {
    }

    static List<Sentence> of(List<ProseBlock> blocks, String language, TermAnalyzer analyzer, TermDictionary dictionary,
                             int maxChars) {
        List<String> texts = new ArrayList<>();
        List<Integer> paragraphs = new ArrayList<>();
        int paragraph = 0;
        for (ProseBlock block : blocks) {
            if (!block.isRunningText()) {
                continue;
            }
            if (texts.size() >= MAX_SENTENCES) {
                break;
            }
            for (String sentence : SentenceSplitter.split(block.text(), language)) {
                if (texts.size() < MAX_SENTENCES && isUsable(sentence, maxChars)) {
                    texts.add(sentence);
                    paragraphs.add(paragraph);
                }
            }
            paragraph++;
        }
        List<Map<Integer, Integer>> counts = new ArrayList<>();
        Map<Integer, Integer> documentFrequency = new HashMap<>();
        for (String text : texts) {
            Map<Integer, Integer> termCounts = new HashMap<>();
            analyzer.terms(text, language).forEach(term -> termCounts.merge(dictionary.id(term), 1, Integer::sum));
            termCounts.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
            counts.add(termCounts);
        }
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Map<Integer, Double> weights = new HashMap<>();
            counts.get(i).forEach((term, count) -> weights.put(term,
                    (1 + Math.log(count)) * Math.log(1.0 + (double) texts.size() / documentFrequency.get(term))));
            sentences.add(new Sentence(texts.get(i), i, paragraphs.get(i), TermVector.of(weights)));
        }
        return sentences;
    }

    /** A summary sentence must read as one: long enough, short enough, and ending like a sentence. */
    private static boolean isUsable(String sentence, int maxChars) {
        if (sentence.length() > maxChars || WordCount.of(sentence) < MIN_WORDS) {
            return false;
        }
        char last = sentence.charAt(sentence.length() - 1);
        return ".!?…»”\")".indexOf(last) >= 0;
    }

    /**
     * Whether a sentence can be shown alone (the summariser chooses only these): every bracket
     * and quotation mark closed in the order opened: {@code ( )}, {@code [ ]}, « » (or » « as
     * German and Danish write them), “ ” („ “ or „ ” in German), and straight double quotes in
     * pairs. A closing mark nothing opened is unbalanced too. Single quotes are left out: ’ is
     * also the apostrophe.
     */
    static boolean balanced(String sentence) {
        Deque<Character> open = new ArrayDeque<>();
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (!open.isEmpty() && closes(open.peek(), c)) {
                open.pop();
            } else if ("([«»“„\"".indexOf(c) >= 0) {
                open.push(c);
            } else if (")]”".indexOf(c) >= 0) {
                return false;
            }
        }
        return open.isEmpty();
    }

    private static boolean closes(char opening, char c) {
        return switch (opening) {
            case '(' -> c == ')';
            case '[' -> c == ']';
            case '«' -> c == '»';
            case '»' -> c == '«';
            case '“' -> c == '”';
            case '„' -> c == '“' || c == '”';
            case '"' -> c == '"';
            default -> false;
        };
    }
}
