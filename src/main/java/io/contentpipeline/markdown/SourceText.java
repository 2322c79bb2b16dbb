package io.contentpipeline.markdown;

import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.List;

/**
 * Text as the Markdown parser hands it on (an HTML block inside a block quote without its
 * "> " prefixes), with where each character is in the source: edits are found in the first
 * and made in the second. Most text is one run of the source, and needs no table.
 *
 * @param offsets where each character is in the source, or null when the text starts at {@code base} and runs on
 */
record SourceText(String text, int base, int[] offsets) {

    static SourceText of(List<BasedSequence> pieces) {
        if (isOneRun(pieces)) {
            BasedSequence first = pieces.get(0);
            String text = pieces.size() == 1 ? first.toString()
                    : first.baseSubSequence(first.getStartOffset(), pieces.get(pieces.size() - 1).getEndOffset()).toString();
            return new SourceText(text, first.getStartOffset(), null);
        }
        StringBuilder text = new StringBuilder();
        int[] offsets = new int[pieces.stream().mapToInt(BasedSequence::length).sum()];
        for (BasedSequence piece : pieces) {
            for (int i = 0; i < piece.length(); i++) {
                int offset = piece.getIndexOffset(i);
                // A character the parser made up (a tab's spaces) stands where the one before it is.
                offsets[text.length()] = offset >= 0 ? offset : text.length() == 0 ? piece.getStartOffset() : offsets[text.length() - 1];
                text.append(piece.charAt(i));
            }
        }
        return new SourceText(text.toString(), 0, offsets);
    }

    /** Pieces that follow one another in the source, each a plain run of it. */
    private static boolean isOneRun(List<BasedSequence> pieces) {
        int expected = pieces.get(0).getStartOffset();
        for (BasedSequence piece : pieces) {
            if (piece.getStartOffset() != expected || piece.getEndOffset() - piece.getStartOffset() != piece.length()) {
                return false;
            }
            expected = piece.getEndOffset();
        }
        return true;
    }

    /** Where the character at {@code index} starts in the source (the end of the text, past the last). */
    int start(int index) {
        if (offsets == null) {
            return base + index;
        }
        return index < offsets.length ? offsets[index] : end(index);
    }

    /** Where the text up to {@code index} (exclusive) ends in the source. */
    int end(int index) {
        if (offsets == null) {
            return base + index;
        }
        return index == 0 ? offsets[0] : offsets[index - 1] + 1;
    }

    /** An edit of [from, to) of the text, as an edit of the source. */
    TextEdit edit(int from, int to, String replacement) {
        return new TextEdit(start(from), end(to), replacement);
    }
}
