package org.storelink.branding;

import java.util.Objects;
import java.util.Optional;

import org.storelink.model.Gtin;
import org.storelink.model.Money;

/**
 * One product on a store's shelf, as a label shows it.
 *
 * @param price the shelf price of one item (one piece, one pack, or one kg/L when sold by weight or volume)
 * @param size the contents of one item, when known, for the unit price per kg, L or piece
 * @param badge a promotion badge such as {@code "2 for 1"}, when the product is on promotion
 */
public record ShelfItem(Gtin gtin, String name, Money price, Optional<UnitSize> size, Optional<String> badge) {

    public ShelfItem {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(price, "price");
        name = name == null || name.isBlank() ? gtin.value() : name.strip();
        size = size == null ? Optional.empty() : size;
        badge = badge == null ? Optional.empty() : badge.filter(b -> !b.isBlank()).map(String::strip);
    }
}
