package org.storelink.branding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.storelink.branding.ShelfItem;
import org.storelink.branding.UnitSize;
import org.storelink.ledger.LatestPrice;
import org.storelink.ledger.SalesQueries;
import org.storelink.model.Money;

class LedgerShelfItemsTest {
    /** 2026-11-26 01:00 in Shanghai, still 2026-11-25 in UTC: the store's own day counts. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T17:00:00Z"), ZoneOffset.UTC);

    private static SalesQueries ledger(List<LatestPrice> prices, LocalDate expectedSince) {
        SalesQueries ledger = mock(SalesQueries.class);
        when(ledger.latestPrices("sh-campus-001", expectedSince)).thenReturn(prices);
        return ledger;
    }

    private static LatestPrice price(String gtin, String name, long unitPrice, String promotion) {
        return new LatestPrice(gtin, name, new Money(unitPrice, "CNY"),
                OffsetDateTime.parse("2026-11-25T10:00:00+08:00"), promotion);
    }

    @Test
    void eachProductIsPricedAtItsLatestLineWithItsPromotionAsBadge() {
        // 28 business days back from the store's own 2026-11-26, that day included
        LedgerShelfItems items = new LedgerShelfItems(TestData.stores(), ledger(List.of(
                price("00036000291452", "Apples", 667, null),
                price("06901234567892", "Green tea 500ml", 350, "SUMMER-TEA"),
                price("00012345678905", "Free sample", 0, null)), LocalDate.of(2026, 10, 30)), CLOCK);

        List<ShelfItem> found = items.items("sh-campus-001");

        assertThat(found).extracting(ShelfItem::name).containsExactly("Apples", "Green tea 500ml");
        assertThat(found.get(0).price()).isEqualTo(new Money(667, "CNY"));
        assertThat(found.get(0).size()).isEmpty();
        assertThat(found.get(0).badge()).isEmpty();
        assertThat(found.get(1).price()).isEqualTo(new Money(350, "CNY"));
        assertThat(found.get(1).size()).contains(new UnitSize(new BigDecimal("0.5"), UnitSize.Unit.L));
        assertThat(found.get(1).badge()).contains("SUMMER-TEA");
    }

    @Test
    void anUnknownStoreIsRefused() {
        assertThatThrownBy(() -> new LedgerShelfItems(TestData.stores(), mock(SalesQueries.class), CLOCK).items("nobody"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown store \"nobody\"");
    }
}
