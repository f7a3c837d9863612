package org.storelink.ingest.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.storelink.ingest.ImportReport;
import org.storelink.ingest.ImportRequest;
import org.storelink.ingest.SaleImporter;
import org.storelink.model.Violation;
import org.storelink.stores.RegionAccess;
import org.storelink.stores.StoreRegistry;

@Service
@Command(scope = "storelink", name = "import",
        description = "Imports a POS export file for a store, with a progress bar and an accepted/rejected summary.")
public class ImportCommand implements Action {
    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    @Argument(index = 0, name = "FILE", description = "The file to import", required = true)
    String file;

    /** Karaf's shell reads options only before the first argument; the documented form puts them after FILE. */
    @Argument(index = 1, name = "OPTIONS", description = "--store ID --format NAME [--option key=value ...]",
            multiValued = true)
    List<String> trailing = List.of();

    @Option(name = "--store", description = "Store id (required)")
    String store;

    @Option(name = "--format", description = "Format (required): poslog, csv or any installed one")
    String format;

    @Option(name = "--option", description = "Format option key=value (repeatable), e.g. csv.charset=GBK",
            multiValued = true)
    List<String> options = List.of();

    @Reference
    SaleImporter importer;

    @Reference
    StoreRegistry stores;

    /** Where regional admins' files must be: data/storelink/import/<store>/, unless a test says otherwise. */
    Path importRoot;

    @Override
    public Object execute() throws IOException {
        RegionAccess access = RegionAccess.current();
        readTrailingOptions();
        if (store == null || store.isBlank()) {
            throw new IllegalArgumentException("--store: is required");
        }
        access.checkStore(stores, store);
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("--format: is required (installed: " + importer.formats() + ")");
        }
        Path path = Path.of(file);
        Path allowed = access.isPlatformAdmin() ? null : storeImportFolder();
        if (allowed != null && !path.toAbsolutePath().normalize().startsWith(allowed)) {
            throw notAllowed(allowed);
        }
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("FILE: " + file + " does not exist");
        }
        if (allowed != null && !path.toRealPath().startsWith(allowed.toRealPath())) {
            throw notAllowed(allowed); // a link out of the folder
        }
        PrintStream out = System.out;
        ImportReport report;
        try (InputStream in = Files.newInputStream(path)) {
            long[] lastDraw = {0};
            report = importer.importSource(in, new ImportRequest(store, format, path.getFileName().toString(),
                    parse(options), "console"), (bytes, transactions) -> {
                long now = System.nanoTime();
                if (now - lastDraw[0] >= REDRAW_NANOS) {
                    lastDraw[0] = now;
                    out.print("\r" + bar(bytes, size) + " " + transactions + " transactions");
                    out.flush();
                }
            });
        }
        out.println("\r" + bar(size, size) + " done" + " ".repeat(20));
        print(out, report);
        return null;
    }

    /**
     * A regional admin imports only from its store's own folder: the shell runs with the platform's rights, and a
     * file that is not a sales export is echoed in the errors, so any other path could read the platform's secrets.
     */
    private Path storeImportFolder() {
        Path root = importRoot != null ? importRoot
                : Path.of(System.getProperty("karaf.data", "data"), "storelink", "import");
        return root.resolve(store).toAbsolutePath().normalize();
    }

    private SecurityException notAllowed(Path folder) {
        return new SecurityException("a regional admin imports files for store " + store + " only from " + folder
                + "; FILE: " + file + " is not there");
    }

    private void readTrailingOptions() {
        List<String> collected = new java.util.ArrayList<>(options);
        for (int i = 0; i < trailing.size(); i++) {
            String token = trailing.get(i);
            if (i + 1 >= trailing.size()) {
                throw new IllegalArgumentException(token + ": a value is missing");
            }
            String value = trailing.get(++i);
            switch (token) {
                case "--store" -> store = value;
                case "--format" -> format = value;
                case "--option" -> collected.add(value);
                default -> throw new IllegalArgumentException(token + ": unknown option (use --store, --format,"
                        + " --option)");
            }
        }
        options = collected;
    }

    static String bar(long done, long total) {
        int filled = total <= 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
        int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + percent + "%";
    }

    static void print(PrintStream out, ImportReport report) {
        out.println("Imported " + report.sourceName() + " for store " + report.storeId() + " as " + report.format());
        out.println("Accepted: " + report.accepted());
        out.println("Rejected: " + report.rejected());
        out.println("Excluded: " + (report.excluded().isEmpty() ? "0" : report.excluded().entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase().replace('_', '-') + " " + e.getValue())
                .collect(Collectors.joining(", "))));
        if (!report.complete()) {
            out.println("Unreadable: " + report.unreadable());
        }
        for (ImportReport.Rejection rejection : report.rejections()) {
            out.println("  rejected " + rejection.reference() + ": " + rejection.problems().stream()
                    .map(Violation::toString).collect(Collectors.joining("; ")));
        }
    }

    private static Map<String, String> parse(List<String> pairs) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--option: \"" + pair + "\" is not key=value");
            }
            parsed.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return parsed;
    }
}
