package io.contentpipeline.article;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by a stage when an input cannot go further. The routes' error configuration
 * turns it into a move to {@code outbox/rejected/} with an errors.json: a rejection is an
 * expected outcome, not a pipeline failure, so it carries no stack trace.
 */
public final class RejectedInputException extends RuntimeException {

    private final transient List<Problem> problems;
    private final String slug;
    private final String language;
    private final Integer version;

    public RejectedInputException(String slug, List<Problem> problems) {
        this(slug, null, problems);
    }

    /** @param version the source version a rejected translation was made for, when known */
    public RejectedInputException(String slug, Integer version, List<Problem> problems) {
        this(slug, null, version, problems);
    }

    /**
     * @param language the language a rejected translation is in, as its translation: block
     *                 gives it (target_lang), when it could be read
     * @param version  the source version a rejected translation was made for, when known
     */
    public RejectedInputException(String slug, String language, Integer version, List<Problem> problems) {
        super(summary(problems), null, false, false);
        this.slug = slug;
        this.language = language;
        this.version = version;
        this.problems = List.copyOf(problems);
    }

    public RejectedInputException(Problem problem) {
        this(null, List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The slug when the stage got far enough to know it, otherwise null. */
    public String slug() {
        return slug;
    }

    /** The language a rejected translation names in its translation: block, when it got far enough to read it, otherwise null. */
    public String language() {
        return language;
    }

    /** The source version a rejected translation names, when it got far enough to know it, otherwise null. */
    public Integer version() {
        return version;
    }

    private static String summary(List<Problem> problems) {
        return problems.stream().filter(Problem::isError).map(Problem::describe).collect(Collectors.joining("; "));
    }
}
