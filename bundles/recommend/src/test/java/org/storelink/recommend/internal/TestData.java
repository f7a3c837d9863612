package org.storelink.recommend.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.storelink.model.AreaProfile;
import org.storelink.model.Gtin;
import org.storelink.model.Region;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleRecorded;
import org.storelink.model.Store;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.stores.StoreRegistry;

/** Inputs shared by the recommend tests. */
final class TestData {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant RECORDED_AT = Instant.parse("2026-11-26T01:16:00Z");
    private static final AtomicInteger RECEIPTS = new AtomicInteger();

    private TestData() {
    }

    /** A fresh, empty in-memory database of its own. */
    static JdbcDataSource newDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:recommend-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    static void shutdown(DataSource dataSource) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    /** A valid GTIN-13 made from a 12-digit stem. */
    static String gtin(long stem) {
        String digits = String.format("%012d", stem);
        return Gtin.parse(digits + Gtin.checkDigit(digits)).value();
    }

    static SaleLine line(int lineNo, String gtin, String name, String quantity, long unitPrice) {
        return new SaleLine(lineNo, Gtin.parse(gtin), name, new BigDecimal(quantity), unitPrice, 0, null, null);
    }

    static SaleLine voiding(int lineNo, SaleLine voided) {
        return new SaleLine(lineNo, voided.gtin(), voided.name(), voided.quantity().negate(), voided.unitPrice(),
                voided.discount(), null, voided.lineNo());
    }

    static Sale sale(String storeId, String receiptNo, String occurredAt, SaleLine... lines) {
        long total = 0;
        for (SaleLine line : lines) {
            total += line.amount();
        }
        return new Sale(storeId, "till-1", receiptNo, OffsetDateTime.parse(occurredAt), "CNY", List.of(lines), 0, 0,
                List.of(), List.of(new Tender(TenderType.ALIPAY, total, "ref-" + receiptNo)), 0, null, null, null);
    }

    static Sale sale(String storeId, String occurredAt, SaleLine... lines) {
        return sale(storeId, "r" + RECEIPTS.incrementAndGet(), occurredAt, lines);
    }

    static SaleRecorded recorded(Sale sale) {
        return new SaleRecorded(UUID.randomUUID().toString(), RECORDED_AT, "pos-webhook", sale);
    }

    static Store store(String id, String region, AreaProfile area) {
        return new Store(id, id, region, area, SHANGHAI, null);
    }

    /** A fixed registry. */
    static final class Registry implements StoreRegistry {
        private final List<Store> stores = new ArrayList<>();
        private final List<Region> regions = new ArrayList<>();

        Registry region(String id, String name) {
            regions.add(new Region(id, name));
            return this;
        }

        Registry store(Store store) {
            stores.add(store);
            return this;
        }

        Registry stores(Collection<Store> all) {
            stores.addAll(all);
            return this;
        }

        @Override
        public Optional<Store> store(String id) {
            return stores.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public List<Store> stores() {
            return stores.stream().sorted(java.util.Comparator.comparing(Store::id)).toList();
        }

        @Override
        public List<Region> regions() {
            return regions.stream().sorted(java.util.Comparator.comparing(Region::id)).toList();
        }

        @Override
        public Optional<byte[]> secret(String storeId) {
            return Optional.empty();
        }
    }

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    static Map<String, Double> units(Object... gtinAndUnits) {
        java.util.Map<String, Double> map = new java.util.HashMap<>();
        for (int i = 0; i < gtinAndUnits.length; i += 2) {
            map.put((String) gtinAndUnits[i], ((Number) gtinAndUnits[i + 1]).doubleValue());
        }
        return map;
    }
}
