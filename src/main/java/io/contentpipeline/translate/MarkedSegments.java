package io.contentpipeline.translate;

import io.contentpipeline.article.Problem;
import io.contentpipeline.segment.LineIndex;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.SegmentedArticle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The segments a reusing draft marked for the translator: a return that still carries a
 * marker, or leaves a marked segment in the source text, is not finished, and the error
 * lists what is left.
 */
final class MarkedSegments {

    private MarkedSegments() {
    }

    /**
     * A marker on a line of its own is an HTML comment block, outside every segment: each is
     * named by its line and the block that follows it.
     */
    private static List<String> markersOnTheirOwn(SegmentedArticle translation, String returnedText) {
        List<String> found = new ArrayList<>();
        LineIndex lines = new LineIndex(returnedText);
        Matcher marker = DraftComposer.MARKER.matcher(returnedText);
        while (marker.find()) {
            int markerLine = lines.lineOf(marker.start()) + 1;
            String next = translation.body().stream().filter(segment -> segment.line() >= markerLine).findFirst()
                    .map(segment -> segment.id() + " (line " + segment.line() + ")").orElse("line " + markerLine);
            found.add("marker at line " + markerLine + " before " + next);
        }
        return found;
    }

    /**
     * @param toTranslate whether a source segment has anything to translate: one that has not (a
     *                    year in a table cell) comes back as it was, and is not left untranslated
     */
    static List<Problem> check(SegmentedArticle source, SegmentedArticle translation, String returnedText, List<String> needsWork,
                               Predicate<Segment> toTranslate) {
        List<Problem> problems = new ArrayList<>();
        List<String> markedLeft = new ArrayList<>(Stream.concat(translation.fields().stream(), translation.body().stream())
                .filter(segment -> segment.text().contains(DraftComposer.MARKER_START))
                .map(segment -> segment.id() + " (line " + segment.line() + ")")
                .toList());
        if (markedLeft.isEmpty()) {
            markedLeft.addAll(markersOnTheirOwn(translation, returnedText));
        }
        if (!markedLeft.isEmpty()) {
            problems.add(Problem.error("markers-left", null, "translation markers are still in the file, so these segments are "
                    + "not done: " + String.join(", ", markedLeft), null));
        }
        if (needsWork.isEmpty()) {
            return problems;
        }
        Map<String, Segment> sourceById = Stream.concat(source.fields().stream(), source.body().stream())
                .collect(Collectors.toMap(Segment::id, Function.identity(), (a, b) -> a));
        Set<String> returned = new HashSet<>();
        translation.fields().forEach(field -> returned.add(field.id() + '\u0000' + field.normalisedText()));
        translation.body().forEach(block -> returned.add(block.normalisedText()));
        List<String> untranslated = new ArrayList<>();
        for (String id : needsWork) {
            Segment marked = sourceById.get(id);
            if (marked != null && toTranslate.test(marked)
                    && returned.contains(marked.isField() ? id + '\u0000' + marked.normalisedText() : marked.normalisedText())) {
                untranslated.add(id + " (source line " + marked.line() + ")");
            }
        }
        if (!untranslated.isEmpty()) {
            problems.add(Problem.error("marked-untranslated", null, "segments marked for translation are still in the source "
                    + "language: " + String.join(", ", untranslated), null));
        }
        return problems;
    }
}
