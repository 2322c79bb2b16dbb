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
        BodyStructure s = structure;
        return new SegmentedArticle(relined(fields, known), relined(body, known), new BodyStructure(s.headingLevels(),
                s.lists().stream().map(list -> new BlockShape(list.size(), known.applyAsInt(list.line()))).toList(),
                s.tables().stream().map(table -> new BlockShape(table.size(), known.applyAsInt(table.line()))).toList(),
                s.links().stream().map(link -> new LinkOrImage(link.offset(), known.applyAsInt(link.line()))).toList(),
                s.images().stream().map(image -> new LinkOrImage(image.offset(), known.applyAsInt(image.line()))).toList(),
                s.codeBlocks().stream().map(code -> new CodeBlock(code.code(), known.applyAsInt(code.line()))).toList(),
                s.protectedTokens(), s.relativeLinks(), s.linkTargets(), s.htmlTags(), s.headingAnchors()));
    }

    private static List<Segment> relined(List<Segment> segments, IntUnaryOperator line) {
        return segments.stream().map(segment -> new Segment(segment.id(), segment.kind(), segment.text(), line.applyAsInt(segment.line()),
                segment.start(), segment.end(), segment.section(), segment.level(), segment.protectedSpans())).toList();
    }
}
