package org.storelink.wholesale;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A store's sourcing share of one month: platform order value over all recorded purchases (platform orders plus
 * the purchases the store reported from elsewhere), in one currency.
 *
 * @param currency        the currency compared: the one with the largest total in the month
 * @param platformMinor   value of the store's platform orders confirmed in the month, minor units
 * @param totalMinor      platform orders plus reported purchases, minor units
 * @param actual          platformMinor / totalMinor to 4 decimals; empty when nothing was recorded
 * @param contracted      the share the store committed to, 0..1; empty when it has no commitment
 * @param otherCurrencies currencies of the month left out of the comparison
 */
public record SourcingShare(String storeId, YearMonth month, String currency, long platformMinor, long totalMinor,
                            Optional<BigDecimal> actual, Optional<BigDecimal> contracted,
                            List<String> otherCurrencies) {

    public SourcingShare {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(month, "month");
        otherCurrencies = List.copyOf(otherCurrencies);
    }

    /**
     * Below its commitment: a contracted share above zero and an actual share below it. A month without any recorded
     * purchase counts as a share of 0.
     */
    public boolean belowCommitment() {
        if (contracted.isEmpty() || contracted.get().signum() <= 0) {
            return false;
        }
        return actual.orElse(BigDecimal.ZERO).compareTo(contracted.get()) < 0;
    }
}
