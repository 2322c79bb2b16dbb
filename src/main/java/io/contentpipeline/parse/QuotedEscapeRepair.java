package io.contentpipeline.parse;

import io.contentpipeline.article.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Repairs one common YAML flaw: {@code \'} inside a double-quoted string. Authors (and tools
 * that escape for JavaScript or PHP) write it for an apostrophe, but YAML 1.1/1.2 has no
 * such escape and strict parsers reject the whole file. The repair only touches
 * double-quoted scalars, follows YAML's quoting rules to find them, and reports every line
 * it changed as a warning so the author can fix the source.
 */
final class QuotedEscapeRepair {

    record Result(String yaml, List<Problem> warnings) {
    }

    private QuotedEscapeRepair() {
    }

    static Result repair(String yaml, int firstLine) {
        StringBuilder out = new StringBuilder(yaml.length());
        List<Problem> warnings = new ArrayList<>();
        Scanner scanner = new Scanner(yaml);
        int line = firstLine;
        int lastWarnedLine = -1;
        while (scanner.hasNext()) {
            boolean opensEscape = scanner.state == State.DOUBLE && !scanner.escaping && scanner.peek() == '\\';
            if (opensEscape && scanner.peekAt(1) == '\'') {
                scanner.skip(2);
                out.append('\'');
                if (line != lastWarnedLine) {
                    warnings.add(Problem.warning("yaml-escape-repaired", null,
                            "a backslash before an apostrophe (\\') is not a YAML escape inside a double-quoted string;"
                                    + " read as an apostrophe: write the apostrophe without the backslash", line));
                    lastWarnedLine = line;
                }
                continue;
            }
            char c = scanner.next();
            if (c == '\n') {
                line++;
            }
            out.append(c);
        }
        return new Result(out.toString(), warnings);
    }

    private enum State { PLAIN, DOUBLE, SINGLE, COMMENT }

    /** Walks the YAML text keeping track of whether it is inside a quoted scalar or a comment. */
    private static final class Scanner {
        private final String text;
        private int position;
        private State state = State.PLAIN;
        private char previousSignificant = '\n';
        private boolean escaping;

        Scanner(String text) {
            this.text = text;
        }

        boolean hasNext() {
            return position < text.length();
        }

        char peek() {
            return position < text.length() ? text.charAt(position) : '\0';
        }

        char peekAt(int ahead) {
            int at = position + ahead;
            return at < text.length() ? text.charAt(at) : '\0';
        }

        void skip(int count) {
            position += count;
            previousSignificant = 'x';
        }

        char next() {
            char c = text.charAt(position++);
            switch (state) {
                case PLAIN -> plain(c);
                case DOUBLE -> {
                    if (escaping) {
                        escaping = false;
                    } else if (c == '\\') {
                        escaping = true;
                    } else if (c == '"') {
                        state = State.PLAIN;
                    }
                }
                case SINGLE -> {
                    if (escaping) {
                        escaping = false;
                    } else if (c == '\'' && peek() == '\'') {
                        escaping = true;
                    } else if (c == '\'') {
                        state = State.PLAIN;
                    }
                }
                case COMMENT -> {
                    if (c == '\n') {
                        state = State.PLAIN;
                    }
                }
            }
            if (!Character.isWhitespace(c) || c == '\n') {
                previousSignificant = c;
            }
            return c;
        }

        private void plain(char c) {
            boolean startsScalar = "\n:-[{,?".indexOf(previousSignificant) >= 0;
            if (c == '"' && startsScalar) {
                state = State.DOUBLE;
            } else if (c == '\'' && startsScalar) {
                state = State.SINGLE;
            } else if (c == '#' && (position == 1 || Character.isWhitespace(text.charAt(position - 2)))) {
                state = State.COMMENT;
            }
        }
    }
}
