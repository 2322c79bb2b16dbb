package io.contentpipeline.status;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inputs the pipeline could not process because the outside world failed (outbox not
 * writable, disk full). They stay in the inbox and are tried again; a --once run reports
 * them and exits non-zero, since the pipeline itself failed.
 */
public final class IoFailures {

    private static final Logger LOG = LoggerFactory.getLogger(IoFailures.class);

    private final Set<Path> failed = ConcurrentHashMap.newKeySet();

    /** Route step of the error configuration: one WARN line, no stack trace. */
    public void record(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String file = exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
        if (file != null) {
            failed.add(Path.of(file).toAbsolutePath());
        }
        LOG.warn("pipeline.io-failure file={} error=\"{}\": the file stays in the inbox and is tried again",
                file == null ? "-" : Path.of(file).getFileName(), cause);
    }

    public boolean hasFailed(Path path) {
        return failed.contains(path.toAbsolutePath());
    }

    public int count() {
        return failed.size();
    }

    /** Once a file went through, it is no longer counted as failed. */
    public void succeeded(Path path) {
        failed.remove(path.toAbsolutePath());
    }
}
