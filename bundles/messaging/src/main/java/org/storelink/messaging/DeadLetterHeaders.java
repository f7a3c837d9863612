package org.storelink.messaging;

/** Message properties a route sets when it dead-letters a message, so the reason travels with it. */
public final class DeadLetterHeaders {

    /** Why the message could not be processed, naming the field where there is one. */
    public static final String REASON = "dlqReason";
    /** The address the message was consumed from. */
    public static final String ORIGINAL_ADDRESS = "dlqOriginalAddress";
    /** The queue the message was consumed from; a replay goes back to this queue only. */
    public static final String ORIGINAL_QUEUE = "dlqOriginalQueue";
    /** The route that gave up on the message. */
    public static final String FAILED_BY = "dlqFailedBy";
    /** When it gave up, ISO-8601. */
    public static final String FAILED_AT = "dlqFailedAt";
    /** A unique id for the dead letter, used to select it for a replay. */
    public static final String ID = "dlqId";

    private DeadLetterHeaders() {
    }
}
