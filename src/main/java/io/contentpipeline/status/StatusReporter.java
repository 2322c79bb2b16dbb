package io.contentpipeline.status;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * The operator's status line: the state of each route an input enters by (intake, returns,
 * rejections, dead letters, timers) with its exchanges total, failed and in flight, then the
 * pipeline's counts. Logged by a timer route and at the end of --once.
 */
public final class StatusReporter {

    private static final Logger LOG = LoggerFactory.getLogger("pipeline.status");
    /** The group of the routes one stage of the article flow runs in (routes/*.camel.yaml). */
    private static final String STAGE_GROUP = "stage";

    private final CamelContext context;
    private final PipelineCounts counts;

    public StatusReporter(CamelContext context, PipelineCounts counts) {
        this.context = context;
        this.counts = counts;
    }

    public void report() {
        LOG.info("status routes=[{}] published={} translations={} rejected={}", routes(), counts.published(),
                counts.languages(Instant.now()), counts.rejected());
    }

    private String routes() {
        StringJoiner routes = new StringJoiner(", ");
        ManagedCamelContext managed = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        List<Route> sorted = new ArrayList<>(context.getRoutes());
        sorted.sort(Comparator.comparing(Route::getRouteId));
        for (Route route : sorted) {
            String state = context.getRouteController().getRouteStatus(route.getRouteId()).name();
            // A stage route counts a rejection passing through it as "failed"; its figures
            // repeat the intake route's, so it is shown only when it is not running.
            if (STAGE_GROUP.equals(route.getGroup()) && "Started".equals(state)) {
                continue;
            }
            ManagedRouteMBean mbean = managed == null ? null : managed.getManagedRoute(route.getRouteId());
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
