package org.storelink.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.storelink.ingest.ImportProgress;
import org.storelink.ingest.ImportReport;
import org.storelink.ingest.ImportRequest;
import org.storelink.ingest.SaleImporter;
import org.storelink.model.json.Json;

/**
 * Watches a folder: each file is imported, then moved to {@code .done/} with a {@code .report.json} beside it
 * listing its rejected transactions, or to {@code .error/} with a {@code .reason.txt} when it could not be read
 * to its end (the sales read before the problem stand; re-dropping the fixed file adds nothing twice).
 */
public final class DropFolderRoutes extends RouteBuilder {
    static final String DONE = ".done";
    static final String ERROR = ".error";

    private final Path folder;
    private final String store;
    private final String format;
    private final Map<String, String> options;
    private final long pollMillis;
    private final SaleImporter importer;

    public DropFolderRoutes(Path folder, String store, String format, Map<String, String> options, long pollMillis,
                            SaleImporter importer) {
        this.folder = folder;
        this.store = store;
        this.format = format;
        this.options = Map.copyOf(options);
        this.pollMillis = pollMillis;
        this.importer = importer;
    }

    static String routeId(String store, String format) {
        return "ingest.folder." + store + "." + format;
    }

    String feedName() {
        return "folder:" + folder;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .logExhausted(false)
                .process(this::writeReason);

        // Files still being written are left alone until they stop changing; reports are never picked up.
        from("file:" + folder + "?move=" + DONE + "&moveFailed=" + ERROR + "&readLock=changed"
                + "&readLockCheckInterval=500&readLockMinAge=1000&delay=" + pollMillis
                + "&exclude=.*\\.(tmp|part|report\\.json|reason\\.txt)$")
                .routeId(routeId(store, format))
                .process(this::importFile);
    }

    private void importFile(Exchange exchange) throws IOException, UnreadableFileException {
        Path file = exchange.getMessage().getBody(java.io.File.class).toPath();
        String name = file.getFileName().toString();
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = importer.importSource(in, new ImportRequest(store, format, name, options, feedName()),
                    ImportProgress.NONE);
        }
        Path done = Files.createDirectories(folder.resolve(DONE));
        Files.write(done.resolve(name + ".report.json"), Json.write(report));
        log.info("{}: {} accepted, {} rejected, {} excluded{}", name, report.accepted(), report.rejected(),
                report.excludedTotal(), report.complete() ? "" : "; unreadable: " + report.unreadable());
        if (!report.complete()) {
            throw new UnreadableFileException(report.unreadable());
        }
    }

    private void writeReason(Exchange exchange) throws IOException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Path error = Files.createDirectories(folder.resolve(ERROR));
        Files.writeString(error.resolve(name + ".reason.txt"),
                (cause == null ? "unknown" : cause.getMessage()) + System.lineSeparator(), StandardCharsets.UTF_8);
        log.warn("{} rejected: {}", name, cause == null ? "unknown" : cause.getMessage());
    }

    /** The file could not be read to its end. */
    static final class UnreadableFileException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableFileException(String reason) {
            super(reason);
        }
    }
}
