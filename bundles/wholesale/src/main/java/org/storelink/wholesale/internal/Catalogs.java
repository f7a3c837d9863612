package org.storelink.wholesale.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.storelink.model.Gtin;

/**
 * The suppliers and what they offer: the suppliers file gives each supplier's settings (party id, format, channel,
 * regions) and an initial catalogue; a {@code supplier-catalog} message from a wholesaler partner replaces that
 * supplier's products. A partner that sends a catalogue without being in the file is a supplier for every region,
 * in UBL, over its partner address.
 */
final class Catalogs {
    private final Map<String, Supplier> configured;
    private final Map<String, List<CatalogProduct>> received = new TreeMap<>();

    /** The supplier and product an order for a GTIN goes to. */
    record Offer(Supplier supplier, CatalogProduct product) {
    }

    Catalogs(List<Supplier> configured) {
        Map<String, Supplier> byId = new TreeMap<>();
        configured.forEach(supplier -> byId.put(supplier.id(), supplier));
        this.configured = Map.copyOf(byId);
    }

    synchronized void received(String supplierId, List<CatalogProduct> products) {
        received.put(supplierId, List.copyOf(products));
    }

    synchronized List<Supplier> suppliers() {
        Map<String, Supplier> all = new TreeMap<>(configured);
        received.forEach((id, products) -> all.merge(id, new Supplier(id, id, id, DocumentFormat.UBL, Channel.PARTNER,
                Set.of(), products), (file, message) -> file.withProducts(products)));
        return new ArrayList<>(all.values());
    }

    Optional<Supplier> supplier(String id) {
        return suppliers().stream().filter(supplier -> supplier.id().equals(id)).findFirst();
    }

    /**
     * Where the store's region buys the product: among the suppliers serving the region that offer it, the lowest
     * price for one pack, then the shortest lead time, then the supplier id.
     */
    Optional<Offer> offer(Gtin gtin, String regionId) {
        return suppliers().stream()
                .filter(supplier -> supplier.serves(regionId))
                .flatMap(supplier -> supplier.product(gtin).map(product -> new Offer(supplier, product)).stream())
                .min(Comparator.<Offer>comparingLong(offer -> offer.product().unitPrice(offer.product().packSize())
                                .minor())
                        .thenComparingInt(offer -> offer.product().leadTimeDays())
                        .thenComparing(offer -> offer.supplier().id()));
    }
}
