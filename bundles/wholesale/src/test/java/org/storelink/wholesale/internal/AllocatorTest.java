package org.storelink.wholesale.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class AllocatorTest {

    private static long sum(Map<String, Long> allocation) {
        return allocation.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void everyStoreGetsItsOrderWhenAllIsConfirmed() {
        var claims = List.of(new Allocator.Claim("a", 48), new Allocator.Claim("b", 24));
        assertThat(Allocator.allocate(72, 12, claims)).containsExactly(Map.entry("a", 48L), Map.entry("b", 24L));
    }

    @Test
    void aCutIsSharedInProportionInWholePacksWithTheRemainderToTheLargestOrder() {
        // 96 ordered, 72 confirmed = 6 packs; exact shares 3, 1.5, 1.5 packs -> 3, 1, 1; the spare pack to "a"
        var claims = List.of(new Allocator.Claim("a", 48), new Allocator.Claim("b", 24),
                new Allocator.Claim("c", 24));
        Map<String, Long> allocation = Allocator.allocate(72, 12, claims);
        assertThat(allocation).containsExactly(Map.entry("a", 48L), Map.entry("b", 12L), Map.entry("c", 12L));
        assertThat(sum(allocation)).isEqualTo(72);
    }

    @Test
    void sparePacksGoToTheLargestOrdersTiesByOrderId() {
        // 3 equal orders of 2 packs; 4 packs confirmed: 1 each, one spare to the first id
        var claims = List.of(new Allocator.Claim("c", 12), new Allocator.Claim("a", 12),
                new Allocator.Claim("b", 12));
        assertThat(Allocator.allocate(24, 6, claims)).containsEntry("a", 12L).containsEntry("b", 6L)
                .containsEntry("c", 6L);
    }

    @Test
    void looseUnitsGoToTheLargestOrderAndRejectedIsZero() {
        // 40 = 3 packs + 4 units; exact shares 0.75 and 2.25 packs -> 0 and 2; the spare pack and the 4 loose
        // units to the largest order
        var claims = List.of(new Allocator.Claim("small", 12), new Allocator.Claim("large", 36));
        Map<String, Long> allocation = Allocator.allocate(40, 12, claims);
        assertThat(allocation).containsEntry("large", 40L).containsEntry("small", 0L);
        assertThat(sum(allocation)).isEqualTo(40);
        assertThat(Allocator.allocate(0, 12, claims)).containsEntry("large", 0L).containsEntry("small", 0L);
    }

    @Test
    void allocationsAlwaysAddUpToTheConfirmedQuantity() {
        Random random = new Random(42);
        for (int run = 0; run < 2000; run++) {
            int pack = 1 + random.nextInt(24);
            int stores = 1 + random.nextInt(8);
            List<Allocator.Claim> claims = new java.util.ArrayList<>();
            long ordered = 0;
            for (int i = 0; i < stores; i++) {
                long quantity = (long) pack * (1 + random.nextInt(10));
                claims.add(new Allocator.Claim("o" + i, quantity));
                ordered += quantity;
            }
            long confirmed = random.nextInt((int) ordered * 2);
            Map<String, Long> allocation = Allocator.allocate(confirmed, pack, claims);
            assertThat(sum(allocation)).as("run %d", run).isEqualTo(confirmed);
            assertThat(allocation.values()).allMatch(units -> units >= 0);
        }
    }
}
