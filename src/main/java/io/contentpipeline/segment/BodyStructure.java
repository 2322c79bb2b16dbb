package io.contentpipeline.segment;

import java.util.List;

/**
 * What a translation must keep of its source's body: headings in order, number of list
 * items, the shape of each table, links and images, fenced code blocks, the protected
 * tokens (heading ids, anchors, inline code, shortcodes with their non-text attributes),
 * relative link targets, and the raw HTML tags. {@code headingAnchors} are the ids the
 * headings get, explicit or generated: an explicit id is kept when the translated heading
 * produces the same anchor by itself.
 */
public record BodyStructure(List<Integer> headingLevels, int listItems, List<String> tableShapes, int links, int images,
                            List<CodeBlock> codeBlocks, List<String> protectedTokens, List<String> relativeLinks,
                            List<String> htmlTags, List<String> headingAnchors) {
}
