package io.contentpipeline.segment;

import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * What a translation must keep of its source's body: headings in order, each list's number
 * of items and each item's nesting level, the shape of each table, links and images (where each starts), fenced code blocks, the protected
 * tokens (heading ids, anchors, inline code, shortcodes with their non-text attributes,
 * footnote references, the targets of reference links, addresses), relative link targets,
 * the target of every link and image in whatever form (inline, reference, autolink, address,
 * HTML), and the raw HTML tags. {@code headingAnchors} are the ids the
 * headings get, explicit or generated: an explicit id is kept when the translated heading
 * produces the same anchor by itself.
 */
public record BodyStructure(List<Integer> headingLevels, List<BlockShape> lists, List<ListItemLevel> listItemLevels, List<BlockShape> tables, List<LinkOrImage> links, List<LinkOrImage> images,
                            List<CodeBlock> codeBlocks, List<String> protectedTokens, List<String> relativeLinks,
                            List<String> linkTargets, List<String> htmlTags, List<String> headingAnchors) {

    /** The same structure with the line of each list, list item, table, link, image and code block given by {@code line}. */
    BodyStructure relined(IntUnaryOperator line) {
        return new BodyStructure(headingLevels,
                lists.stream().map(list -> new BlockShape(list.size(), line.applyAsInt(list.line()))).toList(),
                listItemLevels.stream().map(item -> new ListItemLevel(item.level(), item.start(), item.end(), line.applyAsInt(item.line()))).toList(),
                tables.stream().map(table -> new BlockShape(table.size(), line.applyAsInt(table.line()))).toList(),
                links.stream().map(link -> new LinkOrImage(link.offset(), line.applyAsInt(link.line()))).toList(),
                images.stream().map(image -> new LinkOrImage(image.offset(), line.applyAsInt(image.line()))).toList(),
                codeBlocks.stream().map(code -> new CodeBlock(code.code(), line.applyAsInt(code.line()))).toList(),
                protectedTokens, relativeLinks, linkTargets, htmlTags, headingAnchors);
    }

    /** List items in all lists, nested ones included. */
    public int listItems() {
        return lists.stream().mapToInt(list -> Integer.parseInt(list.size())).sum();
    }

    /** Each table's rows x columns, in order. */
    public List<String> tableShapes() {
        return tables.stream().map(BlockShape::size).toList();
    }
}
