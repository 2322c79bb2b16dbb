package io.contentpipeline.segment;

import java.util.List;
import java.util.stream.Collectors;

/** Source segments and the translated segments that render them: 1-1, a split (1-2), a merge (2-1), or a gap. */
public record Bead(List<Segment> source, List<Segment> target) {

    public String sourceText() {
        return source.stream().map(Segment::text).collect(Collectors.joining("\n\n"));
    }

    public String targetText() {
        return target.stream().map(Segment::text).collect(Collectors.joining("\n\n"));
    }

    public boolean isOneToOne() {
        return source.size() == 1 && target.size() == 1;
    }
}
