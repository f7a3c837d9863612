package org.storelink.pos.poslog.internal;

import java.util.Locale;
import java.util.Objects;

import org.storelink.model.Money;
import org.storelink.model.Store;
import org.storelink.spi.SourceContext;

/**
 * What one read needs to know besides the XML: the platform's store and the feed's options.
 *
 * @param currency ISO 4217 code for transactions without a CurrencyCode (option {@code currency}), or null
 * @param retailStoreId the RetailStoreID this feed's files must carry (option {@code retailStoreId}), or null to
 *        accept any
 */
record ReadSettings(Store store, String sourceName, String currency, String retailStoreId) {

    static final String OPTION_CURRENCY = "currency";
    static final String OPTION_RETAIL_STORE_ID = "retailStoreId";

    ReadSettings {
        Objects.requireNonNull(store, "store");
    }

    /**
     * @throws IllegalArgumentException naming the option when an option is invalid
     */
    static ReadSettings of(SourceContext context) {
        String currency = context.option(OPTION_CURRENCY).map(String::strip).map(c -> c.toUpperCase(Locale.ROOT))
                .orElse(null);
        if (currency != null) {
            try {
                Money.exponent(currency);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("option " + OPTION_CURRENCY + ": " + e.getMessage(), e);
            }
        }
        String retailStoreId = context.option(OPTION_RETAIL_STORE_ID).map(String::strip).orElse(null);
        if (retailStoreId != null && retailStoreId.isEmpty()) {
            throw new IllegalArgumentException("option " + OPTION_RETAIL_STORE_ID + ": must not be empty");
        }
        return new ReadSettings(context.store(), context.sourceName(), currency, retailStoreId);
    }
}
