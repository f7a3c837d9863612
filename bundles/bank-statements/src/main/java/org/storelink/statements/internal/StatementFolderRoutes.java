package org.storelink.statements.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.storelink.model.Violation;
import org.storelink.model.json.Json;
import org.storelink.statements.StatementImportReport;
import org.storelink.statements.StatementImporter;

/**
 * A statement drop folder. An imported file moves to {@code .done/} with {@code <file>.report.json}; a rejected
 * one (malformed, or an account assigned to no store) to {@code .error/} with {@code <file>.reason.txt}. When the
 * broker does not take the settlements, the file stays where it is and is imported again at the next poll;
 * nothing is stored twice.
 */
public final class StatementFolderRoutes extends RouteBuilder {
    static final String DONE = ".done";
    static final String ERROR = ".error";
    static final long MIN_DELAY = 100;
    /** Where the file goes once the exchange completes; the consumer's {@code move} reads it. */
    static final String MOVE_TO = "storelinkStatementMoveTo";
    private static final String EXCLUDE = ".*\\.(tmp|part|report\\.json|reason\\.txt)$";

    private final Path folder;
    private final long delay;
    private final StatementImporter importer;
    private final String routeId;

    public StatementFolderRoutes(Path folder, long delay, StatementImporter importer) {
        this.folder = folder;
        this.delay = delay;
        this.importer = importer;
        this.routeId = "statements.folder." + folder.getFileName();
    }

    String routeId() {
        return routeId;
    }

    String consumerUri() {
        // Files still being written are left alone until they stop changing. Without moveFailed, a file whose
        // settlements could not be published stays for the next poll.
        return "file:" + folder + "?move=${exchangeProperty." + MOVE_TO + "}/${file:name}"
                + "&readLock=changed&readLockCheckInterval=500&readLockMinAge=1000"
                + "&delay=" + delay + "&exclude=" + EXCLUDE;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .logExhausted(false)
                .process(exchange -> {
                    Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    log.warn("{} left in {} to be imported again: {}",
                            exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY), folder,
                            cause == null ? "unknown" : cause.getMessage());
                });

        from(consumerUri()).routeId(routeId)
                .process(this::importFile);
    }

    private void importFile(Exchange exchange) throws Exception {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        StatementImportReport report;
        try (InputStream in = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            report = importer.importStatement(in, name, "folder:" + folder, false);
        }
        if (report.accepted()) {
            Path done = Files.createDirectories(folder.resolve(DONE));
            Files.write(done.resolve(name + ".report.json"), Json.write(report));
            exchange.setProperty(MOVE_TO, DONE);
        } else {
            writeReason(name, report);
            exchange.setProperty(MOVE_TO, ERROR);
        }
    }

    private void writeReason(String name, StatementImportReport report) throws IOException {
        Path error = Files.createDirectories(folder.resolve(ERROR));
        // One problem a line, each with its element path; the reason alone when there is no list.
        StringBuilder text = new StringBuilder();
        if (report.problems().isEmpty()) {
            text.append(report.rejected()).append(System.lineSeparator());
        }
        for (Violation problem : report.problems()) {
            text.append(problem).append(System.lineSeparator());
        }
        Files.writeString(error.resolve(name + ".reason.txt"), text, StandardCharsets.UTF_8);
    }
}
