package io.contentpipeline;

import io.contentpipeline.runtime.CommandLine;
import io.contentpipeline.runtime.PipelineRunner;

/** Command-line entry point: {@code java -jar content-pipeline.jar [--home DIR] [--once]}. */
public final class ContentPipeline {

    private ContentPipeline() {
    }

    public static void main(String[] args) {
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
