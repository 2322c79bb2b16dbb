package io.contentpipeline.pipeline;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test's hand inside the real routes: loaded by a pipeline started with
 * {@code camel.main.configuration-classes} naming this class ({@link #SETTING}), it runs the
 * action set for an endpoint on each exchange about to be sent there by a route's {@code to}
 * step, on the worker's thread, so that the action happens at a known stage of the work.
 */
public final class StageHook implements CamelConfiguration {

    /** The setting that loads this hook into a pipeline run. */
    static final Map<String, String> SETTING = Map.of("camel.main.configuration-classes", StageHook.class.getName());

    @FunctionalInterface
    interface Action {
        void run(Exchange exchange) throws Exception;
    }

    private static final Map<String, Action> ACTIONS = new ConcurrentHashMap<>();

    /** Runs {@code action} before each exchange sent to {@code uri} (direct:derive-metadata), until {@link #clear}. */
    static void before(String uri, Action action) {
        ACTIONS.put(uri, action);
    }

    static void clear() {
        ACTIONS.clear();
    }

    @Override
    public void configure(CamelContext context) {
        context.getCamelContextExtension().addInterceptStrategy((camel, definition, target, next) -> {
            if (!(definition instanceof ToDefinition to)) {
                return target;
            }
            String uri = to.getUri();
            return new DelegateAsyncProcessor(target) {
                @Override
                public boolean process(Exchange exchange, AsyncCallback callback) {
                    Action action = ACTIONS.get(uri);
                    if (action != null) {
                        try {
                            action.run(exchange);
                        } catch (Exception e) {
                            exchange.setException(e);
                            callback.done(true);
                            return true;
                        }
                    }
                    return super.process(exchange, callback);
                }
            };
        });
    }
}
