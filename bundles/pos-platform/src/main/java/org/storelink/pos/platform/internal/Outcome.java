package org.storelink.pos.platform.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.storelink.model.SaleRecorded;

/** What a verified, readable webhook comes to: a sale to publish, or an acknowledgement that records nothing. */
sealed interface Outcome {

    /** Answered 202 with {@code answer} once the broker holds {@code event} persistently. */
    record Publish(String duplicateId, SaleRecorded event, ObjectNode answer) implements Outcome {
    }

    /** Answered 202 with {@code answer} at once; nothing is published. */
    record Acknowledge(ObjectNode answer) implements Outcome {
    }
}
