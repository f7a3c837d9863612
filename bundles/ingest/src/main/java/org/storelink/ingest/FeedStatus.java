package org.storelink.ingest;

import java.time.Instant;

/**
 * One adapter feed as {@code storelink:adapter-list} shows it.
 *
 * @param adapter the format or adapter name
 * @param feed how sources arrive, e.g. {@code folder:/path}, {@code console}, {@code http}
 * @param store the store the feed belongs to, or {@code *} for any
 * @param online whether the feed can receive now
 * @param reason why not, when offline; what it is waiting for otherwise
 * @param lastReceived when the last source or transaction arrived, or {@code null}
 */
public record FeedStatus(String adapter, String feed, String store, boolean online, String reason,
                         Instant lastReceived, long accepted, long rejected) {
}
