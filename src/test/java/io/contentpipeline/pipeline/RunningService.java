package io.contentpipeline.pipeline;

import io.contentpipeline.runtime.PipelineRunner;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * The pipeline running as a service on a test's home, in a thread of the test, from the
 * moment its Camel context has started until {@link #close}, which stops it as SIGTERM does
 * and waits for it to end; its exit code is known then.
 */
public final class RunningService implements AutoCloseable {

    private final PipelineRunner runner;
    private final Thread thread;
    private final AtomicInteger exit = new AtomicInteger(-1);

    RunningService(PipelineRunner runner) {
        this.runner = runner;
        this.thread = new Thread(() -> exit.set(runner.run()), "pipeline-service");
        thread.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.camelContext() != null && runner.camelContext().isStarted()
                || !thread.isAlive());
    }

    public PipelineRunner runner() {
        return runner;
    }

    /** Whether the pipeline still runs (it may stop by itself, as when it loses its home lock). */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /** Waits up to {@code timeout} for the pipeline to stop by itself, without asking it to. */
    public void awaitEnd(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
    }

    /** The pipeline's exit code, -1 while it runs. */
    public int exitCode() {
        return exit.get();
    }

    @Override
    public void close() throws InterruptedException {
        runner.stop();
        thread.join(Duration.ofSeconds(60).toMillis());
    }
}
