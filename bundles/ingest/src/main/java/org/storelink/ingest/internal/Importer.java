package org.storelink.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.storelink.ingest.ImportProgress;
import org.storelink.ingest.ImportReport;
import org.storelink.ingest.ImportRequest;
import org.storelink.model.Sale;
import org.storelink.model.SaleValidator;
import org.storelink.model.Store;
import org.storelink.model.Violation;
import org.storelink.spi.PosFormat;
import org.storelink.spi.SourceContext;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.UnreadableSourceException;
import org.storelink.stores.StoreRegistry;

/**
 * Reads a source with its format and publishes each accepted sale as it is read, so memory stays constant
 * whatever the size of the source. The platform checks what a format hands over: a sale must be valid and belong
 * to the store being imported, or it is rejected like any other bad transaction.
 */
final class Importer {

    /** Where accepted sales go; one per import. */
    interface Publisher extends AutoCloseable {
        /** @param businessDay the business day the source states, or {@code null} */
        void publish(Sale sale, java.time.LocalDate businessDay);

        @Override
        void close();
    }

    private final StoreRegistry stores;
    private final Function<String, Optional<PosFormat>> formats;
    private final Function<String, Publisher> publishers;
    private final FeedCounters counters;
    private final Clock clock;

    Importer(StoreRegistry stores, Function<String, Optional<PosFormat>> formats,
             Function<String, Publisher> publishers, FeedCounters counters, Clock clock) {
        this.stores = stores;
        this.formats = formats;
        this.publishers = publishers;
        this.counters = counters;
        this.clock = clock;
    }

    ImportReport run(InputStream source, ImportRequest request, ImportProgress progress) {
        Store store = stores.store(request.storeId()).orElseThrow(() -> new IllegalArgumentException(
                "store: no store with id \"" + request.storeId() + "\" is registered"));
        PosFormat format = formats.apply(request.format()).orElseThrow(() -> new IllegalArgumentException(
                "format: \"" + request.format() + "\" is not installed"));
        Tally tally = new Tally();
        CountingInputStream counting = new CountingInputStream(source);
        String unreadable = null;
        try (Publisher publisher = publishers.apply("pos-" + format.name())) {
            format.read(counting, new SourceContext(store, request.sourceName(), request.options()), tx -> {
                tally.take(tx, store, publisher);
                progress.advanced(counting.count(), tally.transactions);
            });
        } catch (UnreadableSourceException e) {
            unreadable = e.getMessage();
        } catch (IOException e) {
            unreadable = "reading failed: " + e.getMessage();
        } finally {
            counters.record(new FeedCounters.Key(format.name(), request.feed(), store.id()), tally.accepted,
                    tally.rejected, clock.instant());
        }
        return new ImportReport(request.sourceName(), store.id(), format.name(), tally.accepted, tally.rejected,
                tally.excluded, tally.rejections, unreadable);
    }

    private static final class Tally {
        long transactions;
        long accepted;
        long rejected;
        final Map<SourceTransaction.Kind, Long> excluded = new EnumMap<>(SourceTransaction.Kind.class);
        final List<ImportReport.Rejection> rejections = new ArrayList<>();

        void take(SourceTransaction tx, Store store, Publisher publisher) {
            transactions++;
            if (tx.isExcluded()) {
                excluded.merge(tx.kind(), 1L, Long::sum);
                return;
            }
            List<Violation> problems = tx.isAccepted() ? check(tx.sale(), store) : tx.problems();
            if (problems.isEmpty()) {
                publisher.publish(tx.sale(), tx.businessDay());
                accepted++;
            } else {
                rejected++;
                if (rejections.size() < ImportReport.MAX_LISTED) {
                    rejections.add(new ImportReport.Rejection(tx.reference(), problems));
                }
            }
        }

        private static List<Violation> check(Sale sale, Store store) {
            List<Violation> problems = new ArrayList<>(SaleValidator.validate(sale));
            if (!store.id().equals(sale.storeId())) {
                problems.add(new Violation("storeId", "sale of store \"" + sale.storeId()
                        + "\" in a source of store \"" + store.id() + "\""));
            }
            return problems;
        }
    }
}
