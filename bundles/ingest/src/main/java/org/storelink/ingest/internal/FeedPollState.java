package org.storelink.ingest.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/** Remembers whether the last poll of a remote feed worked, and why not, for {@code storelink:adapter-list}. */
final class FeedPollState implements PollingConsumerPollStrategy {
    private final AtomicReference<String> lastError = new AtomicReference<>("not polled yet");

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        lastError.set(null);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        lastError.set(cause.getMessage() + (root != cause ? " (" + root.getMessage() + ")" : ""));
        return false;
    }

    /** Why the last poll failed, or {@code null} when it worked. */
    String lastError() {
        return lastError.get();
    }
}
