package io.contentpipeline.segment;

import java.util.List;

/**
 * One translatable unit of an article: a front-matter field ({@code fm.title},
 * {@code fm.ai_tags.2}, {@code fm.related_articles.0.anchor}) or a body block (heading,
 * paragraph, list item, table cell, quoted paragraph, raw HTML block). {@code text} is
 * the block's Markdown as written; {@code start}/{@code end} locate it in the body so that
 * a draft can be rebuilt with other text in its place. {@code section} counts the headings
 * before it, which is how a translation's blocks are matched to the source's.
 * {@code protectedSpans} are the pieces of its text that only the parse tells apart from
 * text and that must come back as written (a reference's {@code ][ref]}, a footnote
 * reference, an address: {@link io.contentpipeline.markdown.ProtectedInline}), in order.
 */
public record Segment(String id, Kind kind, String text, int line, int start, int end, int section, int level,
                      List<Span> protectedSpans) {

    /**
     * A piece of the text, [start, end) in it, and the token the review compares for it (null for
     * one that only goes with another, a reference link's opening bracket).
     */
    public record Span(int start, int end, String token) {
    }

    public Segment {
        protectedSpans = List.copyOf(protectedSpans);
    }

    /** A segment none of whose text only the parse can tell apart as protected: a field, or a block built by hand. */
    public Segment(String id, Kind kind, String text, int line, int start, int end, int section, int level) {
        this(id, kind, text, line, start, end, section, level, List.of());
    }

    public enum Kind {
        FIELD, HEADING, PARAGRAPH, LIST_ITEM, TABLE_CELL, QUOTE, HTML;

        public String prefix() {
            return switch (this) {
                case FIELD -> "fm";
                case HEADING -> "h";
                case PARAGRAPH -> "p";
                case LIST_ITEM -> "li";
                case TABLE_CELL -> "td";
                case QUOTE -> "q";
                case HTML -> "html";
            };
        }
    }

    /** The same segment, located at another line (of another file laid out from it). */
    public Segment atLine(int otherLine) {
        return new Segment(id, kind, text, otherLine, start, end, section, level, protectedSpans);
    }

    public boolean isField() {
        return kind == Kind.FIELD;
    }

    /**
     * A field's name as a message says it to a person, counting items from 1 as the metadata
     * rules do: {@code title}, {@code seo_keywords item 2}, {@code related_articles item 1's anchor}.
     * The id ({@code fm.seo_keywords.1}) counts from 0, which reads as the wrong item in a sentence.
     */
    public String fieldName() {
        String[] path = id.substring(Kind.FIELD.prefix().length() + 1).split("\\.");
        if (path.length == 1) {
            return path[0];
        }
        String item = path[0] + " item " + (Integer.parseInt(path[1]) + 1);
        return path.length == 2 ? item : item + "'s " + path[2];
    }

    /** Prose is what translators write sentences in; table cells and headings are labels. */
    public boolean isProse() {
        return kind == Kind.PARAGRAPH || kind == Kind.LIST_ITEM || kind == Kind.QUOTE || kind == Kind.HTML;
    }

    /**
     * The text with runs of white space folded, for comparing two versions of a block (and
     * digested into a block's id, {@code Segmenter}): stripped
     * ({@link String#strip}), then each run of the white space of a regular expression's
     * {@code \s} (space, tab, line feed, vertical tab, form feed, carriage return) made one space.
     * Folded by hand, not with a {@code \s+} pattern: segments are compared many times over when
     * a draft is composed or a return checked, and most texts have nothing to fold.
     */
    public String normalisedText() {
        return folded(text);
    }

    /** A text as {@link #normalisedText} folds it: stripped, each run of {@code \s} white space one space. */
    public static String folded(String text) {
        String stripped = text.strip();
        int length = stripped.length();
        int first = 0;
        while (first < length && !(isSpace(stripped.charAt(first))
                && (stripped.charAt(first) != ' ' || first + 1 < length && isSpace(stripped.charAt(first + 1))))) {
            first++;
        }
        if (first == length) {
            return stripped;
        }
        // The character before the first to change is none of them: no run is open.
        StringBuilder folded = new StringBuilder(length).append(stripped, 0, first);
        boolean inRun = false;
        for (int i = first; i < length; i++) {
            char c = stripped.charAt(i);
            if (!isSpace(c)) {
                folded.append(c);
                inRun = false;
            } else if (!inRun) {
                folded.append(' ');
                inRun = true;
            }
        }
        return folded.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
