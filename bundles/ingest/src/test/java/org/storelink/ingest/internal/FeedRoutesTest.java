package org.storelink.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.ingest.ImportProgress;
import org.storelink.ingest.ImportReport;
import org.storelink.ingest.ImportRequest;
import org.storelink.ingest.SaleImporter;
import org.storelink.model.Violation;

class FeedRoutesTest {
    private DefaultCamelContext camel;

    /** Reads the file as text: "ok" imports cleanly with one rejection, anything else is unreadable. */
    private static final SaleImporter IMPORTER = new SaleImporter() {
        @Override
        public List<String> formats() {
            return List.of("fake");
        }

        @Override
        public ImportReport importSource(InputStream source, ImportRequest request, ImportProgress progress) {
            String text;
            try {
                text = new String(source.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return new ImportReport(request.sourceName(), request.storeId(), request.format(), 2, 1, Map.of(),
                    List.of(new ImportReport.Rejection("r9", List.of(new Violation("lines[0].gtin", "bad")))),
                    text.equals("ok") ? null : "truncated at line 3");
        }
    };

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    private void start(Path folder) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(FeedRoutes.dropFolder(folder, "s1", "fake", Map.of(), 100, IMPORTER));
        camel.start();
    }

    @Test
    void importedFileMovesToDoneWithItsReport(@TempDir Path folder) throws Exception {
        start(folder);
        Files.writeString(folder.resolve("day1.txt"), "ok");

        Path report = folder.resolve(".done/day1.txt.report.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(folder.resolve(".done/day1.txt")));
        assertThat(report).exists();
        String json = Files.readString(report);
        assertThat(json).contains("\"accepted\":2").contains("\"rejected\":1").contains("r9")
                .contains("lines[0].gtin");
        assertThat(folder.resolve("day1.txt")).doesNotExist();
    }

    @Test
    void unreadableFileMovesToErrorWithTheReason(@TempDir Path folder) throws Exception {
        start(folder);
        Files.writeString(folder.resolve("broken.txt"), "<xml");

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(folder.resolve(".error/broken.txt")));
        assertThat(Files.readString(folder.resolve(".error/broken.txt.reason.txt")))
                .contains("truncated at line 3");
        assertThat(folder.resolve("broken.txt")).doesNotExist();
    }
}
