package org.storelink.delivery.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.partners.Partner;
import org.storelink.partners.PartnerKind;
import org.storelink.partners.PartnerListener;

/**
 * Hears of partners (whiteboard {@link PartnerListener}) and keeps one status route per fleet partner in the
 * running context: added when a fleet is announced, including those that existed before, and removed with it.
 * Listener calls come on the registry's thread, so the routes are started and stopped on {@code executor}.
 */
final class FleetRoutes implements PartnerListener {
    private static final Logger LOG = LoggerFactory.getLogger(FleetRoutes.class);

    private final CamelContext camel;
    private final Function<String, RouteBuilder> routesFor;
    private final Executor executor;

    FleetRoutes(CamelContext camel, Function<String, RouteBuilder> routesFor, Executor executor) {
        this.camel = camel;
        this.routesFor = routesFor;
        this.executor = executor;
    }

    @Override
    public void partnerAdded(Partner partner) {
        if (partner.kind() == PartnerKind.FLEET) {
            executor.execute(() -> add(partner.id()));
        }
    }

    @Override
    public void partnerRemoved(Partner partner) {
        if (partner.kind() == PartnerKind.FLEET) {
            executor.execute(() -> remove(partner.id()));
        }
    }

    /** The fleets whose status routes are in the context. */
    synchronized Set<String> fleets() {
        Set<String> fleets = new TreeSet<>();
        String prefix = StatusRoutes.routeId("");
        for (Route route : camel.getRoutes()) {
            if (route.getRouteId().startsWith(prefix)) {
                fleets.add(route.getRouteId().substring(prefix.length()));
            }
        }
        return fleets;
    }

    private synchronized void add(String fleet) {
        String routeId = StatusRoutes.routeId(fleet);
        if (camel.getRoute(routeId) != null) {
            return;
        }
        try {
            camel.addRoutes(routesFor.apply(fleet));
            LOG.info("Consuming status updates of fleet {} from {}", fleet, StatusRoutes.inAddress(fleet));
        } catch (Exception e) {
            LOG.error("Could not start the status route of fleet {}: {}", fleet, e.getMessage(), e);
        }
    }

    private synchronized void remove(String fleet) {
        String routeId = StatusRoutes.routeId(fleet);
        if (camel.getRoute(routeId) == null) {
            return;
        }
        try {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
            LOG.info("Fleet {} removed: its status route is gone", fleet);
        } catch (Exception e) {
            LOG.error("Could not remove the status route of fleet {}: {}", fleet, e.getMessage(), e);
        }
    }
}
