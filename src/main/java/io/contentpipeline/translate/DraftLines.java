package io.contentpipeline.translate;

import io.contentpipeline.review.DraftQuotes;
import io.contentpipeline.segment.LineIndex;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.SegmentedArticle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * Lines of the language-neutral draft a return is checked against (the archived
 * {@code outbox/sources/<slug>/v<N>.draft.md}) as lines of the draft its translator was given
 * ({@code outbox/translations/<LANG>/<slug>.md}): that one has more lines in its
 * {@code translation:} block, and a draft that reuses a translation has that translation's
 * blocks in place of the source's, which need not have as many lines. The errors of a return
 * name a source block by its line in the translator's draft; {@link #NONE} gives 0 for every
 * line, where no line of that draft can be named (it was replaced since, or the translator had
 * an XLIFF file), and the errors name the block otherwise. Where the draft given is known, so
 * is the text it shows at those lines ({@link #quotes}).
 */
final class DraftLines implements IntUnaryOperator {

    static final DraftLines NONE = new DraftLines(null, DraftQuotes.SOURCE);

    /** Neutral draft line where a stretch starts → {its last line, the line where it starts in the draft given, its last line there}. */
    private final NavigableMap<Integer, int[]> spans;
    private final DraftQuotes quotes;

    private DraftLines(NavigableMap<Integer, int[]> spans, DraftQuotes quotes) {
        this.spans = spans;
        this.quotes = quotes;
    }

    /** How the draft given shows the source's blocks: the reused translation where it pre-filled one. */
    DraftQuotes quotes() {
        return quotes;
    }

    @Override
    public int applyAsInt(int line) {
        if (spans == null) {
            return 0;
        }
        Map.Entry<Integer, int[]> span = spans.floorEntry(line);
        if (span == null) {
            return line;
        }
        int[] to = span.getValue();
        // Inside a block, line for line but not past its end; after it, as many lines further as in the neutral draft.
        return line <= to[0] ? Math.min(to[1] + line - span.getKey(), to[2]) : to[2] + line - to[0];
    }

    /**
     * A draft that reused nothing: the neutral draft's fields and body as they are, and its
     * {@code translation:} block longer by {@code extraLines}.
     *
     * @param bodyLine the neutral draft's first line after its front matter
     */
    static DraftLines shifted(int bodyLine, int extraLines) {
        NavigableMap<Integer, int[]> spans = new TreeMap<>();
        spans.put(bodyLine - 1, new int[]{bodyLine - 1, bodyLine - 1 + extraLines, bodyLine - 1 + extraLines});
        // A draft that reused nothing shows every block in the source's text.
        return new DraftLines(spans, DraftQuotes.SOURCE);
    }

    /**
     * The draft as it was given, segmented, its fields paired with the neutral draft's by id and
     * its blocks by rank; empty when its blocks are not of the same kinds in the same order.
     *
     * @param neutralBody the neutral draft's body, {@code bodyLine} its first line
     * @param givenBody   the body of the draft given (without its markers, so that each marked block is a block)
     */
    static Optional<DraftLines> paired(String neutralBody, int bodyLine, SegmentedArticle neutral,
                                       String givenBody, int givenBodyLine, SegmentedArticle given) {
        List<Segment> from = neutral.body();
        List<Segment> to = given.body();
        if (!from.stream().map(Segment::kind).toList().equals(to.stream().map(Segment::kind).toList())) {
            return Optional.empty();
        }
        NavigableMap<Integer, int[]> spans = new TreeMap<>();
        Map<String, Segment> givenFields = given.fields().stream().collect(Collectors.toMap(Segment::id, Function.identity(), (a, b) -> a));
        for (Segment field : neutral.fields()) {
            Segment match = givenFields.get(field.id());
            if (field.line() > 0 && match != null && match.line() > 0) {
                spans.put(field.line(), new int[]{field.line(), match.line(), match.line()});
            }
        }
        spans.put(bodyLine - 1, new int[]{bodyLine - 1, givenBodyLine - 1, givenBodyLine - 1});
        LineIndex neutralLines = new LineIndex(neutralBody);
        LineIndex givenLines = new LineIndex(givenBody);
        Map<String, String> prefilled = new HashMap<>();
        for (int i = 0; i < from.size(); i++) {
            Segment block = from.get(i);
            Segment match = to.get(i);
            spans.put(block.line(), new int[]{neutralLines.lineOf(block.end() - 1) + bodyLine, match.line(),
                    givenLines.lineOf(match.end() - 1) + givenBodyLine});
            // A marked block shows the source's text (its marker stripped); a reused one, its translation.
            if (!block.normalisedText().equals(match.normalisedText())) {
                prefilled.put(block.id(), match.text());
            }
        }
        return Optional.of(new DraftLines(spans, new DraftQuotes(prefilled)));
    }
}
