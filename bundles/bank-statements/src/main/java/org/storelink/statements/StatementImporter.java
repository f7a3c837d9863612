package org.storelink.statements;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Imports camt.053 statements and camt.054 notifications. A document is all or nothing: it is read to its end and
 * every account checked before the first settlement is published, so a rejected document publishes nothing.
 * Each booked entry is published as a {@code SettlementRecorded} event with its settlement id as the broker's
 * duplicate id, so importing the same document again stores nothing twice.
 */
public interface StatementImporter {

    /**
     * Reads one document and publishes its booked entries.
     *
     * @param sourceName the file name, for the report and the events' source
     * @param channel how the document arrived: {@code console} or {@code folder:<path>}
     * @param dryRun read, check and report only; nothing is published
     * @return the report; a document that is malformed or names an unassigned account is reported as rejected
     * @throws StatementPublishException if the broker did not take every settlement; importing again is safe
     */
    StatementImportReport importStatement(InputStream document, String sourceName, String channel, boolean dryRun);

    /** {@link #importStatement} for a file. */
    default StatementImportReport importFile(Path file, String channel, boolean dryRun) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return importStatement(in, file.getFileName().toString(), channel, dryRun);
        }
    }
}
