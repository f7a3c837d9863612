package org.storelink.delivery;

import java.util.List;

import org.storelink.model.Violation;

/**
 * What became of a delivery request.
 *
 * @param deliveryId the delivery, for {@link Outcome#CREATED} and {@link Outcome#EXISTING}
 * @param fleet      the fleet it goes to, for {@link Outcome#CREATED} and {@link Outcome#EXISTING}
 * @param detail     a sentence for people
 * @param violations every bad field, for {@link Outcome#INVALID} and {@link Outcome#CONFLICT}
 */
public record Submission(Outcome outcome, String deliveryId, String fleet, String detail,
                         List<Violation> violations) {

    public enum Outcome {
        /** Stored, its delivery-request message waits in the outbox or is sent already. */
        CREATED,
        /** The same order (store and orderRef, same content) was taken before: that delivery. Nothing stored. */
        EXISTING,
        /** The request has bad fields; nothing stored. */
        INVALID,
        /** The orderRef was used before for a different order; nothing stored. */
        CONFLICT,
        UNKNOWN_STORE,
        /** The store cannot be picked up from: it has no coordinates in the store registry. */
        STORE_NOT_DELIVERABLE
    }

    public Submission {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }
}
