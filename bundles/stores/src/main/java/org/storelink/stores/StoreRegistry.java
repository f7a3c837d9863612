package org.storelink.stores;

import java.util.List;
import java.util.Optional;

import org.storelink.model.Region;
import org.storelink.model.Store;

/** The stores and regions this platform serves, as currently configured. */
public interface StoreRegistry {

    Optional<Store> store(String id);

    /** All stores, ordered by id. */
    List<Store> stores();

    /** All regions, ordered by id. */
    List<Region> regions();

    /**
     * The secret a store signs its submissions with, for adapters that authenticate stores. Callers compare
     * signatures in constant time and never log it.
     */
    Optional<byte[]> secret(String storeId);
}
