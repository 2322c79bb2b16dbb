package io.contentpipeline.segment;

import java.util.List;
import java.util.function.IntUnaryOperator;

/** An article cut into segments, with the structure its translations must keep. */
public record SegmentedArticle(List<Segment> fields, List<Segment> body, BodyStructure structure) {

    public SegmentedArticle {
        fields = List.copyOf(fields);
        body = List.copyOf(body);
    }

    /**
     * The same article with every line it names (its segments', its lists', tables', links',
     * images' and code blocks') given by {@code line} instead: the lines of another file laid
     * out from it, or 0 where none can be named. A line of 0 (a field whose line is not known)
     * stays 0.
     */
    public SegmentedArticle relined(IntUnaryOperator line) {
        IntUnaryOperator known = old -> old > 0 ? line.applyAsInt(old) : old;
        return new SegmentedArticle(relined(fields, known), relined(body, known), structure.relined(known));
    }

    private static List<Segment> relined(List<Segment> segments, IntUnaryOperator line) {
        return segments.stream().map(segment -> segment.atLine(line.applyAsInt(segment.line()))).toList();
    }
}
