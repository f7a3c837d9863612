package org.storelink.baskets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.storelink.ledger.SalesQueries;
import org.storelink.model.AreaProfile;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

class LedgerBasketSourceTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Store CAMPUS = new Store("sh-campus-001", "Campus", "east", AreaProfile.STUDENT, SHANGHAI, null);
    private static final Store OFFICE = new Store("sh-office-002", "Office", "east", AreaProfile.OFFICE, SHANGHAI, null);
    private static final Store TRANSIT = new Store("bj-transit-004", "Transit", "north", AreaProfile.TRANSIT, SHANGHAI,
            null);

    private final SalesQueries ledger = mock(SalesQueries.class);
    private final StoreRegistry stores = mock(StoreRegistry.class);
    private final LedgerBasketSource source = new LedgerBasketSource(ledger, stores);

    @SuppressWarnings("unchecked")
    private void ledgerHas(List<List<String>> baskets) {
        when(ledger.forEachBasket(any(), any(), any(), any())).thenAnswer(call -> {
            baskets.forEach(call.<Consumer<List<String>>>getArgument(3));
            return (long) baskets.size();
        });
    }

    @Test
    void aStoreIdReadsThatStoresBasketsInTheWindow() {
        when(stores.store("sh-campus-001")).thenReturn(Optional.of(CAMPUS));
        ledgerHas(List.of(List.of("tea", "noodles"), List.of("water")));
        LocalDate from = LocalDate.parse("2026-11-01");
        LocalDate to = LocalDate.parse("2026-11-26");

        assertThat(source.baskets("sh-campus-001", from, to))
                .contains(List.of(List.of("tea", "noodles"), List.of("water")));
        verify(ledger).forEachBasket(eq(List.of("sh-campus-001")), eq(from), eq(to), any());
    }

    @Test
    void aRegionReadsEveryStoreOfTheRegionWithoutBoundsWhenNoneAreGiven() {
        when(stores.store("east")).thenReturn(Optional.empty());
        when(stores.stores()).thenReturn(List.of(CAMPUS, OFFICE, TRANSIT));
        ledgerHas(List.of(List.of("tea")));

        assertThat(source.baskets("east", null, null)).contains(List.of(List.of("tea")));
        verify(ledger).forEachBasket(eq(List.of("sh-campus-001", "sh-office-002")),
                eq(LocalDate.of(1900, 1, 1)), eq(LocalDate.of(9999, 12, 31)), any());
    }

    @Test
    void neitherStoreNorRegionIsEmpty() {
        when(stores.store("nowhere")).thenReturn(Optional.empty());
        when(stores.stores()).thenReturn(List.of(CAMPUS));

        assertThat(source.baskets("nowhere", null, null)).isEmpty();
    }
}
