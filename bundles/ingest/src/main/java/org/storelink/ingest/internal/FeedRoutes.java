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
 * A feed of files (a local drop folder, or a folder on a store's SFTP server): each file is imported, then moved
 * to {@code .done/} on success or to {@code .error/} when it could not be read to its end (the sales read before
 * the problem stand; sending the fixed file again adds nothing twice). Beside it, in the local report folder, go
 * {@code .done/<file>.report.json} listing its rejected transactions or {@code .error/<file>.reason.txt}.
 */
public final class FeedRoutes extends RouteBuilder {
    static final String DONE = ".done";
    static final String ERROR = ".error";

    private final String consumerUri;
    private final String routeId;
    private final String feedName;
    private final Path reports;
    private final String store;
    private final String format;
    private final Map<String, String> options;
    private final SaleImporter importer;

    /**
     * @param consumerUri a Camel file or sftp consumer; it must move files to {@link #DONE} and {@link #ERROR}
     * @param reports the local folder whose {@code .done/} and {@code .error/} get the reports
     */
    public FeedRoutes(String consumerUri, String routeId, String feedName, Path reports, String store, String format,
                      Map<String, String> options, SaleImporter importer) {
        this.consumerUri = consumerUri;
        this.routeId = routeId;
        this.feedName = feedName;
        this.reports = reports;
        this.store = store;
        this.format = format;
        this.options = Map.copyOf(options);
        this.importer = importer;
    }

    /** A local folder: files are moved, and reports written, inside it. */
    public static FeedRoutes dropFolder(Path folder, String store, String format, Map<String, String> options,
                                        long pollMillis, SaleImporter importer) {
        // Files still being written are left alone until they stop changing; reports are never picked up.
        String uri = "file:" + folder + "?" + MOVES + "&readLock=changed&readLockCheckInterval=500"
                + "&readLockMinAge=1000&delay=" + pollMillis + "&exclude=" + EXCLUDE;
        return new FeedRoutes(uri, "ingest.folder." + store + "." + format, "folder:" + folder, folder, store,
                format, options, importer);
    }

    static final String MOVES = "move=" + DONE + "&moveFailed=" + ERROR;
    static final String EXCLUDE = ".*\\.(tmp|part|report\\.json|reason\\.txt)$";

    String routeId() {
        return routeId;
    }

    String feedName() {
        return feedName;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .logExhausted(false)
                .process(this::writeReason);

        from(consumerUri).routeId(routeId)
                .process(this::importFile);
    }

    private void importFile(Exchange exchange) throws IOException, UnreadableFileException {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        ImportReport report;
        try (InputStream in = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            report = importer.importSource(in, new ImportRequest(store, format, name, options, feedName),
                    ImportProgress.NONE);
        } catch (org.apache.camel.InvalidPayloadException e) {
            throw new IOException("cannot read " + name + ": " + e.getMessage(), e);
        }
        Path done = Files.createDirectories(reports.resolve(DONE));
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
        Path error = Files.createDirectories(reports.resolve(ERROR));
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
