package org.storelink.ingest;

import java.io.InputStream;
import java.util.List;

/** Imports a source in any installed POS format: reads it, publishes the accepted sales, reports the rest. */
public interface SaleImporter {

    /** Names of the installed formats. */
    List<String> formats();

    /**
     * @throws IllegalArgumentException for an unknown store or format (nothing is read)
     * @throws IllegalStateException when publishing fails; sales published before the failure stand, and a
     *         re-import publishes everything again without storing anything twice
     */
    ImportReport importSource(InputStream source, ImportRequest request, ImportProgress progress);
}
