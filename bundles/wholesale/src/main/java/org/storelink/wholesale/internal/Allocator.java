package org.storelink.wholesale.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares a purchase order line's confirmed quantity among the store orders it aggregated, in proportion to what
 * each ordered, in whole packs: each store first gets the whole packs of its exact proportional share (rounded
 * down); the packs left over go one each to the largest orders (ties: the earlier order id); units that do not
 * make a whole pack (a supplier may confirm a loose quantity) go to the largest order. The allocations always add
 * up to the confirmed quantity.
 */
final class Allocator {

    /** What one store order asked for. */
    record Claim(String orderId, long quantity) {
    }

    private Allocator() {
    }

    /** Order id → allocated units, in the order of the claims. */
    static Map<String, Long> allocate(long confirmed, int packSize, List<Claim> claims) {
        Map<String, Long> allocation = new LinkedHashMap<>();
        claims.forEach(claim -> allocation.put(claim.orderId(), 0L));
        long ordered = claims.stream().mapToLong(Claim::quantity).sum();
        if (confirmed <= 0 || ordered <= 0 || claims.isEmpty()) {
            return allocation;
        }
        long packs = confirmed / packSize;
        long loose = confirmed % packSize;
        long given = 0;
        for (Claim claim : claims) {
            long share = BigInteger.valueOf(packs).multiply(BigInteger.valueOf(claim.quantity()))
                    .divide(BigInteger.valueOf(ordered)).longValueExact();
            allocation.put(claim.orderId(), share);
            given += share;
        }
        List<Claim> largestFirst = new ArrayList<>(claims);
        largestFirst.sort(Comparator.comparingLong(Claim::quantity).reversed().thenComparing(Claim::orderId));
        long left = packs - given;
        for (int i = 0; left > 0; i = (i + 1) % largestFirst.size(), left--) {
            allocation.merge(largestFirst.get(i).orderId(), 1L, Long::sum);
        }
        allocation.replaceAll((orderId, sharePacks) -> sharePacks * packSize);
        allocation.merge(largestFirst.get(0).orderId(), loose, Long::sum);
        return allocation;
    }
}
