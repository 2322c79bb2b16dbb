package io.contentpipeline.runtime;

import io.contentpipeline.files.HomeLayout;
import io.contentpipeline.files.HomeLock;
import io.contentpipeline.intake.MovedInputWatch;
import io.contentpipeline.intake.ReturnsFilter;
import io.contentpipeline.status.PipelineCounts;
import io.contentpipeline.status.StatusReporter;
import io.contentpipeline.status.TransientFailures;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the pipeline on Camel Main: as a service until SIGTERM or Ctrl-C (Camel stops the
 * routes gracefully, letting work in flight finish), or with --once until the inbox holds
 * nothing more to do.
 */
public final class PipelineRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);

    /** The exit code of a run refused for a bad setting, as for a bad option on the command line. */
    public static final int BAD_SETTING = 2;

    private final CommandLine commandLine;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private volatile int exitCode;
    private volatile Main main;

    public PipelineRunner(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    /** Settings that win over every other source; tests use it to point at their own folders. */
    public PipelineRunner with(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    /** Runs until stopped (service) or until idle (--once); returns the process exit code. */
    public int run() {
        Main main = new Main();
        this.main = main;
        // --home is handed over rather than set as pipeline.home: Camel reads -D settings and
        // environment variables before its own overrides, so PIPELINE_HOME in the environment
        // used to win over the command line without a word.
        main.configure().addConfiguration(new PipelineConfiguration(commandLine.home(), this::stopForLostHome));
        overrides.forEach(main::addOverrideProperty);
        if (commandLine.once()) {
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport support) {
                    Thread watcher = new Thread(() -> watchUntilIdle(main), "once-watcher");
                    watcher.setDaemon(true);
                    watcher.start();
                }
            });
        }
        try {
            main.run();
        } catch (Exception e) {
            SettingValues.BadSettings badSettings = causeOfType(e, SettingValues.BadSettings.class);
            if (badSettings != null) {
                // Checked before anything is written: one line naming each bad setting, no stack trace.
                badSettings.problems().forEach(bad -> LOG.error("pipeline.not-started: {}", bad.getMessage()));
                return BAD_SETTING;
            }
            HomeLock.HomeInUseException inUse = causeOfType(e, HomeLock.HomeInUseException.class);
            HomeLayout.NotWritableException notWritable = causeOfType(e, HomeLayout.NotWritableException.class);
            if (inUse != null) {
                // An operator's mistake, not a fault: one line, no stack trace.
                LOG.error("pipeline.not-started: {}", inUse.getMessage());
            } else if (notWritable != null) {
                // The same: a home the pipeline cannot write (another user's, a read-only mount).
                LOG.error("pipeline.not-started: {}", notWritable.getMessage());
            } else {
                LOG.error("pipeline.failed: {}", e.getMessage(), e);
            }
            return 1;
        }
        return exitCode;
    }

    private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Another pipeline took the home: this one stops gracefully, and its run exits 1 (HomeLockWatch). */
    private void stopForLostHome() {
        exitCode = 1;
        stop();
    }

    /** Asks a running pipeline to stop gracefully, as SIGTERM does. */
    public void stop() {
        Main running = main;
        if (running != null) {
            running.completed();
        }
    }

    /** The running pipeline's Camel context, once started; null before. */
    public CamelContext camelContext() {
        Main running = main;
        return running == null ? null : running.getCamelContext();
    }

    private void watchUntilIdle(Main main) {
        CamelContext context = main.getCamelContext();
        try {
            var props = context.getPropertiesComponent();
            TransientFailures failures = context.getRegistry().lookupByNameAndType("transientFailures", TransientFailures.class);
            PendingWork pending = context.getRegistry().lookupByNameAndType("pendingWork", PendingWork.class);
            MovedInputWatch movedInputs = context.getRegistry().lookupByNameAndType("movedInputWatch", MovedInputWatch.class);
            // Checked at start-up, which refuses an empty value: stripped, the default when unset.
            long pollDelay = new SettingValues(props).text("pipeline.poll-delay", "500").transform(Long::parseLong);
            int idleChecks = 0;
            while (idleChecks < 2) {
                Thread.sleep(Math.max(100, pollDelay / 2));
                // An input still being written when it was moved out goes back into the inbox: work again.
                boolean idle = context.getInflightRepository().size() == 0 && pending.count() == 0 && movedInputs.putBackChanged() == 0;
                idleChecks = idle ? idleChecks + 1 : 0;
            }
            context.getRegistry().lookupByNameAndType("statusReporter", StatusReporter.class).report();
            // Not a failure (the exit code stays 0), but the run did not finish these: say so, one line each.
            context.getRegistry().lookupByNameAndType("returnsFilter", ReturnsFilter.class).reportWaiting();
            if (failures.count() > 0) {
                LOG.error("pipeline.once-failed {} input(s) could not be processed and stay in the inbox", failures.count());
                exitCode = 1;
            }
            // A dead letter is the pipeline's failure, not the author's: the run says so in its exit code.
            long setAside = context.getRegistry().lookupByNameAndType("pipelineCounts", PipelineCounts.class).internalErrors();
            if (setAside > 0) {
                LOG.error("pipeline.once-failed {} input(s) were set aside in outbox/rejected/ by an error of the pipeline"
                        + " (internal-error; the log has its stack trace)", setAside);
                exitCode = 1;
            }
        } catch (Exception e) {
            LOG.error("pipeline.once-watcher failed: {}", e.getMessage(), e);
            exitCode = 1;
        } finally {
            main.completed();
        }
    }
}
