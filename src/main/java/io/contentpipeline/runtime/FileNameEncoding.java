package io.contentpipeline.runtime;

import java.util.Locale;
import java.util.Optional;

/**
 * The character set this JVM reads and writes file names in ({@code sun.jnu.encoding}), which
 * Java takes from the locale it is started in and which no setting changes afterwards. Started
 * without a UTF-8 locale (LANG and LC_ALL unset, as in many containers and bare systemd units,
 * or C or POSIX), Java 17 reads names as ASCII: every accented name in the inbox looked to the
 * pipeline like bytes that are not UTF-8, was renamed with {@code _} in place of each byte
 * ({@code mon article é.md} became {@code mon article __.md}, and its slug {@code mon-article}
 * instead of {@code mon-article-e}), and an accented --home stopped the start with a mangled
 * path and the usage, as if the option were wrong. The pipeline refuses to start instead.
 */
public final class FileNameEncoding {

    private FileNameEncoding() {
    }

    /** Why this JVM cannot run the pipeline, when its file names are not read as UTF-8. */
    public static Optional<String> problem() {
        return problem(System.getProperty("sun.jnu.encoding"));
    }

    /** The same for a given {@code sun.jnu.encoding}; none given (another JVM) is taken as fine. */
    static Optional<String> problem(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return Optional.empty();
        }
        String name = encoding.replace("-", "").replace("_", "").toUpperCase(Locale.ROOT);
        if (name.equals("UTF8")) {
            return Optional.empty();
        }
        return Optional.of("Java reads file names here as " + encoding + ", the character set of the locale it was started in"
                + " (LANG, LC_ALL and LC_CTYPE unset, or C or POSIX), not as UTF-8: a file named with an accent (é) could not be"
                + " read, would be renamed with _ in its place and published under another slug, and a home with one could not be"
                + " found; start the pipeline in a UTF-8 locale, as in LC_ALL=C.UTF-8 java -jar content-pipeline.jar"
                + " (Environment=LC_ALL=C.UTF-8 in a systemd unit)");
    }
}
