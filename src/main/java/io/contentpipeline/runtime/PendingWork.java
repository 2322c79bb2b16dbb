package io.contentpipeline.runtime;

import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.intake.InboxFiles;
import io.contentpipeline.intake.InboxScan;
import io.contentpipeline.intake.ReturnsFilter;
import io.contentpipeline.status.TransientFailures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What the inbox still holds for the pipeline to do: the files the file consumers would
 * take, less those waiting for their source and those that failed in this run.
 */
final class PendingWork {

    private final HomeLayout layout;
    private final Pattern articles;
    private final Pattern returns;
    private final ReturnsFilter returnsFilter;
    private final TransientFailures failures;
    private final InboxScan scan;

    PendingWork(HomeLayout layout, String articlePattern, String returnPattern, ReturnsFilter returnsFilter, TransientFailures failures,
                InboxScan scan) {
        this.layout = layout;
        this.scan = scan;
        this.articles = Pattern.compile(articlePattern);
        this.returns = Pattern.compile(returnPattern);
        this.returnsFilter = returnsFilter;
        this.failures = failures;
    }

    /** For the status line, which must not fail: the count, or -1 when a folder cannot be read. */
    int countOrUnknown() {
        try {
            return count();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /** For the status line: the files left in the inbox folders that will not be taken, or -1 when a folder cannot be read. */
    int notTakenOrUnknown() {
        try {
            return scan.scan(true);
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    int count() throws IOException {
        // As before a poll: a name the consumers cannot read is renamed first, so that --once waits for it to be taken.
        scan.scan(false);
        int pending = count(layout.inbox(), articles, false);
        if (Files.isDirectory(layout.returnsInbox())) {
            pending += countReturns(layout.returnsInbox());
        }
        return pending;
    }

    /**
     * The returns consumer takes files at any depth under inbox/translations/ (one outside a
     * language folder, to reject it for its place), in the folders {@link ReturnsFilter#isFollowed} allows.
     */
    private int countReturns(Path folder) throws IOException {
        int pending = count(folder, returns, true);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(folder, Files::isDirectory)) {
            for (Path inner : folders) {
                if (returnsFilter.isFollowed(inner)) {
                    pending += countReturns(inner);
                }
            }
        }
        return pending;
    }

    private int count(Path folder, Pattern include, boolean isReturn) throws IOException {
        int pending = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                // A name the consumers cannot read is one InboxScan could not rename (a read-only folder): it said so, and it will not be taken.
                if (InboxFiles.NEVER_TAKEN.matcher(name).matches() || !InboxScan.isReadable(name) || !include.matcher(name).matches()
                        || failures.hasFailed(file)) {
                    continue;
                }
                if (isReturn && !returnsFilter.isReady(file)) {
                    continue;
                }
                pending++;
            }
        }
        return pending;
    }
}
