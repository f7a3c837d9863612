package org.storelink.branding.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.storelink.branding.ShelfItem;

/**
 * What one label says, worked out from a shelf item: prices formatted, unit price computed, EAN-13 digits or the
 * reason there are none.
 */
public record LabelContent(String gtin, String name, String price, Optional<String> unitPrice,
        Optional<String> ean13, Optional<String> badge, List<String> warnings) {

    public LabelContent {
        warnings = List.copyOf(warnings);
    }

    public static LabelContent of(ShelfItem item, PriceFormat format) {
        List<String> warnings = new ArrayList<>();
        Optional<String> unitPrice = item.size().filter(UnitPrice::worthShowing)
                .map(size -> format.format(UnitPrice.per(item.price(), size)) + "/" + size.unit().symbol());
        Ean13.Result ean = Ean13.of(item.gtin());
        ean.reason().ifPresent(reason -> warnings.add(item.gtin().value() + " (" + TextFit.clean(item.name())
                + "): no barcode printed: " + reason));
        return new LabelContent(item.gtin().value(), TextFit.clean(item.name()), format.format(item.price()),
                unitPrice, ean.ean13(), item.badge().map(TextFit::clean), warnings);
    }
}
