package org.storelink.branding;

import java.util.List;

/**
 * The products a store has on its shelves, with their current prices. The branding module ships one reading the
 * ledger's recent sales; a source with better knowledge (a price file, a promotions module) registers its own with
 * a higher {@code service.ranking}.
 */
public interface ShelfItems {

    /**
     * The store's products, each once, in the order labels are printed.
     *
     * @throws IllegalArgumentException if the store is unknown
     */
    List<ShelfItem> items(String storeId);
}
