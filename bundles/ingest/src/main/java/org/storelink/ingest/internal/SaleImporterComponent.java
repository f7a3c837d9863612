package org.storelink.ingest.internal;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.jms.ConnectionFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.storelink.ingest.FeedStatus;
import org.storelink.ingest.FeedStatusService;
import org.storelink.ingest.ImportProgress;
import org.storelink.ingest.ImportReport;
import org.storelink.ingest.ImportRequest;
import org.storelink.ingest.SaleImporter;
import org.storelink.spi.PosFormat;
import org.storelink.stores.StoreRegistry;

/**
 * Tracks every installed {@link PosFormat} and running {@link Feed}: a format bundle installed at run time is
 * usable at once, and removing it takes it away.
 */
@Component(service = {SaleImporter.class, FeedStatusService.class})
public final class SaleImporterComponent implements SaleImporter, FeedStatusService {
    static final String CONSOLE_FEED = "console";

    private final Map<String, PosFormat> formats = new ConcurrentHashMap<>();
    private final List<Feed> feeds = new CopyOnWriteArrayList<>();
    private final FeedCounters counters = new FeedCounters();
    private final Importer importer;

    @Activate
    public SaleImporterComponent(@Reference StoreRegistry stores,
                                 @Reference(target = "(name=storelink)") ConnectionFactory connectionFactory) {
        Clock clock = Clock.systemUTC();
        importer = new Importer(stores, name -> Optional.ofNullable(formats.get(name)),
                source -> new SalePublisher(connectionFactory, source, clock), counters, clock);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFormat(PosFormat format) {
        formats.put(format.name(), format);
    }

    void removeFormat(PosFormat format) {
        formats.remove(format.name(), format);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFeed(Feed feed) {
        feeds.add(feed);
    }

    void removeFeed(Feed feed) {
        feeds.remove(feed);
    }

    @Override
    public List<String> formats() {
        return formats.keySet().stream().sorted().toList();
    }

    @Override
    public ImportReport importSource(InputStream source, ImportRequest request, ImportProgress progress) {
        return importer.run(source, request, progress);
    }

    @Override
    public List<FeedStatus> feeds() {
        List<FeedStatus> statuses = new ArrayList<>();
        Set<FeedCounters.Key> shown = new HashSet<>();
        for (Feed feed : feeds) {
            FeedStatus status = feed.status();
            FeedCounters.Key key = new FeedCounters.Key(status.adapter(), status.feed(), status.store());
            shown.add(key);
            statuses.add(withCounts(status, key));
        }
        for (String format : formats()) {
            // The console import, per store it has been used for, or once for the format if never used.
            List<FeedCounters.Key> used = counters.keys().stream()
                    .filter(k -> k.adapter().equals(format) && k.feed().equals(CONSOLE_FEED)).toList();
            if (used.isEmpty()) {
                statuses.add(new FeedStatus(format, CONSOLE_FEED, "*", true, "storelink:import", null, 0, 0));
            }
            for (FeedCounters.Key key : used) {
                shown.add(key);
                statuses.add(withCounts(new FeedStatus(format, CONSOLE_FEED, key.store(), true, "storelink:import",
                        null, 0, 0), key));
            }
        }
        for (FeedCounters.Key key : counters.keys()) {
            if (!shown.contains(key) && !formats.containsKey(key.adapter())) {
                statuses.add(withCounts(new FeedStatus(key.adapter(), key.feed(), key.store(), false,
                        "format " + key.adapter() + " is not installed", null, 0, 0), key));
            }
        }
        statuses.sort(Comparator.comparing(FeedStatus::adapter).thenComparing(FeedStatus::store)
                .thenComparing(FeedStatus::feed));
        return statuses;
    }

    private FeedStatus withCounts(FeedStatus status, FeedCounters.Key key) {
        FeedCounters.Counts counts = counters.get(key);
        return new FeedStatus(status.adapter(), status.feed(), status.store(), status.online(), status.reason(),
                counts.lastReceived.get(), counts.accepted.get(), counts.rejected.get());
    }
}
