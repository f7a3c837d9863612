package org.storelink.promotions.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import org.storelink.model.json.Json;
import org.storelink.stores.StoreRegistry;

/** Stores, catalogs, sales and databases for the tests. */
final class Fixtures {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String BRAND = "acme-foods";
    static final String TEA = "6901234567892";
    static final String TEA_14 = "06901234567892";
    static final String NOODLES = "6920152400777";
    static final String COLA = "4006381333931";

    private Fixtures() {
    }

    /** A registry of fixed stores, each with the secret {@code secret-<id>}. */
    static final class Stores implements StoreRegistry {
        private final Map<String, Store> stores = new LinkedHashMap<>();

        Stores add(String id, String region, AreaProfile area) {
            stores.put(id, new Store(id, "Store " + id, region, area, SHANGHAI, null));
            return this;
        }

        @Override
        public Optional<Store> store(String id) {
            return Optional.ofNullable(stores.get(id));
        }

        @Override
        public List<Store> stores() {
            return stores.values().stream().sorted(Comparator.comparing(Store::id)).toList();
        }

        @Override
        public List<Region> regions() {
            return List.of();
        }

        @Override
        public Optional<byte[]> secret(String storeId) {
            return store(storeId).map(s -> ("secret-" + s.id()).getBytes(StandardCharsets.UTF_8));
        }
    }

    static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:promotions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    static void shutdownH2(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    /** Rows of a query as lists of values; decimals without trailing zeros. */
    static List<List<Object>> rows(DataSource dataSource, String sql, Object... parameters) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = select.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        Object value = result.getObject(c);
                        if (value instanceof BigDecimal decimal) {
                            value = JdbcPromotions.plain(decimal);
                        } else if (value instanceof Integer number) {
                            value = number.longValue();
                        } else if (value instanceof String text) {
                            value = text.strip();
                        }
                        row.add(value);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------- catalogs

    static ObjectNode catalog(String catalogId, long version, ObjectNode... promotions) {
        ObjectNode root = Json.mapper().createObjectNode()
                .put("type", "promotion-catalog")
                .put("catalogId", catalogId)
                .put("version", version)
                .put("brand", BRAND);
        ArrayNode list = root.putArray("promotions");
        Arrays.stream(promotions).forEach(list::add);
        return root;
    }

    /** 15% off green tea in December 2026 (Shanghai time), everywhere, CNY 1,000.00 budget. */
    static ObjectNode teaPromotion(String promotionId) {
        ObjectNode promotion = Json.mapper().createObjectNode()
                .put("promotionId", promotionId)
                .put("name", "Green tea 15% off");
        promotion.putArray("products").add(TEA);
        promotion.putObject("mechanics").put("type", "percent-off").put("percent", 15);
        promotion.putObject("validity").put("from", "2026-12-01T00:00:00+08:00").put("to", "2027-01-01T00:00:00+08:00");
        promotion.putObject("eligibility");
        promotion.putObject("budget").put("amount", 100_000).put("currency", "CNY");
        return promotion;
    }

    static byte[] bytes(ObjectNode node) {
        return Json.write(node);
    }

    static Catalog parse(ObjectNode catalog) {
        CatalogReader.Result result = CatalogReader.read(bytes(catalog), BRAND);
        if (!result.ok()) {
            throw new AssertionError("catalog invalid: " + result.problems());
        }
        return result.catalog();
    }

    // ------------------------------------------------------------------------------------------- sales

    static SaleLine line(int lineNo, String gtin, String quantity, long unitPrice, long discount, String code) {
        return new SaleLine(lineNo, Gtin.parse(gtin), "Product " + gtin, new BigDecimal(quantity), unitPrice,
                discount, code, null);
    }

    /** A sale paid exactly by one Alipay tender; the customer reference is what a till may send. */
    static SaleRecorded sale(String storeId, String receiptNo, String occurredAt, SaleLine... lines) {
        List<SaleLine> list = List.of(lines);
        long total = list.stream().mapToLong(SaleLine::amount).sum();
        Sale sale = new Sale(storeId, "till-1", receiptNo, OffsetDateTime.parse(occurredAt), "CNY", list, 0, 0,
                List.of(), List.of(new Tender(TenderType.ALIPAY, total, "ORDER-" + receiptNo)), 0, null,
                "loyal-customer-42", null);
        return new SaleRecorded(UUID.randomUUID().toString(), Instant.parse("2026-12-10T00:00:00Z"), "pos-webhook",
                sale, null);
    }

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}
