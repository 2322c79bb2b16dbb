package io.contentpipeline.translate;

import io.contentpipeline.segment.Bead;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.SegmentAligner;
import io.contentpipeline.segment.SegmentedArticle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds a draft for one target language from the source's segments and what earlier
 * translations taught: every segment whose source text is unchanged comes pre-filled with
 * its accepted translation; every new or changed one keeps the source text behind an
 * inline marker ({@code <!-- translate: changed; was: "…" -->}) that the translator removes
 * once done. A first draft, with nothing to reuse, carries no markers.
 */
public final class DraftComposer {

    public static final String MARKER_START = "<!-- translate:";
    public static final Pattern MARKER = Pattern.compile("<!--\\s*translate:.*?-->", Pattern.DOTALL);
    private static final int WAS_LENGTH = 200;
    /** Characters of unchanged text shown on each side of a change in a long block. */
    private static final int CONTEXT = 60;

    /** The draft's front matter fields and body, and which segments need a translator. */
    public record Composed(Map<String, Object> fields, String body, int segments, int reused, List<String> needsWork) {
    }

    /**
     * @param fields   the source's translatable fields, as they go into a draft
     * @param previous the source version the memory's translation was made for, or null
     */
    public Composed compose(Map<String, Object> fields, String body, SegmentedArticle source, TranslationMemory memory,
                            SegmentedArticle previous) {
        List<String> needsWork = new ArrayList<>();
        int reused = 0;
        Map<String, Object> draftFields = new LinkedHashMap<>(fields);
        for (Segment field : source.fields()) {
            var translation = memory.translationOf(field);
            if (translation.isPresent()) {
                FieldPaths.set(draftFields, field.id(), translation.get());
                reused++;
            } else {
                needsWork.add(field.id());
            }
        }
        Map<String, String> previousText = previous == null ? Map.of() : changedFrom(previous, source);
        Set<String> previousIds = previous == null ? Set.of()
                : previous.body().stream().map(Segment::id).collect(Collectors.toSet());
        StringBuilder draftBody = new StringBuilder(body.length() + 256);
        int copied = 0;
        List<Segment> blocks = new ArrayList<>(source.body());
        blocks.sort(Comparator.comparingInt(Segment::start));
        for (Segment block : blocks) {
            draftBody.append(body, copied, block.start());
            var translation = memory.translationOf(block);
            if (translation.isPresent()) {
                draftBody.append(translation.get());
                reused++;
            } else {
                if (!memory.isEmpty()) {
                    draftBody.append(marker(previousText.get(block.id()), block.normalisedText(), previousIds.contains(block.id())));
                }
                draftBody.append(block.text());
                needsWork.add(block.id());
            }
            copied = block.end();
        }
        draftBody.append(body.substring(copied));
        int segments = source.fields().size() + source.body().size();
        return new Composed(draftFields, draftBody.toString(), segments, reused, needsWork);
    }

    /** Current segment id → the text it had in the previous version, for blocks that changed in place. */
    private static Map<String, String> changedFrom(SegmentedArticle previous, SegmentedArticle current) {
        Map<String, String> changed = new HashMap<>();
        List<Bead> beads = new ArrayList<>();
        if (previous.structure().headingLevels().size() == current.structure().headingLevels().size()) {
            beads.addAll(SegmentAligner.alignHeadings(previous.body(), current.body()));
        }
        beads.addAll(SegmentAligner.alignBodies(previous.body(), current.body()));
        for (Bead bead : beads) {
            if (bead.isOneToOne() && !bead.source().get(0).normalisedText().equals(bead.target().get(0).normalisedText())) {
                changed.put(bead.target().get(0).id(), bead.source().get(0).normalisedText());
            }
        }
        return changed;
    }

    /**
     * @param was       the block's text in the previous version, when it changed in place
     * @param unchanged the block was in the previous version as it is: it only has no
     *                  translation to reuse (the translator merged or rewrote it), and is not new
     */
    private static String marker(String was, String now, boolean unchanged) {
        if (unchanged) {
            return MARKER_START + " unchanged, no earlier translation to reuse -->";
        }
        if (was == null) {
            return MARKER_START + " new -->";
        }
        // "--" cannot appear inside an HTML comment.
        return MARKER_START + " changed; was: \"" + excerptOfChange(was, now).replace("--", "- -") + "\" -->";
    }

    /**
     * The previous text whole when it is short; else the stretch of it that changed, with some
     * words around it, so that a change at the end of a long paragraph is not cut off.
     */
    static String excerptOfChange(String was, String now) {
        if (was.length() <= WAS_LENGTH) {
            return was;
        }
        int prefix = 0;
        while (prefix < was.length() && prefix < now.length() && was.charAt(prefix) == now.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < was.length() - prefix && suffix < now.length() - prefix
                && was.charAt(was.length() - 1 - suffix) == now.charAt(now.length() - 1 - suffix)) {
            suffix++;
        }
        int from = wordBoundaryBefore(was, Math.max(0, prefix - CONTEXT));
        int to = Math.min(was.length(), Math.max(was.length() - suffix + CONTEXT, from + CONTEXT));
        to = Math.min(to, from + WAS_LENGTH);
        return (from > 0 ? "…" : "") + was.substring(from, to) + (to < was.length() ? "…" : "");
    }

    private static int wordBoundaryBefore(String text, int index) {
        int space = text.lastIndexOf(' ', index);
        return index == 0 || space < 0 ? index : space + 1;
    }
}
