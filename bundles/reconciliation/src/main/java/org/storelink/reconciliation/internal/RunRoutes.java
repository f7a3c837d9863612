package org.storelink.reconciliation.internal;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.storelink.messaging.Addresses;

/**
 * The scheduled reconciliation of recently closed days, and the publishing of discrepancies. Kept apart from the
 * consuming routes so that their dead-letter handling does not apply here: a failed publish stays unpublished in
 * the table and is sent by the next run.
 */
public final class RunRoutes extends RouteBuilder {
    public static final String SCHEDULE_ROUTE_ID = "reconciliation.schedule";
    public static final String PUBLISH_ROUTE_ID = "reconciliation.publish";
    public static final String PUBLISH_INPUT = "direct:reconciliation.publish";

    /** The first scheduled run waits this long after start, so the consumers catch up with their queues first. */
    static final Duration FIRST_RUN_DELAY = Duration.ofMinutes(1);

    private final Reconciler reconciler;
    private final Duration period;

    public RunRoutes(Reconciler reconciler, Duration period) {
        this.reconciler = reconciler;
        this.period = period;
    }

    /** Multicast address: every partner's and the audit queue get each discrepancy; Artemis drops repeated ids. */
    static String publishUri() {
        return "jms:topic:" + Addresses.RECONCILIATION_DISCREPANCY + "?deliveryPersistent=true&transacted=false";
    }

    @Override
    public void configure() {
        from("timer:reconciliation.schedule?delay=" + FIRST_RUN_DELAY.toMillis() + "&period=" + period.toMillis())
                .routeId(SCHEDULE_ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(reconciler.reconcileRecentlyClosed()))
                .log(org.apache.camel.LoggingLevel.DEBUG, "scheduled reconciliation ran ${body} store day(s)");

        from(PUBLISH_INPUT).routeId(PUBLISH_ROUTE_ID)
                .to(publishUri());
    }
}
