package org.storelink.delivery.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: each unsent {@code delivery-request} goes to its fleet's {@code partner.<fleet>.out},
 * persistently and synchronously, with the delivery id as {@code _AMQ_DUPL_ID}; only then is it marked sent. A crash
 * between the send and the mark sends it again at the next pass, and the broker drops that duplicate (the fleet can
 * also tell by the deliveryId). A failed send stays in the outbox and is tried again at every pass.
 */
final class OutboxDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int BATCH = 100;

    /** Sends one message durably: returns only once the broker holds it. */
    interface Sender {
        void send(String address, String duplicateId, byte[] body) throws Exception;
    }

    private final JdbcDeliveries database;
    private final Sender sender;
    private final Predicate<String> isFleet;
    private final Clock clock;

    /** @param isFleet whether a partner id is still a registered fleet */
    OutboxDispatcher(JdbcDeliveries database, Sender sender, Predicate<String> isFleet, Clock clock) {
        this.database = database;
        this.sender = sender;
        this.isFleet = isFleet;
        this.clock = clock;
    }

    /** One pass; returns how many messages were sent. Passes never overlap. */
    synchronized int dispatchPending() {
        int sent = 0;
        List<JdbcDeliveries.OutboxEntry> batch = database.pendingOutbox(BATCH);
        for (JdbcDeliveries.OutboxEntry entry : batch) {
            if (!isFleet.test(entry.fleet())) {
                fail(entry, "fleet '" + entry.fleet() + "' is no longer a registered fleet partner");
                continue;
            }
            try {
                sender.send(entry.address(), entry.deliveryId(), entry.body().getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                fail(entry, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                continue;
            }
            database.markSent(entry.deliveryId(), clock.instant());
            sent++;
        }
        if (sent > 0) {
            LOG.debug("Dispatched {} delivery request(s)", sent);
        }
        return sent;
    }

    private void fail(JdbcDeliveries.OutboxEntry entry, String error) {
        database.markFailed(entry.deliveryId(), error);
        if (entry.attempts() == 0) {
            LOG.warn("Delivery request {} not sent to {}, will retry: {}", entry.deliveryId(), entry.address(), error);
        } else {
            LOG.debug("Delivery request {} not sent to {} (attempt {}): {}", entry.deliveryId(), entry.address(),
                    entry.attempts() + 1, error);
        }
    }
}
