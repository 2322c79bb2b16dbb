package io.contentpipeline.runtime;

import java.nio.file.Path;

/**
 * The command line: {@code [--home DIR] [--once] [--help]}.
 *
 * @param home the folder --home names, absolute; null when the command line gives none, and the
 *             {@code pipeline.home} setting (by default the current directory) decides
 */
public record CommandLine(Path home, boolean once, boolean help) {

    public static final String USAGE = """
            Usage: java -jar content-pipeline.jar [--home DIR] [--once]

              --home DIR   work in DIR (default: the pipeline.home setting, else the current
                           directory); DIR/inbox and DIR/outbox are created when missing, and
                           DIR too when the folder above it exists
              --once       process everything pending, then exit (0 unless the pipeline itself failed)
              --help       show this text

            Settings (application.properties; README.md, Settings, lists them) can be overridden
            with -Dkey=value before -jar or environment variables, for example
            java -Dpipeline.targets=EN,ES -jar content-pipeline.jar, or PIPELINE_TARGETS=EN,ES.
            A bad option or setting exits with code 2 before anything is written.
            """;

    public static CommandLine parse(String... args) {
        Path home = null;
        boolean once = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--once" -> once = true;
                case "--help", "-h" -> help = true;
                case "--home" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--home needs a folder");
                    }
                    home = home(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("--home=")) {
                        home = home(args[i].substring("--home=".length()));
                    } else if (args[i].startsWith("-D")) {
                        // After -jar, java hands a -D setting to the program, which has no such option.
                        throw new IllegalArgumentException("unknown option " + args[i] + ": a -D setting goes before -jar, as in java "
                                + args[i] + " -jar content-pipeline.jar");
                    } else {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                }
            }
        }
        return new CommandLine(home == null ? null : home.toAbsolutePath().normalize(), once, help);
    }

    /**
     * The folder --home names. Not an empty value, which was the current directory (a script's
     * --home "$CONTENT_HOME" with the variable unset ran the pipeline wherever it was started),
     * nor an option, which an unquoted empty variable leaves in its place (--home --once made a
     * folder named --once and ran as a service).
     */
    private static Path home(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("--home needs a folder, not an empty value (an unset variable?)");
        }
        if (value.startsWith("--")) {
            throw new IllegalArgumentException("--home needs a folder, not the option " + value
                    + " (an unset variable?); write ./" + value + " for a folder of that name");
        }
        return Path.of(value);
    }
}
