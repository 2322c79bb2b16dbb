package io.contentpipeline.text;

/** Words as Hugo counts them: runs of non-space characters. */
public final class WordCount {

    private WordCount() {
    }

    public static int of(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\u00A0';
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }
}
