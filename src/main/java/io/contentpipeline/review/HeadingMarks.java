package io.contentpipeline.review;

import io.contentpipeline.segment.Bead;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.SegmentAligner;
import io.contentpipeline.segment.SegmentedArticle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Headings that are text on one side only: the translated heading is there, on a line of
 * its own, where the source's heading is, but as a plain paragraph (its {@code #} marks lost
 * on the way, as a word processor or a CMS loses them), or the reverse, a translator's
 * heading where the source has a one-line paragraph. Four of the corpus' real translations
 * do one or the other. The words are there and nothing is missing, so instead of rejecting
 * the file the pipeline publishes the line as the source has it, heading or paragraph, and
 * says so in a warning: the languages of a bundle keep the same outline.
 * <p>
 * A line counts only when the whole-body pairing matches it one to one with a heading on the
 * other side, it reads as a heading (one line, not ending in a full stop), its length fits a
 * translation of the heading (the review's length-ratio bounds), and the pairing next to it
 * has no block to make up for (see {@link #isSettled}); and only when such lines account for
 * every heading without counterpart. A heading deleted with its text, or a section missing,
 * stays a {@code structure-headings} error.
 * <p>
 * The same number of headings is not the same headings: a translation that drops one heading
 * and makes a heading of a paragraph elsewhere has as many as its source. So the outlines are
 * compared on the whole-body pairing whatever the numbers ({@link Outline}).
 */
public final class HeadingMarks {

    /** A heading of one side and the one-line paragraph of the other that renders it. */
    public record Mismatch(Segment source, Segment translation) {

        /** Whether the source has the heading, so that the translation's paragraph becomes one. */
        public boolean restoresHeading() {
            return source.kind() == Segment.Kind.HEADING;
        }

        Segment heading() {
            return restoresHeading() ? source : translation;
        }

        Segment paragraph() {
            return restoresHeading() ? translation : source;
        }
    }

    /**
     * How the headings of a translation stand to the source's: whether the whole-body pairing
     * matches every heading one to one with a heading on the other side, and the lines that
     * are a heading on one side only (none unless they account for every heading without counterpart);
     * with that pairing, which the review reuses when the outlines differ (empty when none was made).
     */
    public record Outline(boolean corresponds, List<Mismatch> mismatches, List<Bead> pairing) {

        /** An XLIFF return, rebuilt on the draft's own headings; or two bodies without a heading. */
        public static final Outline SAME = new Outline(true, List.of(), List.of());

        public Outline {
            mismatches = List.copyOf(mismatches);
            pairing = List.copyOf(pairing);
        }
    }

    private static final Pattern WRAPPED_IN_BOLD = Pattern.compile("^(\\*\\*|__)(.+)\\1$");

    private HeadingMarks() {
    }

    /**
     * The mismatches, or none when the headings correspond already or when mismatches do not
     * account for every heading without counterpart.
     */
    public static List<Mismatch> find(SegmentedArticle source, SegmentedArticle translation) {
        return compare(source, translation).mismatches();
    }

    /** The outlines of a source and its translation compared on the whole-body pairing. */
    public static Outline compare(SegmentedArticle source, SegmentedArticle translation) {
        if (count(source.body()) == 0 && count(translation.body()) == 0) {
            return Outline.SAME;
        }
        List<Mismatch> found = new ArrayList<>();
        boolean explained = true;
        List<Bead> beads = SegmentAligner.alignWhole(Wordless.without(source.body()), Wordless.without(translation.body()));
        for (int i = 0; i < beads.size(); i++) {
            Bead bead = beads.get(i);
            int headings = count(bead.source()) + count(bead.target());
            if (headings == 0 || (bead.isOneToOne() && headings == 2)) {
                continue;
            }
            Mismatch mismatch = bead.isOneToOne() ? new Mismatch(bead.source().get(0), bead.target().get(0)) : null;
            if (mismatch == null || !readsAsHeading(mismatch.paragraph()) || !fitsLength(mismatch)
                    || !isSettled(beads, i - 1, mismatch) || !isSettled(beads, i + 1, mismatch)) {
                explained = false;
            } else {
                found.add(mismatch);
            }
        }
        boolean corresponds = explained && found.isEmpty();
        return new Outline(corresponds, explained ? found : List.of(), beads);
    }

    /** The translation's body with each mismatched line written as the source has it. */
    public static String apply(String body, List<Mismatch> mismatches) {
        StringBuilder text = new StringBuilder(body);
        // From the end, so that the offsets before each edit stay valid.
        List<Mismatch> fromTheEnd = mismatches.stream()
                .sorted(Comparator.comparingInt((Mismatch m) -> m.translation().start()).reversed()).toList();
        for (Mismatch mismatch : fromTheEnd) {
            Segment line = mismatch.translation();
            String words = unwrapped(body.substring(line.start(), line.end()));
            if (mismatch.restoresHeading()) {
                text.replace(line.start(), line.end(), "#".repeat(mismatch.source().level()) + " " + words);
            } else {
                // The heading's segment starts after its marks; the line is rewritten whole, an explicit id with it.
                int lineStart = body.lastIndexOf('\n', line.start() - 1) + 1;
                int lineEnd = body.indexOf('\n', line.start());
                text.replace(lineStart, lineEnd < 0 ? body.length() : lineEnd, words);
            }
        }
        return text.toString();
    }

    private static int count(List<Segment> blocks) {
        return (int) blocks.stream().filter(segment -> segment.kind() == Segment.Kind.HEADING).count();
    }

    /** One line of a paragraph, not ending as a sentence does (a heading ends in a question mark, a colon or nothing). */
    private static boolean readsAsHeading(Segment block) {
        String text = unwrapped(block.text());
        return block.kind() == Segment.Kind.PARAGRAPH && text.indexOf('\n') < 0 && !text.endsWith(".");
    }

    private static String unwrapped(String text) {
        return WRAPPED_IN_BOLD.matcher(text.strip()).replaceFirst("$2").strip();
    }

    /** The review's length-ratio bounds (Okapi CheckMate's defaults), on the words alone. */
    private static boolean fitsLength(Mismatch mismatch) {
        int sourceLength = SegmentText.prose(unwrapped(mismatch.source().text())).strip().length();
        int targetLength = SegmentText.prose(unwrapped(mismatch.translation().text())).strip().length();
        if (sourceLength == 0) {
            return false;
        }
        double ratio = (double) targetLength / sourceLength;
        return sourceLength <= ReturnReview.SHORT_SOURCE
                ? ratio >= ReturnReview.SHORT_LOW && ratio <= ReturnReview.SHORT_HIGH
                : ratio >= ReturnReview.LOW && ratio <= ReturnReview.HIGH;
    }

    /**
     * Whether the pairing next to a mismatch gives every block of the heading's side a
     * counterpart of its own (or the body ends there). When a heading was deleted, and the
     * pairing takes the paragraph before or after it for the heading, it has to make up for
     * that paragraph next to it: by pairing two blocks of the heading's side with one of the
     * other, or by leaving one without counterpart. One of its blocks split in two on the
     * other side is no sign of that: translators split paragraphs.
     */
    private static boolean isSettled(List<Bead> beads, int index, Mismatch mismatch) {
        if (index < 0 || index >= beads.size()) {
            return true;
        }
        Bead bead = beads.get(index);
        List<Segment> paragraphSide = mismatch.restoresHeading() ? bead.target() : bead.source();
        List<Segment> headingSide = mismatch.restoresHeading() ? bead.source() : bead.target();
        return headingSide.size() <= 1 && paragraphSide.size() >= headingSide.size();
    }
}
