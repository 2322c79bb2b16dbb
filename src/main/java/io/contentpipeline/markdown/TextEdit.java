package io.contentpipeline.markdown;

import java.util.Comparator;
import java.util.List;

/** Replace [start, end) of a text with a replacement. */
record TextEdit(int start, int end, String replacement) {

    static TextEdit removal(int start, int end) {
        return new TextEdit(start, end, "");
    }

    /**
     * The text with its edits made. Where edits overlap, the one that starts first (the longest
     * of those) wins: a removed element takes the edits inside it with it. No edit, same string.
     */
    static String apply(String text, List<TextEdit> edits) {
        if (edits.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (TextEdit edit : edits.stream().sorted(Comparator.comparingInt(TextEdit::start)
                .thenComparing(Comparator.comparingInt(TextEdit::end).reversed())).toList()) {
            if (edit.start() >= copied) {
                out.append(text, copied, edit.start()).append(edit.replacement());
                copied = edit.end();
            }
        }
        return out.append(text, copied, text.length()).toString();
    }
}
