package io.contentpipeline.pipeline;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.contentpipeline.intake.MoveFailures;
import org.slf4j.LoggerFactory;

import java.util.List;

/** What MoveFailures logs while a test runs, down to DEBUG, where it counts a stuck file's retries. */
final class MoveFailureLog implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(MoveFailures.class);

    MoveFailureLog() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    /** Attempts after the first failed move of a file, as MoveFailures logs them (DEBUG). */
    long retries(String file) {
        return lines().stream().filter(e -> e.getFormattedMessage().startsWith("pipeline.move-failed again file=" + file + " ")).count();
    }

    /** A copy of the lines logged so far (the appender adds to its list under its own lock, from the workers). */
    List<ILoggingEvent> lines() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(null);
    }
}
