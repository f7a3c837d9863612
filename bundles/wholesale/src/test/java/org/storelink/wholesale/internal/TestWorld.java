package org.storelink.wholesale.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.storelink.model.AreaProfile;
import org.storelink.model.Gtin;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.model.json.Json;
import org.storelink.stores.StoreRegistry;

/** Stores, suppliers, a clock and a database for the service and route tests. */
final class TestWorld {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    static final Gtin TEA = Gtin.parse("6901234567892");
    static final Gtin COFFEE = Gtin.parse("4006381333931");
    static final Gtin NOT_OFFERED = Gtin.parse("2000000000534");

    static final String SUPPLIERS = """
            {"suppliers": [
              {"id": "acme", "name": "ACME Wholesale", "partyId": "6912345000004", "format": "ubl",
               "channel": {"type": "partner"},
               "products": [
                 {"gtin": "6901234567892", "name": "Green tea 500ml", "packSize": 24, "leadTimeDays": 2,
                  "currency": "CNY", "tiers": [{"minQuantity": 1, "unitPrice": 250}, {"minQuantity": 240, "unitPrice": 230}]},
                 {"gtin": "4006381333931", "name": "Coffee beans 1kg", "packSize": 6, "leadTimeDays": 3,
                  "currency": "CNY", "tiers": [{"minQuantity": 6, "unitPrice": 9500}, {"minQuantity": 30, "unitPrice": 8950}]}
               ]},
              {"id": "beta", "format": "edifact", "regions": ["west"],
               "channel": {"type": "sftp", "uri": "sftp://edi.beta.example:22/in?username=storelink"},
               "products": [
                 {"gtin": "06901234567892", "name": "Green tea 500ml", "packSize": 12, "leadTimeDays": 1,
                  "currency": "CNY", "tiers": [{"minQuantity": 1, "unitPrice": 240}]}
               ]}
            ]}
            """;

    private TestWorld() {
    }

    static final class Stores implements StoreRegistry {
        final List<Store> stores = List.of(
                new Store("s1", "Campus", "east", AreaProfile.STUDENT, SHANGHAI, null),
                new Store("s2", "Office", "east", AreaProfile.OFFICE, SHANGHAI, null),
                new Store("s3", "Far", "west", AreaProfile.RESIDENTIAL, SHANGHAI, null));

        @Override
        public Optional<Store> store(String id) {
            return stores.stream().filter(store -> store.id().equals(id)).findFirst();
        }

        @Override
        public List<Store> stores() {
            return stores;
        }

        @Override
        public List<Region> regions() {
            return List.of(new Region("east", "East China"), new Region("west", "West China"));
        }

        @Override
        public Optional<byte[]> secret(String storeId) {
            return store(storeId).map(store -> ("secret-" + storeId).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Remembers what was sent; fails for the suppliers named in {@code failing}. */
    static final class CapturingSender implements PurchaseOrderSender {
        record Sent(PurchaseOrder order, Supplier supplier, byte[] document) {
        }

        final List<Sent> sent = new ArrayList<>();
        final java.util.Set<String> failing = new java.util.HashSet<>();

        @Override
        public void send(PurchaseOrder order, Supplier supplier, byte[] document) throws Exception {
            if (failing.contains(supplier.id())) {
                throw new java.io.IOException("connection refused by " + supplier.id());
            }
            sent.add(new Sent(order, supplier, document));
        }
    }

    static List<Supplier> suppliers() throws Exception {
        return CatalogReader.suppliersFile(Json.mapper().readTree(SUPPLIERS));
    }

    static WholesaleSettings settings() {
        return new WholesaleSettings(new BigDecimal("0.95"), new BigDecimal("1.645"), 7, 28, "6900000000018",
                "storelink", CronExpression.parse("0 0 18 * * ?"), SHANGHAI, true, Path.of("suppliers.json"),
                Path.of("sourcing.json"), 5, 1);
    }

    static WholesaleService service(DataSource dataSource, PurchaseOrderSender sender, Clock clock)
            throws Exception {
        WholesaleSchema.migrate(dataSource, TestWorld.class.getClassLoader());
        return new WholesaleService(new JdbcWholesale(dataSource), new Catalogs(suppliers()), new Stores(),
                settings(), Map.of("s1", new BigDecimal("0.5"), "s2", new BigDecimal("0.7")), sender, clock);
    }

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    static JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:wholesale-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    static void shutdownH2(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
