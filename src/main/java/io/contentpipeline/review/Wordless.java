package io.contentpipeline.review;

import io.contentpipeline.segment.Bead;
import io.contentpipeline.segment.Segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Body blocks with no word to translate: an image alone on its line, a code span, a number,
 * a bare tag. Their length says nothing about a translation, and translators and editors
 * move them (an English page shows its screenshot at the end, the French one after the
 * paragraph it illustrates), so the length-based pairing leaves them out: one of them in a
 * different place would otherwise shift the pairing of the paragraphs around it and blame a
 * translated paragraph as missing. They are paired among themselves, in order, which is
 * enough to say where an image was dropped; whether images are all there is counted apart.
 * Headings are never left out: they delimit the sections that pairing follows.
 */
final class Wordless {

    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private Wordless() {
    }

    static boolean is(Segment block) {
        return block.kind() != Segment.Kind.HEADING && !LETTER.matcher(SegmentText.prose(block.text())).find();
    }

    /** The blocks with words, in order. */
    static List<Segment> without(List<Segment> blocks) {
        return blocks.stream().filter(block -> !is(block)).toList();
    }

    /** The n-th wordless block of the source with the n-th of the translation; the rest without counterpart. */
    static List<Bead> paired(List<Segment> source, List<Segment> translation) {
        List<Segment> from = source.stream().filter(Wordless::is).toList();
        List<Segment> to = translation.stream().filter(Wordless::is).toList();
        List<Bead> beads = new ArrayList<>();
        for (int i = 0; i < Math.max(from.size(), to.size()); i++) {
            beads.add(new Bead(i < from.size() ? List.of(from.get(i)) : List.of(), i < to.size() ? List.of(to.get(i)) : List.of()));
        }
        return beads;
    }
}
