package org.storelink.promotions.internal;

import java.time.Duration;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The scheduled reports to brands, and their publishing. Apart from the consuming routes, so that their
 * dead-letter handling does not apply: a report that fails to go out is sent by a later run.
 */
public final class ReportRoutes extends RouteBuilder {
    public static final String SCHEDULE_ROUTE_ID = "promotions.report";
    public static final String PUBLISH_ROUTE_ID = "promotions.report.publish";
    public static final String PUBLISH_INPUT = "direct:promotions.report.publish";
    /** The exchange property naming the brand partner a report goes to. */
    static final String BRAND_PROPERTY = "storelinkBrand";

    /** The first run waits this long after start, so that the sales consumer catches up with its queue first. */
    static final Duration FIRST_RUN_DELAY = Duration.ofMinutes(1);

    private final BrandReporter reporter;
    private final Duration period;
    private final String publishUri;

    /** @param publishUri a dynamic endpoint, {@link #publishUri()} in the platform */
    public ReportRoutes(BrandReporter reporter, Duration period, String publishUri) {
        this.reporter = reporter;
        this.period = period;
        this.publishUri = publishUri;
    }

    /** The brand's own anycast address; the report is persistent and carries its duplicate id. */
    static String publishUri() {
        return "jms:queue:partner.${exchangeProperty." + BRAND_PROPERTY + "}.out?transacted=false";
    }

    @Override
    public void configure() {
        from("timer:promotions.report?delay=" + FIRST_RUN_DELAY.toMillis() + "&period=" + period.toMillis())
                .routeId(SCHEDULE_ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(reporter.runDue()))
                .log(LoggingLevel.DEBUG, "promotion reports sent: ${body}");

        from(PUBLISH_INPUT).routeId(PUBLISH_ROUTE_ID)
                .toD(publishUri);
    }
}
