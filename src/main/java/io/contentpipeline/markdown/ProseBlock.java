package io.contentpipeline.markdown;

/** A block of readable text in an article: a paragraph, a heading, a list item, a table cell. */
public record ProseBlock(Kind kind, String text) {

    public enum Kind {
        PARAGRAPH, HEADING, LIST_ITEM, TABLE_CELL, QUOTE
    }

    /** Paragraphs and quoted paragraphs hold sentences; headings, list items and cells do not. */
    public boolean isRunningText() {
        return kind == Kind.PARAGRAPH || kind == Kind.QUOTE;
    }
}
