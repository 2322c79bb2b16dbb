package io.contentpipeline.segment;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a block and its translation share, as evidence that they render each other
 * (Simard, Foster and Isabelle, "Using cognates to align sentences in bilingual corpora",
 * 1992, on the French and English of the Canadian Hansard). A translation keeps numbers,
 * names, addresses and code as they are, and French and English share much of their
 * vocabulary ("services", "responsabilité"/"responsibility", "Canadiens"/"Canadians"): two
 * words count as shared when they are the same number, or when their first four letters are
 * the same, accents aside. Two blocks of similar length that do not render each other share
 * few words, which is what tells a deleted paragraph from the paragraphs after it shifted
 * by one: lengths alone cannot, when the paragraphs are of similar length.
 */
final class SharedWords {

    /** Simard et al.: words that begin with the same four letters are mostly cognates; with fewer, chance matches abound. */
    private static final int PREFIX = 4;
    private static final Pattern WORD = Pattern.compile("\\p{L}{" + PREFIX + ",}|\\d+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private SharedWords() {
    }

    /** A block's words that can be shared, each as its number or its first four letters, lower case, no accents; sorted. */
    static String[] keys(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        List<String> keys = new ArrayList<>();
        Matcher word = WORD.matcher(folded);
        while (word.find()) {
            String found = word.group();
            keys.add(Character.isDigit(found.charAt(0)) ? found : found.substring(0, PREFIX));
        }
        String[] sorted = keys.toArray(String[]::new);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The keys of two blocks together, sorted. */
    static String[] union(String[] first, String[] second) {
        String[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        Arrays.sort(both);
        return both;
    }

    /** How many words two sorted key lists share, a word counted as often as both sides have it. */
    static int shared(String[] source, String[] target) {
        int shared = 0;
        for (int i = 0, j = 0; i < source.length && j < target.length; ) {
            int order = source[i].compareTo(target[j]);
            if (order == 0) {
                shared++;
                i++;
                j++;
            } else if (order < 0) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /**
     * The share of words that two blocks of these articles share by chance: over every pair of a
     * source block and a target block, as one pool. Most pairs do not render each other; the few
     * that do make it a little higher, which only makes the evidence more cautious. Measured on
     * each article, as the length ratio is: documentation with code shares far more than a blog
     * post of prose does. An article of more than {@link #CHANCE_BLOCKS} blocks on a side is
     * measured on that many of them, evenly spread: every pair of a 4.6 MB article's 17,895
     * blocks a side was 320 million comparisons, hours of work for one share.
     */
    static double chance(String[][] source, String[][] target) {
        int sourceStep = step(source.length);
        int targetStep = step(target.length);
        long shared = 0;
        long words = 0;
        for (int i = 0; i < source.length; i += sourceStep) {
            for (int j = 0; j < target.length; j += targetStep) {
                shared += shared(source[i], target[j]);
                words += source[i].length + target[j].length;
            }
        }
        return words == 0 ? 0 : 2.0 * shared / words;
    }

    /** Most blocks of a side that {@link #chance} compares with every block of the other it takes. */
    static final int CHANCE_BLOCKS = 500;

    private static int step(int blocks) {
        return Math.max(1, (blocks + CHANCE_BLOCKS - 1) / CHANCE_BLOCKS);
    }

    /**
     * How little the words two blocks share owe to chance, as a cost (0 or less): minus the
     * log-likelihood ratio of their shared words under their own share against the article's
     * chance share (Dunning, "Accurate methods for the statistics of surprise and coincidence",
     * 1993), that is minus n times the Kullback-Leibler divergence of the two shares, n the
     * mean of the two blocks' numbers of words. The mean, not the smaller: a block merged with
     * its neighbour must not gain from words that neighbour adds, or a deleted paragraph would
     * be taken into a merge. Fewer shared words than chance is no evidence against the pairing
     * (a translator may paraphrase a whole paragraph): the cost is 0, and lengths decide.
     */
    static double cost(String[] source, String[] target, double chance) {
        double words = (source.length + target.length) / 2.0;
        int shared = shared(source, target);
        double share = shared / words;
        if (words == 0 || chance <= 0 || chance >= 1 || share <= chance) {
            return 0;
        }
        double divergence = share * Math.log(share / chance)
                + (share >= 1 ? 0 : (1 - share) * Math.log((1 - share) / (1 - chance)));
        return -words * divergence;
    }
}
