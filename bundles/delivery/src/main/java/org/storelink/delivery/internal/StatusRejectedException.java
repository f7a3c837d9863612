package org.storelink.delivery.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.storelink.model.Violation;

/**
 * A status message that can never be applied: malformed, for an unknown delivery or another fleet's, or an invalid
 * transition. It is dead-lettered at once and answered with an {@code error} message to the fleet.
 *
 * @see StatusRoutes
 */
final class StatusRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;
    private final String deliveryId;
    private final String status;
    private final String internalDetail;

    /**
     * @param deliveryId     the message's deliveryId when it could be read, for the reply
     * @param status         the message's status when it could be read, for the reply
     * @param violations     what the fleet is told
     * @param internalDetail more for the dead letter's reason, not for the fleet (such as another fleet's id), or
     *                       null
     */
    StatusRejectedException(String deliveryId, String status, List<Violation> violations, String internalDetail) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; "))
                + (internalDetail == null ? "" : " (" + internalDetail + ")"));
        this.violations = List.copyOf(violations);
        this.deliveryId = deliveryId;
        this.status = status;
        this.internalDetail = internalDetail;
    }

    List<Violation> violations() {
        return violations;
    }

    String deliveryId() {
        return deliveryId;
    }

    String status() {
        return status;
    }

    String internalDetail() {
        return internalDetail;
    }
}
