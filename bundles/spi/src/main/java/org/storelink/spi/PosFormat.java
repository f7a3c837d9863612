package org.storelink.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * A cash-register export format: the only thing a POS adapter bundle has to know. The platform finds every
 * {@code PosFormat} service, runs its stores' drop folders and SFTP pickups, the console import, publishing,
 * counting and rejection reports; the format only reads its bytes into canonical sales.
 *
 * <p>Register the implementation as an OSGi service (a DS {@code @Component}). It must be stateless and safe to
 * call from several threads at once.
 */
public interface PosFormat {

    /** Short lowercase name used in configuration and on the console, e.g. {@code poslog} or {@code csv}. */
    String name();

    /** One line for {@code storelink:adapter-list}. */
    String description();

    /**
     * Reads a source and hands each transaction to {@code sink} as soon as it has been read, so a file of any
     * size is read in constant memory. A transaction with problems is handed over as
     * {@link SourceTransaction#rejected rejected} with every problem named; reading goes on with the next one.
     *
     * @throws UnreadableSourceException when the source as a whole cannot be read (wrong format, broken
     *         encoding, truncated XML): the transactions already handed over stand, the rest are lost to this
     *         read and the platform rejects the file with this message
     * @throws IOException when reading the stream fails
     */
    void read(InputStream source, SourceContext context, Consumer<SourceTransaction> sink)
            throws IOException, UnreadableSourceException;
}
