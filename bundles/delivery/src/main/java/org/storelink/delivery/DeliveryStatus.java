package org.storelink.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a delivery stands. {@code requested} is storelink's own; the fleet reports the others. The allowed moves:
 * requested → assigned | failed; assigned → assigned (another rider) | picked-up | failed; picked-up → delivered |
 * failed. {@code delivered} and {@code failed} are final.
 */
public enum DeliveryStatus {
    REQUESTED,
    ASSIGNED,
    PICKED_UP,
    DELIVERED,
    FAILED;

    /** The name in messages and JSON: {@code requested}, {@code assigned}, {@code picked-up}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED;
    }

    /** Whether a fleet may move a delivery from this status to {@code next}. */
    public boolean canMoveTo(DeliveryStatus next) {
        return switch (this) {
            case REQUESTED -> next == ASSIGNED || next == FAILED;
            case ASSIGNED -> next == ASSIGNED || next == PICKED_UP || next == FAILED;
            case PICKED_UP -> next == DELIVERED || next == FAILED;
            case DELIVERED, FAILED -> false;
        };
    }

    /** The statuses a fleet may report. */
    public static Set<DeliveryStatus> reportable() {
        return Set.of(ASSIGNED, PICKED_UP, DELIVERED, FAILED);
    }

    /** The status of a {@link #code()}, or an exception naming the allowed codes. */
    public static DeliveryStatus of(String code) {
        for (DeliveryStatus status : values()) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("must be one of " + codes(Set.of(values())) + ", got '" + code + "'");
    }

    static String codes(Set<DeliveryStatus> statuses) {
        return Arrays.stream(values()).filter(statuses::contains).map(DeliveryStatus::code)
                .collect(Collectors.joining(", "));
    }

    /** The codes a fleet may report, comma-separated. */
    public static String reportableCodes() {
        return codes(reportable());
    }
}
