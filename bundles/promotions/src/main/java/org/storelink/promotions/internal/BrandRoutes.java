package org.storelink.promotions.internal;

import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.partners.Partner;
import org.storelink.partners.PartnerKind;
import org.storelink.partners.PartnerListener;

/**
 * Adds a brand's catalog route to the running context when the brand partner appears and removes it when the
 * partner goes; no other route is stopped or restarted. Partners of other kinds are not this module's business.
 */
final class BrandRoutes implements PartnerListener {
    private static final Logger LOG = LoggerFactory.getLogger(BrandRoutes.class);

    private final CamelContext camel;
    private final Function<String, RouteBuilder> routes;

    BrandRoutes(CamelContext camel, Function<String, RouteBuilder> routes) {
        this.camel = camel;
        this.routes = routes;
    }

    @Override
    public synchronized void partnerAdded(Partner partner) {
        if (partner.kind() != PartnerKind.BRAND) {
            return;
        }
        String routeId = CatalogRoutes.routeId(partner.id());
        if (camel.getRoute(routeId) != null) {
            return;
        }
        try {
            camel.addRoutes(routes.apply(partner.id()));
            LOG.info("Brand {}: consuming catalogs from {}", partner.id(), partner.inAddress());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the catalog route of brand " + partner.id() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void partnerRemoved(Partner partner) {
        String routeId = CatalogRoutes.routeId(partner.id());
        if (camel.getRoute(routeId) == null) {
            return;
        }
        try {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
            LOG.info("Brand {} removed: its catalog route is gone", partner.id());
        } catch (Exception e) {
            throw new IllegalStateException("cannot remove the catalog route of brand " + partner.id() + ": "
                    + e.getMessage(), e);
        }
    }
}
