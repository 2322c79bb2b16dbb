package io.contentpipeline.translate;

import io.contentpipeline.segment.Bead;
import io.contentpipeline.segment.Segment;
import io.contentpipeline.segment.SegmentAligner;
import io.contentpipeline.segment.SegmentedArticle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an accepted translation teaches about its source: for every source segment, the
 * text that translates it. Front-matter fields pair by id, headings by position, body
 * blocks by the same alignment the return checks use; only one-to-one pairs are learnt,
 * so a translator's merged or split paragraphs are simply offered again.
 */
public final class TranslationMemory {

    private final Map<String, String> translations;

    private TranslationMemory(Map<String, String> translations) {
        this.translations = Map.copyOf(translations);
    }

    public static TranslationMemory empty() {
        return new TranslationMemory(Map.of());
    }

    public static TranslationMemory learn(SegmentedArticle source, SegmentedArticle translation) {
        Map<String, String> learnt = new HashMap<>();
        Map<String, Segment> translatedFields = new HashMap<>();
        translation.fields().forEach(field -> translatedFields.put(field.id(), field));
        for (Segment field : source.fields()) {
            Segment translated = translatedFields.get(field.id());
            if (translated != null && !translated.text().isBlank()) {
                learnt.put(key(field), translated.text());
            }
        }
        List<Bead> beads = new java.util.ArrayList<>(SegmentAligner.alignHeadings(source.body(), translation.body()));
        beads.addAll(SegmentAligner.alignBodies(source.body(), translation.body()));
        for (Bead bead : beads) {
            if (bead.isOneToOne() && bead.source().get(0).kind() == bead.target().get(0).kind()) {
                learnt.putIfAbsent(key(bead.source().get(0)), bead.target().get(0).text());
            }
        }
        return new TranslationMemory(learnt);
    }

    public Optional<String> translationOf(Segment source) {
        // Most drafts have nothing to reuse: no key to make (a folded copy of every segment's text, twice a draft).
        if (translations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(translations.get(key(source)));
    }

    public boolean isEmpty() {
        return translations.isEmpty();
    }

    /** Fields are known by id and text (a changed title is not the old title); blocks by kind and text. */
    private static String key(Segment segment) {
        return (segment.isField() ? segment.id() : segment.kind().name()) + '\u0000' + segment.normalisedText();
    }
}
