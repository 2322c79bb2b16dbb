package io.contentpipeline.segment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Matches the blocks of a translation to the blocks of its source within one section, the
 * way Gale and Church (1993) align sentences: a dynamic programme over the text lengths,
 * allowing a block to be split in two or two to be merged (translators do both), and
 * charging heavily for a block left without counterpart, which is how a deleted paragraph
 * shows. The words two blocks share ({@link SharedWords}) count for their pairing as well:
 * paragraphs of similar length would otherwise pair as well shifted by one as in place, and
 * a deleted paragraph be made up for by a merge further on, with no block left without counterpart.
 */
public final class SegmentAligner {

    /** Variance of the target/source length ratio per character, from Gale and Church. */
    private static final double VARIANCE = 6.8;
    private static final double[][] MOVES = {{1, 1}, {1, 2}, {2, 1}, {1, 0}, {0, 1}};
    private static final double[] PRIOR_COST = {
            -Math.log(0.89), -Math.log(0.089 / 2), -Math.log(0.089 / 2), -Math.log(0.0099 / 2), -Math.log(0.0099 / 2)};

    private SegmentAligner() {
    }

    /**
     * @param ratio  the expected target/source length ratio, measured on the whole article
     * @param chance the share of words two blocks of the article share by chance ({@link SharedWords#chance})
     * @param words  each block's words ({@link SharedWords#keys}), worked out once for the article
     */
    static List<Bead> align(List<Segment> source, List<Segment> target, double ratio, double chance, Map<Segment, String[]> words) {
        int n = source.size();
        int m = target.size();
        String[][] sourceWords = keys(source, words);
        String[][] targetWords = keys(target, words);
        // Lengths summed once: folding a block's white space for every cell of the programme was most of its time.
        int[] sourceLengths = lengthsUpTo(source);
        int[] targetLengths = lengthsUpTo(target);
        AlignmentBand band = new AlignmentBand(n, m);
        band.set(0, 0, 0, 0);
        for (int i = 0; i <= n; i++) {
            for (int j = band.from(i); j <= band.to(i); j++) {
                for (int k = 0; k < MOVES.length; k++) {
                    int di = (int) MOVES[k][0];
                    int dj = (int) MOVES[k][1];
                    if (i < di || j < dj || band.cost(i - di, j - dj) == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    // A heading is one line on both sides: a translator splits or merges paragraphs, never a
                    // heading with the text under it. Pairing one in a merge hides that it was dropped.
                    if ((di == 2 || dj == 2) && (hasHeading(source, i - di, i) || hasHeading(target, j - dj, j))) {
                        continue;
                    }
                    // A gap (1-0, 0-1) costs its prior only: its length and words say nothing about a translation.
                    double evidence = di == 0 || dj == 0 ? 0
                            : lengthCost(sourceLengths[i] - sourceLengths[i - di], targetLengths[j] - targetLengths[j - dj], ratio)
                            + SharedWords.cost(words(sourceWords, i - di, i), words(targetWords, j - dj, j), chance);
                    double candidate = band.cost(i - di, j - dj) + PRIOR_COST[k] + evidence;
                    if (candidate < band.cost(i, j)) {
                        band.set(i, j, candidate, k);
                    }
                }
            }
        }
        List<Bead> beads = new ArrayList<>();
        for (int i = n, j = m; i > 0 || j > 0; ) {
            int di = (int) MOVES[band.move(i, j)][0];
            int dj = (int) MOVES[band.move(i, j)][1];
            beads.add(new Bead(source.subList(i - di, i), target.subList(j - dj, j)));
            i -= di;
            j -= dj;
        }
        Collections.reverse(beads);
        return beads;
    }

    /**
     * Pairs the body blocks of two versions of an article (a source and its translation, or
     * two source versions) section by section: headings must already correspond.
     */
    public static List<Bead> alignBodies(List<Segment> source, List<Segment> target) {
        double ratio = ratio(source, target);
        Map<Segment, String[]> words = words(source, target);
        double chance = chance(source, target, words);
        Map<Integer, List<Segment>> sourceSections = bySection(source);
        Map<Integer, List<Segment>> targetSections = bySection(target);
        List<Bead> beads = new ArrayList<>();
        for (Map.Entry<Integer, List<Segment>> section : sourceSections.entrySet()) {
            beads.addAll(align(section.getValue(), targetSections.getOrDefault(section.getKey(), List.of()), ratio, chance, words));
        }
        for (Map.Entry<Integer, List<Segment>> section : targetSections.entrySet()) {
            if (!sourceSections.containsKey(section.getKey())) {
                section.getValue().forEach(extra -> beads.add(new Bead(List.of(), List.of(extra))));
            }
        }
        return beads;
    }

    /** Pairs every block of two bodies whose headings do not correspond, headings included, as one run. */
    public static List<Bead> alignWhole(List<Segment> source, List<Segment> target) {
        Map<Segment, String[]> words = words(source, target);
        return align(source, target, ratio(source, target), chance(source, target, words), words);
    }

    /** Headings paired by position (the number of headings is checked before pairing). */
    public static List<Bead> alignHeadings(List<Segment> source, List<Segment> target) {
        List<Segment> sourceHeadings = source.stream().filter(s -> s.kind() == Segment.Kind.HEADING).toList();
        List<Segment> targetHeadings = target.stream().filter(s -> s.kind() == Segment.Kind.HEADING).toList();
        List<Bead> beads = new ArrayList<>();
        for (int i = 0; i < Math.min(sourceHeadings.size(), targetHeadings.size()); i++) {
            beads.add(new Bead(List.of(sourceHeadings.get(i)), List.of(targetHeadings.get(i))));
        }
        return beads;
    }

    private static double ratio(List<Segment> source, List<Segment> translation) {
        double sourceChars = source.stream().mapToInt(s -> s.normalisedText().length()).sum();
        double targetChars = translation.stream().mapToInt(s -> s.normalisedText().length()).sum();
        return sourceChars == 0 || targetChars == 0 ? 1 : targetChars / sourceChars;
    }

    private static double chance(List<Segment> source, List<Segment> target, Map<Segment, String[]> words) {
        return SharedWords.chance(source.stream().map(words::get).toArray(String[][]::new),
                target.stream().map(words::get).toArray(String[][]::new));
    }

    /** Each block's words, by identity: two blocks of the same text are still two blocks. */
    private static Map<Segment, String[]> words(List<Segment> source, List<Segment> target) {
        Map<Segment, String[]> words = new IdentityHashMap<>();
        source.forEach(block -> words.put(block, SharedWords.keys(block.text())));
        target.forEach(block -> words.put(block, SharedWords.keys(block.text())));
        return words;
    }

    private static Map<Integer, List<Segment>> bySection(List<Segment> segments) {
        Map<Integer, List<Segment>> sections = new TreeMap<>();
        for (Segment segment : segments) {
            if (segment.kind() != Segment.Kind.HEADING) {
                sections.computeIfAbsent(segment.section(), s -> new ArrayList<>()).add(segment);
            }
        }
        return sections;
    }

    /** Each block's words, and at [n + i] those of blocks i-1 and i together, computed once for the whole programme. */
    private static String[][] keys(List<Segment> segments, Map<Segment, String[]> words) {
        int n = segments.size();
        String[][] keys = new String[2 * n][];
        for (int i = 0; i < n; i++) {
            keys[i] = words.get(segments.get(i));
        }
        for (int i = 1; i < n; i++) {
            keys[n + i] = SharedWords.union(keys[i - 1], keys[i]);
        }
        return keys;
    }

    private static String[] words(String[][] keys, int from, int to) {
        return to - from == 1 ? keys[from] : keys[keys.length / 2 + to - 1];
    }

    private static boolean hasHeading(List<Segment> segments, int from, int to) {
        for (int i = from; i < to; i++) {
            if (segments.get(i).kind() == Segment.Kind.HEADING) {
                return true;
            }
        }
        return false;
    }

    /** At [i], the length of the first i blocks together. */
    private static int[] lengthsUpTo(List<Segment> segments) {
        int[] lengths = new int[segments.size() + 1];
        for (int i = 0; i < segments.size(); i++) {
            lengths[i + 1] = lengths[i] + segments.get(i).normalisedText().length();
        }
        return lengths;
    }

    /** -log of the probability that a source of this length gives a translation of that length. */
    private static double lengthCost(int sourceLength, int targetLength, double ratio) {
        if (sourceLength == 0 && targetLength == 0) {
            return 0;
        }
        double mean = (sourceLength + targetLength / ratio) / 2;
        double delta = (targetLength - sourceLength * ratio) / Math.sqrt(Math.max(1, mean) * VARIANCE);
        double p = 2 * (1 - normalCdf(Math.abs(delta)));
        return -Math.log(Math.max(p, 1e-12));
    }

    private static double normalCdf(double z) {
        // Abramowitz and Stegun 7.1.26, accurate to 1.5e-7: enough for ranking alignments.
        double t = 1 / (1 + 0.3275911 * z / Math.sqrt(2));
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-z * z / 2);
        return 0.5 * (1 + erf);
    }
}
