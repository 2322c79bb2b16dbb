package io.contentpipeline.article;

import java.util.Objects;

/**
 * One thing wrong with an input: what kind (a stable {@code code} tools can match on),
 * where (front-matter field and line in the file, when known) and a sentence for people.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Problem(Severity severity, String code, String field, String message, Integer line, Integer column) {

    /** The warning of an article whose language nobody said and the detector could not tell for sure. */
    public static final String LANGUAGE_ASSUMED = "language-assumed";

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String code, String field, String message, Integer line) {
        return new Problem(Severity.ERROR, code, field, message, line, null);
    }

    public static Problem warning(String code, String field, String message, Integer line) {
        return new Problem(Severity.WARNING, code, field, message, line, null);
    }

    /** Whether any of the problems (null: none) has this code. */
    public static boolean anyHas(java.util.List<Problem> problems, String code) {
        return problems != null && problems.stream().anyMatch(problem -> code.equals(problem.code()));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "field: message (line 17)" for a one-line log. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (field != null) {
            text.append(field).append(": ");
        }
        text.append(message);
        if (line != null) {
            text.append(" (line ").append(line);
            if (column != null) {
                text.append(", column ").append(column);
            }
            text.append(')');
        }
        return text.toString();
    }
}
