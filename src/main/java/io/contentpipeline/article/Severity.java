package io.contentpipeline.article;

/** How much a problem matters: an error rejects the input, a warning travels with it. */
public enum Severity {
    ERROR, WARNING;

    /** Lower-case name, as written in errors.json and bundle.json. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Severity of(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
}
