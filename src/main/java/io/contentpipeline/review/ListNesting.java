package io.contentpipeline.review;

import io.contentpipeline.article.Problem;
import io.contentpipeline.article.Severity;
import io.contentpipeline.segment.ListItemLevel;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.SegmentedArticle;

import java.util.List;
import java.util.Optional;

/**
 * Where a translation first nests a list item otherwise than its source: a sub-item moved to
 * the top level, or an item indented under the one before it. Either keeps the number of
 * items, which is all {@code structure-list-items} counts, but changes what the list says
 * (a step becomes a detail of another), so it is an error as the structure rule has it.
 * Items are compared in reading order; when their numbers differ, the count's error already
 * names the list, and this one would only add noise.
 */
final class ListNesting {

    static final String CODE = "structure-list-levels";

    private ListNesting() {
    }

    static Optional<Problem> first(SegmentedArticle source, SegmentedArticle translation, DraftQuotes quotes) {
        List<ListItemLevel> expected = source.structure().listItemLevels();
        List<ListItemLevel> actual = translation.structure().listItemLevels();
        if (expected.size() != actual.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < expected.size(); i++) {
            ListItemLevel from = expected.get(i);
            ListItemLevel to = actual.get(i);
            if (from.level() == to.level()) {
                continue;
            }
            Optional<Segment> text = textOf(from, expected, source.body());
            String item = text.isPresent()
                    ? "the item " + quotes.at(text.get())
                    : ReturnReview.the("list item", i, from.line());
            return Optional.of(ReturnReview.problem(Severity.ERROR, CODE, text.map(Segment::id).orElse(null),
                    "list nesting differs from the source; first: " + item + " is at level " + from.level()
                            + " in the source, level " + to.level() + " in the translation", to.line() > 0 ? to.line() : null));
        }
        return Optional.empty();
    }

    /**
     * The item's first block of text: the first list-item segment this item is the innermost
     * item around (none for an empty item, or one that only holds a sub-list, whose text is
     * its sub-items').
     */
    private static Optional<Segment> textOf(ListItemLevel item, List<ListItemLevel> items, List<Segment> body) {
        return body.stream()
                .filter(segment -> segment.kind() == Segment.Kind.LIST_ITEM && holds(item, segment))
                .filter(segment -> items.stream().noneMatch(inner -> inner.level() > item.level() && holds(inner, segment)))
                .findFirst();
    }

    private static boolean holds(ListItemLevel item, Segment segment) {
        return segment.start() >= item.start() && segment.start() < item.end();
    }
}
