package io.contentpipeline.segment;

import java.util.List;

/** An article cut into segments, with the structure its translations must keep. */
public record SegmentedArticle(List<Segment> fields, List<Segment> body, BodyStructure structure) {

    public SegmentedArticle {
        fields = List.copyOf(fields);
        body = List.copyOf(body);
    }
}
