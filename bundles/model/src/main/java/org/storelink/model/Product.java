package org.storelink.model;

import java.util.Objects;

public record Product(Gtin gtin, String name) {

    public Product {
        Objects.requireNonNull(gtin, "gtin");
    }
}
