package org.storelink.delivery.internal;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;

/**
 * The outbox dispatcher's routes: a timer pass every {@code interval}, a pass asked for right after a new delivery
 * is stored, and the send to a fleet's {@code partner.<fleet>.out}.
 */
final class DispatchRoutes extends RouteBuilder {
    static final String TIMER_ROUTE_ID = "delivery.dispatch";
    static final String NOW_ROUTE_ID = "delivery.dispatch-now";
    static final String SEND_ROUTE_ID = "delivery.send";
    /** One pending ask is enough: a pass sends everything waiting. */
    static final String NOW = "seda:delivery.dispatch-now?size=1&discardWhenFull=true";
    static final String SEND = "direct:delivery.send";
    static final String ADDRESS_PROPERTY = "deliveryAddress";

    private final OutboxDispatcher dispatcher;
    private final Duration interval;

    DispatchRoutes(OutboxDispatcher dispatcher, Duration interval) {
        this.dispatcher = dispatcher;
        this.interval = interval;
    }

    @Override
    public void configure() {
        from("timer:delivery-dispatch?delay=" + interval.toMillis() + "&period=" + interval.toMillis())
                .routeId(TIMER_ROUTE_ID)
                .process(exchange -> dispatcher.dispatchPending());

        from(NOW).routeId(NOW_ROUTE_ID)
                .process(exchange -> dispatcher.dispatchPending());

        // persistent (camel-jms's default delivery mode) and synchronous: the send returns once the broker has it.
        // Not optimised: a real endpoint per fleet address rather than one endpoint redirected by a header.
        from(SEND).routeId(SEND_ROUTE_ID)
                .toD().uri("jms:queue:${exchangeProperty." + ADDRESS_PROPERTY + "}")
                .allowOptimisedComponents(false);
    }
}
