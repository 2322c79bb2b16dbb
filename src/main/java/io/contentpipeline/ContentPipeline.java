package io.contentpipeline;

import io.contentpipeline.runtime.CommandLine;
import io.contentpipeline.runtime.FileNameEncoding;
import io.contentpipeline.runtime.PipelineRunner;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/** Command-line entry point: {@code java -jar content-pipeline.jar [--home DIR] [--once]}. */
public final class ContentPipeline {

    private ContentPipeline() {
    }

    public static void main(String[] args) {
        // Before the command line, whose --home would be read in the same wrong character set.
        Optional<String> unreadableNames = FileNameEncoding.problem();
        if (unreadableNames.isPresent() && !List.of(args).contains("--help") && !List.of(args).contains("-h")) {
            LoggerFactory.getLogger(PipelineRunner.class).error("pipeline.not-started: {}", unreadableNames.get());
            System.exit(PipelineRunner.BAD_SETTING);
            return;
        }
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("content-pipeline: " + e.getMessage());
            System.err.print(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (commandLine.help()) {
            System.out.print(CommandLine.USAGE);
            return;
        }
        int exitCode = new PipelineRunner(commandLine).run();
        System.exit(exitCode);
    }
}
