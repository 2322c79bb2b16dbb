package io.contentpipeline.translate;

import io.contentpipeline.article.Problem;
import io.contentpipeline.segment.LineIndex;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.SegmentedArticle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The segments a reusing draft marked for the translator: a return that still carries a
 * marker, or leaves a marked segment in the source text, is not finished, and the errors
 * name what is left.
 * <p>
 * A marker starts its line ({@code <!-- translate: new -->Le texte…}), and a line that starts
 * with {@code <!--} opens an HTML block in CommonMark: read as it is, the marker swallows the
 * text after it, which is then in no segment at all (and was reported missing). So a return
 * is read with its markers taken out ({@link #strip}), and each marker left is named by the
 * segment it stands before, as the draft had it.
 */
final class MarkedSegments {

    private MarkedSegments() {
    }

    /** A marker left in a return's body: its line in the returned file, and its offset in the body without markers. */
    record Left(int line, int at) {
    }

    /**
     * A return's body with every marker taken out, each replaced by the line breaks it spanned
     * (so that every line keeps its number in the returned file), and where the markers were.
     * Without markers, {@code body} is the body as returned.
     */
    record Stripped(String body, List<Left> markers) {

        Stripped {
            markers = List.copyOf(markers);
        }
    }

    /** @param bodyLine the line of the returned file where the body starts */
    static Stripped strip(String body, int bodyLine) {
        Matcher marker = DraftComposer.MARKER.matcher(body);
        if (!marker.find()) {
            return new Stripped(body, List.of());
        }
        LineIndex lines = new LineIndex(body);
        StringBuilder without = new StringBuilder(body.length());
        List<Left> left = new ArrayList<>();
        int copied = 0;
        do {
            without.append(body, copied, marker.start());
            left.add(new Left(lines.lineOf(marker.start()) + bodyLine, without.length()));
            for (int i = marker.start(); i < marker.end(); i++) {
                char c = body.charAt(i);
                if (c == '\n' || c == '\r') {
                    without.append(c);
                }
            }
            copied = marker.end();
        } while (marker.find());
        without.append(body, copied, body.length());
        return new Stripped(without.toString(), left);
    }

    /**
     * @param source      the draft's language-neutral text, segmented: the ids a draft names segments by
     * @param translation the return, its body read without markers ({@link Stripped#body()})
     * @param returned    the return's body without markers, and where its markers were
     * @param needsWork   the segments the draft marked, as its translation: block lists them
     * @param toTranslate whether a source segment has anything to translate: one that has not (a
     *                    year in a table cell) comes back as it was, and is not left untranslated
     */
    static List<Problem> check(SegmentedArticle source, SegmentedArticle translation, Stripped returned, List<String> needsWork,
                               Predicate<Segment> toTranslate) {
        List<Problem> problems = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (Segment field : translation.fields()) {
            if (field.text().contains(DraftComposer.MARKER_START)) {
                named.add(field.id());
                problems.add(Problem.error("markers-left", field.id(), "the translation marker in this field is still there: delete it"
                        + " once the field is translated", field.line() > 0 ? field.line() : null));
            }
        }
        List<Segment> body = translation.body();
        List<String> markedBlocks = needsWork.stream().filter(id -> !id.startsWith("fm.")).toList();
        Map<String, Segment> sourceById = Stream.concat(source.fields().stream(), source.body().stream())
                .collect(Collectors.toMap(Segment::id, Function.identity(), (a, b) -> a));
        // Block n of the return stands for block n of the draft while both have the same blocks;
        // else, when every marker the draft had is still there, marker n is the draft's marker n;
        // else block n of a section stands for block n of the draft's section while both have the same blocks.
        boolean sameBlocks = body.stream().map(Segment::kind).toList().equals(source.body().stream().map(Segment::kind).toList());
        boolean everyMarker = returned.markers().size() == markedBlocks.size();
        List<Segment> inOrder = body.stream().sorted(Comparator.comparingInt(Segment::start)).toList();
        for (int n = 0; n < returned.markers().size(); n++) {
            Left marker = returned.markers().get(n);
            Segment before = inOrder.stream().filter(segment -> segment.end() > marker.at()).findFirst().orElse(null);
            Segment drafted = before != null && sameBlocks ? source.body().get(body.indexOf(before))
                    : everyMarker ? sourceById.get(markedBlocks.get(n)) : before == null ? null : inSameSection(before, body, source.body());
            if (drafted != null) {
                named.add(drafted.id());
            }
            problems.add(Problem.error("markers-left", drafted == null ? null : drafted.id(), leftMessage(marker, before, drafted),
                    marker.line()));
        }
        if (needsWork.isEmpty()) {
            return problems;
        }
        Map<String, Segment> returnedText = new HashMap<>();
        translation.fields().forEach(field -> returnedText.putIfAbsent(field.id() + '\u0000' + field.normalisedText(), field));
        body.forEach(block -> returnedText.putIfAbsent(block.normalisedText(), block));
        List<String> untranslated = new ArrayList<>();
        for (String id : needsWork) {
            Segment marked = sourceById.get(id);
            if (marked == null || named.contains(id) || !toTranslate.test(marked)) {
                continue;
            }
            Segment left = returnedText.get(marked.isField() ? id + '\u0000' + marked.normalisedText() : marked.normalisedText());
            if (left != null) {
                untranslated.add(id + (left.line() > 0 ? " (line " + left.line() + ")" : ""));
            }
        }
        if (!untranslated.isEmpty()) {
            problems.add(Problem.error("marked-untranslated", null, "segments marked for translation are still in the source "
                    + "language: " + String.join(", ", untranslated), null));
        }
        return problems;
    }

    /**
     * The draft's block that this block of the return stands for, when the return has as many
     * headings as the draft and this block's section has the same blocks as the draft's (a
     * paragraph deleted or split elsewhere leaves it so); else null.
     */
    private static Segment inSameSection(Segment block, List<Segment> returned, List<Segment> draft) {
        if (returned.stream().filter(segment -> segment.kind() == Segment.Kind.HEADING).count()
                != draft.stream().filter(segment -> segment.kind() == Segment.Kind.HEADING).count()) {
            return null;
        }
        List<Segment> mine = returned.stream().filter(segment -> segment.section() == block.section()).toList();
        List<Segment> theirs = draft.stream().filter(segment -> segment.section() == block.section()).toList();
        return mine.stream().map(Segment::kind).toList().equals(theirs.stream().map(Segment::kind).toList())
                ? theirs.get(mine.indexOf(block)) : null;
    }

    /**
     * What a left marker's problem says; its field names the draft's segment (or none when the
     * return's blocks no longer tell which), its line the marker's line. A marker moved onto a
     * line of its own also gives the line of the segment after it. Then what the segment's text
     * says: changed from the draft's (the translator only forgot the marker), or still the draft's.
     */
    private static String leftMessage(Left marker, Segment before, Segment drafted) {
        if (before == null) {
            return "the translation marker after the last segment is still there: delete it";
        }
        String segment = drafted != null ? "this segment" : "the " + noun(before.kind());
        String message = "the translation marker " + (marker.line() == before.line() ? "before " + segment
                : "at line " + marker.line() + ", before " + segment + " (line " + before.line() + "),") + " is still there";
        if (drafted == null) {
            return message + ": delete it once the " + noun(before.kind()) + " is translated";
        }
        return drafted.normalisedText().equals(before.normalisedText())
                ? message + ", and the segment is still the draft's text: translate it, then delete the marker"
                : message + "; the segment's text is no longer the draft's: once it is translated, delete the marker";
    }

    private static String noun(Segment.Kind kind) {
        return switch (kind) {
            case HEADING -> "heading";
            case PARAGRAPH -> "paragraph";
            case LIST_ITEM -> "list item";
            case TABLE_CELL -> "table cell";
            case QUOTE -> "quoted paragraph";
            case HTML -> "HTML block";
            case FIELD -> "field";
        };
    }
}
