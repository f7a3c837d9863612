package org.storelink.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.storelink.ingest.ImportProgress;
import org.storelink.ingest.ImportReport;
import org.storelink.ingest.ImportRequest;
import org.storelink.model.AreaProfile;
import org.storelink.model.Gtin;
import org.storelink.model.Region;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.Store;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.model.Violation;
import org.storelink.spi.PosFormat;
import org.storelink.spi.SourceContext;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.UnreadableSourceException;
import org.storelink.stores.StoreRegistry;

class ImporterTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Store STORE = new Store("s1", "Shop", "east", AreaProfile.STUDENT,
            ZoneId.of("Asia/Shanghai"), null);

    private final List<Sale> published = new ArrayList<>();
    private final List<String> businessDays = new ArrayList<>();
    private final FeedCounters counters = new FeedCounters();

    private static Sale sale(String storeId, String receipt, long price, long tendered) {
        return new Sale(storeId, "till", receipt, OffsetDateTime.parse("2026-11-26T09:00:00+08:00"), "CNY",
                List.of(new SaleLine(1, Gtin.parse("6901234567892"), "tea", BigDecimal.ONE, price, 0, null, null)),
                0, 0, List.of(), List.of(new Tender(TenderType.CASH, tendered, null)), 0, null, null, null);
    }

    /** A format that hands over a fixed list of transactions, then optionally fails as unreadable. */
    private static PosFormat format(List<SourceTransaction> transactions, String unreadableAfter) {
        return new PosFormat() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public String description() {
                return "test format";
            }

            @Override
            public void read(InputStream source, SourceContext context, Consumer<SourceTransaction> sink)
                    throws IOException, UnreadableSourceException {
                source.readAllBytes();
                transactions.forEach(sink);
                if (unreadableAfter != null) {
                    throw new UnreadableSourceException(unreadableAfter);
                }
            }
        };
    }

    private Importer importer(PosFormat format) {
        StoreRegistry stores = new StoreRegistry() {
            @Override
            public Optional<Store> store(String id) {
                return STORE.id().equals(id) ? Optional.of(STORE) : Optional.empty();
            }

            @Override
            public List<Store> stores() {
                return List.of(STORE);
            }

            @Override
            public List<Region> regions() {
                return List.of(new Region("east", "east"));
            }

            @Override
            public Optional<byte[]> secret(String storeId) {
                return Optional.empty();
            }
        };
        return new Importer(stores, name -> name.equals(format.name()) ? Optional.of(format) : Optional.empty(),
                source -> new Importer.Publisher() {
                    @Override
                    public void publish(Sale sale, java.time.LocalDate businessDay) {
                        published.add(sale);
                        businessDays.add(String.valueOf(businessDay));
                    }

                    @Override
                    public void close() {
                    }
                }, counters, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static InputStream bytes() {
        return new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.UTF_8));
    }

    private static ImportRequest request(String store, String format) {
        return new ImportRequest(store, format, "day.xml", Map.of(), "console");
    }

    @Test
    void publishesAcceptedSalesAndReportsTheRest() {
        List<SourceTransaction> transactions = List.of(
                SourceTransaction.accepted("r1", SourceTransaction.Kind.SALE, sale("s1", "r1", 350, 350),
                        java.time.LocalDate.parse("2026-11-25")),
                SourceTransaction.rejected("r2", List.of(new Violation("lines[0].gtin", "check digit is 3"))),
                SourceTransaction.excluded("r3", SourceTransaction.Kind.VOID, "voided"),
                SourceTransaction.excluded("r4", SourceTransaction.Kind.TRAINING, "training"),
                // handed over as accepted but unbalanced, and one for another store: the platform rejects both
                SourceTransaction.accepted("r5", SourceTransaction.Kind.SALE, sale("s1", "r5", 350, 300)),
                SourceTransaction.accepted("r6", SourceTransaction.Kind.SALE, sale("other", "r6", 100, 100)));
        List<Long> progress = new ArrayList<>();

        ImportReport report = importer(format(transactions, null)).run(bytes(), request("s1", "fake"),
                (read, count) -> progress.add(count));

        assertThat(published).extracting(Sale::receiptNo).containsExactly("r1");
        assertThat(businessDays).containsExactly("2026-11-25");
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.excluded()).containsEntry(SourceTransaction.Kind.VOID, 1L)
                .containsEntry(SourceTransaction.Kind.TRAINING, 1L);
        assertThat(report.rejections()).extracting(ImportReport.Rejection::reference)
                .containsExactly("r2", "r5", "r6");
        assertThat(report.rejections().get(1).problems()).extracting(Violation::path).contains("tenders");
        assertThat(report.rejections().get(2).problems()).extracting(Violation::path).contains("storeId");
        assertThat(report.complete()).isTrue();
        assertThat(progress).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        FeedCounters.Counts counts = counters.get(new FeedCounters.Key("fake", "console", "s1"));
        assertThat(counts.accepted.get()).isEqualTo(1);
        assertThat(counts.rejected.get()).isEqualTo(3);
        assertThat(counts.lastReceived.get()).isEqualTo(NOW);
    }

    @Test
    void anUnreadableSourceKeepsWhatWasReadAndSaysWhy() {
        ImportReport report = importer(format(List.of(
                SourceTransaction.accepted("r1", SourceTransaction.Kind.SALE, sale("s1", "r1", 350, 350))),
                "unexpected end of document at line 40")).run(bytes(), request("s1", "fake"), ImportProgress.NONE);

        assertThat(published).hasSize(1);
        assertThat(report.complete()).isFalse();
        assertThat(report.unreadable()).isEqualTo("unexpected end of document at line 40");
    }

    @Test
    void unknownStoreOrFormatIsRefusedBeforeReading() {
        Importer importer = importer(format(List.of(), null));

        assertThatThrownBy(() -> importer.run(bytes(), request("nope", "fake"), ImportProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("store:");
        assertThatThrownBy(() -> importer.run(bytes(), request("s1", "nope"), ImportProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("format:");
        assertThat(published).isEmpty();
    }
}
