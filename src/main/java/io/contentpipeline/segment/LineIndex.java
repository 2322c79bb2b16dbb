package io.contentpipeline.segment;

import java.util.Arrays;

/**
 * Line numbers of offsets in a text, found by binary search over the line starts. Flexmark's
 * own look-up scans the text from its start on every call, which made cutting a long article
 * into segments quadratic.
 */
public final class LineIndex {

    private final int[] lineStarts;

    public LineIndex(CharSequence text) {
        int[] starts = new int[16];
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // \n, \r\n and a lone \r each end a line, as flexmark counts them.
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, lines);
    }

    /** The line holding {@code offset}, counted from 0. */
    public int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found : -found - 2;
    }
}
