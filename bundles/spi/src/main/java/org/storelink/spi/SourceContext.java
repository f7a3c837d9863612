package org.storelink.spi;

import java.util.Map;
import java.util.Optional;

import org.storelink.model.Store;

/**
 * What a format knows about where its source comes from.
 *
 * @param store the store whose source this is; timestamps without a zone are read in {@code store.zone()}
 * @param sourceName the file name or other label of the source, for references in rejections
 * @param options format options from the feed's configuration (e.g. a CSV column profile or charset)
 */
public record SourceContext(Store store, String sourceName, Map<String, String> options) {

    public SourceContext {
        options = Map.copyOf(options);
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }
}
