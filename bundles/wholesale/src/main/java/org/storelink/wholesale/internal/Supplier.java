package org.storelink.wholesale.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.storelink.model.Gtin;

/**
 * A wholesaler with its catalogue.
 *
 * @param partyId the supplier's party identifier in documents (a GLN, say); its id when none was configured
 * @param regions the regions it serves; empty for every region
 */
record Supplier(String id, String name, String partyId, DocumentFormat format, Channel channel, Set<String> regions,
                List<CatalogProduct> products) {

    Supplier {
        regions = Set.copyOf(regions);
        products = List.copyOf(products);
    }

    boolean serves(String regionId) {
        return regions.isEmpty() || regions.contains(regionId);
    }

    Optional<CatalogProduct> product(Gtin gtin) {
        return products.stream().filter(product -> product.gtin().equals(gtin)).findFirst();
    }

    Supplier withProducts(List<CatalogProduct> replacement) {
        return new Supplier(id, name, partyId, format, channel, regions, replacement);
    }
}
