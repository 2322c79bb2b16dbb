package io.contentpipeline.review;

import io.contentpipeline.segment.Bead;
import io.contentpipeline.segment.LinkOrImage;
import io.contentpipeline.segment.Segment;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Where a translation first has more or fewer links (or images) than its source: the first
 * pair of blocks, in the order of the source, that hold different numbers of them. Compared
 * block by block through the pairing, not one by one: translators localise image and link
 * URLs, and the n-th image of the translation need not be the n-th of the source, so neither
 * tells which one went missing; the pairing of the blocks does not depend on them.
 */
final class BlockCounts {

    /**
     * The words for the problem's message; the source block's segment id (null for a block only
     * the translation has), which an XLIFF return turns into its unit's line; and the line of
     * the translation's block (null when it has none). The message gives lines of the draft only
     * (when they are known): the translator of an XLIFF file never sees the Markdown the
     * translation's lines count in.
     */
    record Difference(String where, String segment, Integer line) {
    }

    private BlockCounts() {
    }

    /**
     * @param noun   "image" or "link"
     * @param quotes how to quote a source block whose draft line is not known (an XLIFF return's)
     */
    static Optional<Difference> first(List<Bead> beads, List<LinkOrImage> source, List<LinkOrImage> translation, String noun,
                                      DraftQuotes quotes) {
        for (Bead bead : inSourceOrder(beads)) {
            List<Integer> expected = linesIn(bead.source(), source);
            List<Integer> found = linesIn(bead.target(), translation);
            if (expected.size() == found.size()) {
                continue;
            }
            if (bead.source().isEmpty()) {
                return Optional.of(new Difference("a block the translation adds, with no counterpart in the source, has "
                        + count(found.size(), noun), null, bead.target().get(0).line()));
            }
            Segment block = bead.source().get(0);
            String where = (block.line() > 0 ? "the block at draft line " + block.line() : "the block " + quotes.of(block))
                    + " has " + count(expected.size(), noun) + lines(expected);
            return Optional.of(bead.target().isEmpty()
                    ? new Difference(where + " and no translation", block.id(), null)
                    : new Difference(where + ", its translation has " + count(found.size(), noun), block.id(), bead.target().get(0).line()));
        }
        return Optional.empty();
    }

    /**
     * The beads in the order of the source's blocks: headings are paired before the blocks
     * between them. A bead with no source block stays after the one before it.
     */
    private static List<Bead> inSourceOrder(List<Bead> beads) {
        int[] keys = new int[beads.size()];
        int last = -1;
        for (int i = 0; i < beads.size(); i++) {
            List<Segment> source = beads.get(i).source();
            last = source.isEmpty() ? last : source.get(0).start();
            keys[i] = last;
        }
        return IntStream.range(0, beads.size()).boxed().sorted(Comparator.comparingInt(i -> keys[i])).map(beads::get).toList();
    }

    /** The lines of the elements that start inside these blocks. */
    private static List<Integer> linesIn(List<Segment> blocks, List<LinkOrImage> elements) {
        return elements.stream()
                .filter(element -> blocks.stream().anyMatch(block -> element.offset() >= block.start() && element.offset() < block.end()))
                .map(LinkOrImage::line).toList();
    }

    /** "2 images", "1 link", "no image". */
    private static String count(int count, String noun) {
        return count == 0 ? "no " + noun : count + " " + noun + (count == 1 ? "" : "s");
    }

    /** " (lines 9, 12)", " (line 4)", or nothing for none. */
    private static String lines(List<Integer> lines) {
        List<Integer> distinct = lines.stream().filter(line -> line > 0).distinct().toList();
        return distinct.isEmpty() ? "" : " (line" + (distinct.size() == 1 ? " " : "s ")
                + distinct.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }
}
