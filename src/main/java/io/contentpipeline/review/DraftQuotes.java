package io.contentpipeline.review;

import io.contentpipeline.markdown.MarkdownEngine;
import io.contentpipeline.markdown.PlainText;
import io.contentpipeline.segment.Segment;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How a problem quotes a source block to the translator: as the draft they were given shows it
 * at the line it names. A draft that reuses a translation shows the accepted translation in
 * place of an unchanged block, not the source's text, which the translator would look for in
 * vain there; the source's text follows, for whoever reads the report beside the source.
 */
public final class DraftQuotes {

    /** A draft that shows every block in the source's text: a first draft, or one whose layout is not known. */
    public static final DraftQuotes SOURCE = new DraftQuotes(Map.of());

    private final Map<String, String> prefilled;
    /** The text as the translator saw it: the Markdown itself, or for an XLIFF file its words alone. */
    private final UnaryOperator<String> shown;

    /** @param prefilled a source block's id → the text the draft shows in its place, for the blocks it pre-filled */
    public DraftQuotes(Map<String, String> prefilled) {
        this(prefilled, UnaryOperator.identity());
    }

    private DraftQuotes(Map<String, String> prefilled, UnaryOperator<String> shown) {
        this.prefilled = Map.copyOf(prefilled);
        this.shown = shown;
    }

    /**
     * For an XLIFF return: its translator saw each unit's words with the markup as codes, never
     * the Markdown, so a block is quoted by its words ({@code "In our 2016 consultations…"}, not
     * {@code "[In our 2016 consultations](https://…"}); the problem's segment id names the unit.
     */
    public static DraftQuotes asText(MarkdownEngine markdown) {
        return new DraftQuotes(Map.of(), text -> PlainText.of(markdown.parse(text)));
    }

    /** {@code "Missions of…" (draft line 36; source "Missions du…")}, or {@code "Missions du…" (draft line 36)}. */
    String at(Segment block) {
        String shown = prefilled.get(block.id());
        if (shown == null) {
            return quote(block.text()) + ReturnReview.draftLine(block.line());
        }
        String line = block.line() > 0 ? "draft line " + block.line() + "; " : "";
        return quote(shown) + " (" + line + "source " + quote(block.text()) + ")";
    }

    /** {@code "Missions of…" (source "Missions du…")}, or {@code "Missions du…"}: for a message that names the line itself. */
    String of(Segment block) {
        String shown = prefilled.get(block.id());
        return shown == null ? quote(block.text()) : quote(shown) + " (source " + quote(block.text()) + ")";
    }

    private String quote(String text) {
        return "\"" + ReturnReview.excerpt(shown.apply(text)) + "\"";
    }
}
