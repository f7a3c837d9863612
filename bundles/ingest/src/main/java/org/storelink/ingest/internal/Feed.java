package org.storelink.ingest.internal;

import org.storelink.ingest.FeedStatus;

/** A running feed (a drop folder, a pickup) that reports its own state. */
public interface Feed {

    /** Its state, with counts filled in by the caller. */
    FeedStatus status();
}
