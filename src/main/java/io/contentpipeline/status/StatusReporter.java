package io.contentpipeline.status;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * The operator's status line: the state of each route an input enters by (intake, returns,
 * rejections, dead letters) with its exchanges total, failed and in flight, and of a timer
 * route only when it stopped or failed; the
 * progress of the work (files waiting in the inbox folders, inputs taken so far, the rate
 * since the last line and the time left at that rate); then the pipeline's counts. Logged
 * by a timer route ({@link #reportOnSchedule}), more often while there is work
 * ({@link #reportWhileBusy}), and at the end of --once ({@link #report}).
 * <p>
 * The two timers run on threads of their own, and tick at the same moments when their
 * intervals are equal or one is a multiple of the other: each wrote its line, two status lines
 * a few milliseconds apart. A tick now writes only when no line came in the last half of its
 * own interval, decided under this object's lock, so one moment gives one line; and a progress
 * interval no shorter than the status interval adds no line of its own, the status line
 * already coming that often.
 */
public final class StatusReporter {

    private static final Logger LOG = LoggerFactory.getLogger("pipeline.status");
    /** The group of the routes one stage of the article flow runs in (routes/*.camel.yaml). */
    private static final String STAGE_GROUP = "stage";
    /** The group of the routes that take files from the inbox folders. */
    private static final String INTAKE_GROUP = "intake";
    /** The group of the timer routes that keep the pipeline in order (status lines, digest, home lock). */
    private static final String HOUSEKEEPING_GROUP = "housekeeping";

    private final CamelContext context;
    private final PipelineCounts counts;
    private final IntSupplier inboxWaiting;
    private final IntSupplier waitingForSource;
    private final IntSupplier notTaken;
    private final IntSupplier retrying;
    private final Predicate<String> hasBundle;
    private final InputsAtWork atWork;
    private final Duration statusInterval;
    private final Duration progressInterval;
    private final Clock clock;
    private long takenBefore;
    private Instant before;

    /**
     * @param inboxWaiting     files the inbox consumers will take, -1 when unknown
     * @param waitingForSource returns held back until their source is published (pipeline.returns.source-wait)
     * @param notTaken         files left in the inbox folders that will not be taken (in a folder under inbox/, of
     *                         another kind), -1 when unknown
     * @param retrying         files still in the inbox folders that wait out a back-off after an I/O failure (not in inboxWaiting)
     * @param hasBundle        whether a slug's bundle is in outbox/published/ (one may be deleted by hand)
     * @param atWork           the inputs workers have in hand
     * @param statusInterval   pipeline.status-interval, the period of {@link #reportOnSchedule}'s timer
     * @param progressInterval pipeline.progress-interval, the period of {@link #reportWhileBusy}'s timer, and how long
     *                         an input is at work before the line names it
     */
    public StatusReporter(CamelContext context, PipelineCounts counts, IntSupplier inboxWaiting, IntSupplier waitingForSource,
                          IntSupplier notTaken, IntSupplier retrying, Predicate<String> hasBundle, InputsAtWork atWork,
                          Duration statusInterval, Duration progressInterval, Clock clock) {
        this.context = context;
        this.counts = counts;
        this.inboxWaiting = inboxWaiting;
        this.waitingForSource = waitingForSource;
        this.notTaken = notTaken;
        this.retrying = retrying;
        this.hasBundle = hasBundle;
        this.atWork = atWork;
        this.statusInterval = statusInterval;
        this.progressInterval = progressInterval;
        this.clock = clock;
        this.before = clock.instant();
    }

    /**
     * The regular status line, every pipeline.status-interval, busy or idle; skipped when a line
     * came less than half an interval ago (the progress timer's, at the same moment or just
     * before: while there is work, those lines stand for it).
     */
    public void reportOnSchedule() {
        TickGuard.run("status-report", () -> reportUnlessRecent(statusInterval, true));
    }

    /**
     * The status line while there is work, between the regular ones: when files wait in the
     * inbox folders or inputs were taken since the last line, so that an operator watching a
     * large import sees it advance every few seconds (taken, rate, eta) rather than once a
     * minute, and an idle service still logs once per pipeline.status-interval; also while an
     * input has been at work unusually long, to name it. Skipped when a line came less than half
     * an interval ago, and always when the progress interval is no shorter than the status
     * interval: the regular lines come that often already.
     */
    public void reportWhileBusy() {
        if (progressInterval.compareTo(statusInterval) >= 0) {
            return;
        }
        TickGuard.run("progress-report", () -> reportUnlessRecent(progressInterval, false));
    }

    /** The status line now, whatever came before: the end of a --once run. */
    public void report() {
        TickGuard.run("status-report", this::writeLine);
    }

    /** One line per moment: the check and the line under one lock, whichever timer comes first. */
    private synchronized void reportUnlessRecent(Duration interval, boolean idleToo) {
        Instant now = clock.instant();
        if (Duration.between(before, now).toMillis() < interval.toMillis() / 2) {
            return;
        }
        if (idleToo || inboxWaiting.getAsInt() > 0 || taken() > takenBefore || heldLong(now).isPresent()) {
            writeLine();
        }
    }

    private synchronized void writeLine() {
        Instant now = clock.instant();
        // "published" is the bundles in the home: not one deleted by hand since it was counted.
        counts.forgetGone(hasBundle);
        LOG.info("status routes=[{}] {} published={} translations={} rejected_since_start={}", routes(), progress(now), counts.published(),
                counts.languages(now), counts.rejected());
    }

    /**
     * "inbox=3012 taken=6988 rate=97.1/s eta=0m31s": how far a large import has come; with
     * "waiting_for_source=2" after inbox= when returns are held back for their source (they are
     * not in inbox=, which counts what will be taken), and "not_taken=3" when files are left
     * there that will never be taken (in a folder under inbox/, or of another kind: InboxScan
     * names each once), and "retrying=1" when files stay there because their outputs could not
     * be written (each attempt is a WARN line; "taken" counts attempts, so it grows with them);
     * and "at_work_longest={long-article.md 0m45s}" while an input has been at work longer than
     * a progress interval, with how long.
     */
    private String progress(Instant now) {
        int waiting = inboxWaiting.getAsInt();
        long taken = taken();
        StringBuilder progress = new StringBuilder("inbox=").append(waiting < 0 ? "?" : String.valueOf(waiting));
        int held = waitingForSource.getAsInt();
        if (held > 0) {
            progress.append(" waiting_for_source=").append(held);
        }
        int failing = retrying.getAsInt();
        if (failing > 0) {
            progress.append(" retrying=").append(failing);
        }
        int left = notTaken.getAsInt();
        if (left != 0) {
            progress.append(" not_taken=").append(left < 0 ? "?" : String.valueOf(left));
        }
        progress.append(" taken=").append(taken);
        double seconds = Duration.between(before, now).toMillis() / 1000.0;
        if (taken > takenBefore && seconds > 0) {
            double rate = (taken - takenBefore) / seconds;
            progress.append(String.format(Locale.ROOT, " rate=%.1f/s", rate));
            if (waiting > 0) {
                progress.append(" eta=").append(ShortDuration.of(Duration.ofSeconds(Math.round(waiting / rate))));
            }
        }
        heldLong(now).ifPresent(longest -> progress.append(" at_work_longest={").append(longest.file()).append(' ')
                .append(ShortDuration.of(Duration.between(longest.since(), now))).append('}'));
        takenBefore = taken;
        before = now;
        return progress.toString();
    }

    /** The input at work the longest, when that is longer than usual. */
    private Optional<InputsAtWork.AtWork> heldLong(Instant now) {
        return atWork.longest().filter(longest -> Duration.between(longest.since(), now).compareTo(progressInterval) >= 0);
    }

    /** Inputs the intake routes have taken and finished with so far, whatever became of them (Camel counts an exchange when it completes). */
    private long taken() {
        long taken = 0;
        for (Route route : context.getRoutes()) {
            ManagedRouteMBean mbean = INTAKE_GROUP.equals(route.getGroup()) ? managedRoute(route) : null;
            taken += mbean == null ? 0 : mbean.getExchangesTotal();
        }
        return taken;
    }

    /** The route's JMX statistics; null when JMX is off. */
    private ManagedRouteMBean managedRoute(Route route) {
        ManagedCamelContext managed = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        return managed == null ? null : managed.getManagedRoute(route.getRouteId());
    }

    private String routes() {
        StringJoiner routes = new StringJoiner(", ");
        List<Route> sorted = new ArrayList<>(context.getRoutes());
        sorted.sort(Comparator.comparing(Route::getRouteId));
        for (Route route : sorted) {
            String state = context.getRouteController().getRouteStatus(route.getRouteId()).name();
            // A stage route counts a rejection passing through it as "failed"; its figures
            // repeat the intake route's, so it is shown only when it is not running.
            if (STAGE_GROUP.equals(route.getGroup()) && "Started".equals(state)) {
                continue;
            }
            ManagedRouteMBean mbean = managedRoute(route);
            // A timer's ticks say nothing about the work: shown only when it stopped or failed.
            if (HOUSEKEEPING_GROUP.equals(route.getGroup()) && "Started".equals(state) && (mbean == null || mbean.getExchangesFailed() == 0)) {
                continue;
            }
            if (mbean == null) {
                routes.add(route.getRouteId() + " " + state);
            } else {
                routes.add(route.getRouteId() + " " + state + " " + mbean.getExchangesTotal() + "/"
                        + mbean.getExchangesFailed() + "/" + mbean.getExchangesInflight());
            }
        }
        return routes.toString();
    }
}
