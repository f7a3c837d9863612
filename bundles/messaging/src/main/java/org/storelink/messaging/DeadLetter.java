package org.storelink.messaging;

import java.time.Instant;

/**
 * One message on the dead-letter queue.
 *
 * @param id the broker's message id, used by {@link DeadLetterService#replay(long)}
 * @param deadAt when it was dead-lettered
 * @param originalAddress the address it came from, if known
 * @param originalQueue the queue it came from, if known
 * @param failedBy the route that gave up, or {@code broker} when the broker moved it after too many deliveries
 * @param reason why it could not be processed
 * @param duplicateId its duplicate-detection id (a sale id for sales), if any
 * @param size the message's size in bytes as the broker keeps it
 */
public record DeadLetter(long id, Instant deadAt, String originalAddress, String originalQueue, String failedBy,
                         String reason, String duplicateId, long size) {
}
