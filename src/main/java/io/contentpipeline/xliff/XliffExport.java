package io.contentpipeline.xliff;

import io.contentpipeline.segment.Segment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A draft as an XLIFF file for translation tools, in one version of the standard. */
public interface XliffExport {

    /**
     * @param block        the draft's translation block (source, languages, version, digest)
     * @param segments     the source segments, fields first
     * @param translations segment id → pre-filled translation, for reused segments
     */
    String write(Map<String, Object> block, List<Segment> segments, Function<Segment, Optional<String>> translations);

    /** The writer for a {@code pipeline.xliff.version} setting: 2.1 (the default) or 1.2. */
    static XliffExport forVersion(String version) {
        return switch (version) {
            case "2.1" -> new XliffWriter();
            case "1.2" -> new Xliff12Writer();
            default -> throw new IllegalArgumentException("pipeline.xliff.version is 2.1 or 1.2, not " + version);
        };
    }
}
