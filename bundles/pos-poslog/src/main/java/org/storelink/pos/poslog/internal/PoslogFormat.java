package org.storelink.pos.poslog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.storelink.spi.PosFormat;
import org.storelink.spi.SourceContext;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.UnreadableSourceException;

/**
 * ARTS/NRF POSLog XML: versions 2.x (including NCR ACS exports with their {@code acs:} extensions) and 6.0, read
 * one Transaction at a time. Stateless: every read gets its own parser.
 */
@Component(service = PosFormat.class, property = "storelink.format=poslog")
public final class PoslogFormat implements PosFormat {

    public static final String NAME = "poslog";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ARTS/NRF POSLog XML 2.x (incl. NCR ACS) and 6.0, streamed";
    }

    @Override
    public void read(InputStream source, SourceContext context, Consumer<SourceTransaction> sink)
            throws IOException, UnreadableSourceException {
        read(source, context, sink, new ReadStats());
    }

    void read(InputStream source, SourceContext context, Consumer<SourceTransaction> sink, ReadStats stats)
            throws IOException, UnreadableSourceException {
        ReadSettings settings;
        try {
            settings = ReadSettings.of(context);
        } catch (IllegalArgumentException e) {
            throw new UnreadableSourceException("POSLog " + context.sourceName() + ": " + e.getMessage(), e);
        }
        new PoslogReader(settings, sink, stats).read(source);
    }
}
