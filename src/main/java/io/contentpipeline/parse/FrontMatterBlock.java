package io.contentpipeline.parse;

import io.contentpipeline.article.Problem;
import io.contentpipeline.article.RejectedInputException;

/**
 * The front matter of a text, located but not yet parsed: the YAML between the opening
 * {@code ---} line and the closing {@code ---} (or {@code ...}) line, and the body after it.
 * {@code firstLine} is the file line of the YAML's first line.
 */
record FrontMatterBlock(String yaml, String body, int firstLine, int bodyLine) {

    static FrontMatterBlock locate(String text) {
        if (!text.startsWith("---\n") && !text.equals("---")) {
            String problem = text.startsWith("+++")
                    ? "TOML front matter (+++) is not supported; use YAML between --- lines"
                    : "no front matter: an article starts with a --- line, its YAML metadata, and another --- line";
            throw new RejectedInputException(Problem.error("no-front-matter", null, problem, 1));
        }
        int offset = 4;
        int line = 2;
        while (offset <= text.length()) {
            int end = text.indexOf('\n', offset);
            String current = end < 0 ? text.substring(offset) : text.substring(offset, end);
            if (isClosingLine(current)) {
                String yaml = text.substring(4, offset);
                String body = end < 0 ? "" : text.substring(end + 1);
                return new FrontMatterBlock(yaml, body, 2, line + 1);
            }
            if (end < 0) {
                break;
            }
            offset = end + 1;
            line++;
        }
        throw new RejectedInputException(Problem.error("unterminated-front-matter", null,
                "the front matter opened at line 1 is never closed by a --- line", 1));
    }

    private static boolean isClosingLine(String line) {
        String trimmed = line.stripTrailing();
        return trimmed.equals("---") || trimmed.equals("...");
    }
}
