package org.storelink.ingest.command;

import org.storelink.stores.testing.AsUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.security.auth.Subject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.ingest.FeedStatus;
import org.storelink.ingest.ImportProgress;
import org.storelink.ingest.ImportReport;
import org.storelink.ingest.ImportRequest;
import org.storelink.ingest.SaleImporter;

class IngestCommandsTest {

    private static final SaleImporter NOT_REACHED = new SaleImporter() {
        @Override
        public List<String> formats() {
            return List.of("poslog", "csv");
        }

        @Override
        public ImportReport importSource(InputStream source, ImportRequest request, ImportProgress progress) {
            throw new AssertionError("not reached");
        }
    };

    private static String printed(Subject subject, AdapterListCommand command) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            AsUser.run(subject, command);
        } finally {
            System.setOut(console);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRegionalAdminCannotImportForAStoreOfAnotherRegion(@TempDir Path dir) throws Exception {
        ImportCommand command = new ImportCommand();
        command.importer = NOT_REACHED;
        command.stores = AsUser.STORES;
        command.file = Files.writeString(dir.resolve("day.xml"), "<POSLog/>").toString();
        command.trailing = List.of("--store", "bj-transit-004", "--format", "poslog");

        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, command)).isInstanceOf(SecurityException.class)
                .hasMessage(AsUser.REFUSED_NORTH);
    }

    @Test
    void aRegionalAdminSeesTheFeedsOfItsStoresAndThoseOpenToAny() throws Exception {
        AdapterListCommand command = new AdapterListCommand();
        command.stores = AsUser.STORES;
        command.feeds = () -> List.of(
                new FeedStatus("poslog", "console", "*", true, "storelink:import", null, 0, 0),
                new FeedStatus("poslog", "folder:/in/bj", "bj-transit-004", true, "polling", null, 7, 0),
                new FeedStatus("poslog", "folder:/in/sh", "sh-campus-001", true, "polling", null, 3, 1),
                new FeedStatus("csv", "folder:/in/gone", "closed-099", false, "no such store", null, 0, 0));

        assertThat(printed(AsUser.EAST_ADMIN, command)).contains("folder:/in/sh", "console")
                .doesNotContain("bj-transit-004").doesNotContain("closed-099");
        assertThat(printed(AsUser.PLATFORM_ADMIN, command)).contains("folder:/in/sh", "bj-transit-004",
                "closed-099");
    }

    @Test
    void aRegionalAdminImportsOnlyFromItsStoresImportFolder(@TempDir Path dir) throws Exception {
        Path own = Files.createDirectories(dir.resolve("import/sh-campus-001"));
        Path secret = Files.writeString(dir.resolve("storelink-admin-password"), "s3cret");
        Files.createSymbolicLink(own.resolve("link.csv"), secret);
        Files.writeString(own.resolve("day.xml"), "<POSLog/>");
        List<String> imported = new java.util.ArrayList<>();
        ImportCommand command = new ImportCommand();
        command.stores = AsUser.STORES;
        command.importRoot = dir.resolve("import");
        command.importer = new SaleImporter() {
            @Override
            public List<String> formats() {
                return List.of("poslog");
            }

            @Override
            public ImportReport importSource(InputStream source, ImportRequest request, ImportProgress progress) {
                imported.add(request.sourceName());
                throw new IllegalStateException("stop here");
            }
        };
        command.trailing = List.of("--store", "sh-campus-001", "--format", "poslog");

        for (Path outside : List.of(secret, own.resolve("../../storelink-admin-password"), own.resolve("link.csv"))) {
            command.file = outside.toString();
            assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, command)).isInstanceOf(SecurityException.class)
                    .hasMessageStartingWith("a regional admin imports files for store sh-campus-001 only from "
                            + own.toAbsolutePath());
        }
        command.file = own.resolve("day.xml").toString();
        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, command)).hasMessage("stop here");
        command.file = secret.toString();
        assertThatThrownBy(() -> AsUser.run(AsUser.PLATFORM_ADMIN, command)).as("the platform admin as before")
                .hasMessage("stop here");
        assertThat(imported).containsExactly("day.xml", "storelink-admin-password");
    }
}
