package org.storelink.ingest;

import java.util.List;

/** Every adapter and store feed the platform knows, with its state and counts. */
public interface FeedStatusService {

    List<FeedStatus> feeds();
}
