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

    /**
     * The broker duplicate id a dead letter is sent with. Several modules consume the same multicast address, so one
     * poison event is dead-lettered once per consuming queue: keeping the original id would make the broker drop every
     * copy but the first (and roll back those modules' transactions). The id stays stable per queue, so a module that
     * dead-letters the same message twice still stores it once.
     *
     * @param originalDuplicateId the consumed message's {@code _AMQ_DUPL_ID}, or null
     * @param originalQueue the queue it was consumed from
     * @param deadLetterId this dead letter's {@link #ID}, used when the message had no duplicate id
     */
    public static String duplicateId(Object originalDuplicateId, Object originalQueue, String deadLetterId) {
        return (originalDuplicateId == null ? deadLetterId : originalDuplicateId.toString()) + "@" + originalQueue;
    }
}
