package org.storelink.messaging;

import java.util.List;

/** Lists and replays dead letters. Offered by the messaging bundle once the broker runs. */
public interface DeadLetterService {

    /** Up to {@code max} dead letters, oldest first. */
    List<DeadLetter> list(int max);

    /**
     * Sends the dead letter with this id back to the queue it came from and removes it from the dead-letter queue,
     * in one broker transaction.
     *
     * @throws IllegalArgumentException if there is no such dead letter, or it does not say where it came from
     */
    DeadLetter replay(long id);
}
