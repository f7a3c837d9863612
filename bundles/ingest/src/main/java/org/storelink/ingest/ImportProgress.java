package org.storelink.ingest;

/** Told as an import goes on, e.g. to draw a progress bar. Called from the importing thread. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (bytesRead, transactions) -> { };

    void advanced(long bytesRead, long transactions);
}
