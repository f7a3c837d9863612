package org.storelink.ingest;

import java.util.Map;

/**
 * What to import.
 *
 * @param storeId the store the source belongs to
 * @param format the {@link org.storelink.spi.PosFormat#name() format name}, e.g. {@code poslog} or {@code csv}
 * @param sourceName the file name or label, used in references and reports
 * @param options format options (a CSV column profile, a charset ...)
 * @param feed the feed the source came through, e.g. {@code folder:/path} or {@code console}, for the counters
 */
public record ImportRequest(String storeId, String format, String sourceName, Map<String, String> options,
                            String feed) {

    public ImportRequest {
        options = Map.copyOf(options);
    }
}
