package org.storelink.promotions.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javax.sql.DataSource;

import org.storelink.model.AreaProfile;
import org.storelink.model.Gtin;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleRecorded;
import org.storelink.model.Store;
import org.storelink.model.Violation;
import org.storelink.promotions.Mechanics;

/**
 * The module's tables: catalogs and their promotions, redemptions, the daily sales of promoted products and the
 * reports sent. Every write is one database transaction, tried again when a concurrent one conflicts with it.
 */
public final class JdbcPromotions {
    static final int ATTEMPTS = 4;
    private static final String PROMOTION_COLUMNS = "promotion_id, brand, catalog_id, catalog_version, name,"
            + " mechanics_type, percent_off, price_minor, buy_quantity, get_quantity, bundle_quantity, valid_from,"
            + " valid_from_offset, valid_to, valid_to_offset, currency, budget_minor, budget_used_minor, withdrawn";

    private final DataSource dataSource;
    private final Function<String, Optional<Store>> stores;
    private final Clock clock;

    public JdbcPromotions(DataSource dataSource, Function<String, Optional<Store>> stores, Clock clock) {
        this.dataSource = dataSource;
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * What storing a catalog did: {@code problems} when it conflicts with what is stored (an older version, the same
     * version with other content, a promotion id another catalog uses); else whether anything changed and which
     * promotions the new version withdrew.
     */
    record CatalogOutcome(boolean changed, List<String> withdrawn, List<Violation> problems) {
        CatalogOutcome {
            withdrawn = List.copyOf(withdrawn);
            problems = List.copyOf(problems);
        }

        boolean accepted() {
            return problems.isEmpty();
        }
    }

    /** Whether the sale was processed now (false: before), and how many lines redeemed a promotion. */
    record SaleOutcome(boolean processed, int redemptions) {
    }

    /** One store's sales of a promotion's products on one business day. */
    record DailySales(String storeId, LocalDate day, BigDecimal units, long revenue) {
    }

    /** A promotion's redemption totals. */
    record Totals(long redemptions, BigDecimal units, long revenue, long discount, long expectedDiscount) {
    }

    // ------------------------------------------------------------------------------------------------ catalogs

    CatalogOutcome storeCatalog(Catalog catalog) throws SQLException {
        return inTransaction(connection -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Violation> problems = new ArrayList<>();
            Long storedVersion = null;
            String storedHash = null;
            try (PreparedStatement select = connection.prepareStatement("SELECT version, content_sha256 FROM"
                    + " promotions_catalog WHERE brand = ? AND catalog_id = ? FOR UPDATE")) {
                select.setString(1, catalog.brand());
                select.setString(2, catalog.catalogId());
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        storedVersion = rows.getLong(1);
                        storedHash = rows.getString(2);
                    }
                }
            }
            if (storedVersion != null) {
                if (catalog.version() < storedVersion) {
                    problems.add(new Violation("version", catalog.version() + " is older than version "
                            + storedVersion + " already accepted; send a version above " + storedVersion));
                } else if (catalog.version() == storedVersion) {
                    if (storedHash.equals(catalog.contentHash())) {
                        return new CatalogOutcome(false, List.of(), List.of());
                    }
                    problems.add(new Violation("version", catalog.version() + " was already accepted with other"
                            + " content; send the change as version " + (storedVersion + 1)));
                }
            }
            for (int i = 0; i < catalog.promotions().size(); i++) {
                String id = catalog.promotions().get(i).promotionId();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT brand, catalog_id FROM promotions_promotion WHERE promotion_id = ?")) {
                    select.setString(1, id);
                    try (ResultSet rows = select.executeQuery()) {
                        if (rows.next() && !(rows.getString(1).equals(catalog.brand())
                                && rows.getString(2).equals(catalog.catalogId()))) {
                            problems.add(new Violation("promotions[" + i + "].promotionId", "\"" + id
                                    + "\" is already used by " + (rows.getString(1).equals(catalog.brand())
                                    ? "your catalog \"" + rows.getString(2) + "\"" : "another brand")
                                    + "; promotion ids are promotion codes at the tills and must be unique"));
                        }
                    }
                }
            }
            if (!problems.isEmpty()) {
                return new CatalogOutcome(false, List.of(), problems);
            }
            if (storedVersion == null) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO promotions_catalog (brand,"
                        + " catalog_id, version, content_sha256, accepted_at) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, catalog.brand());
                    insert.setString(2, catalog.catalogId());
                    insert.setLong(3, catalog.version());
                    insert.setString(4, catalog.contentHash());
                    insert.setObject(5, now);
                    insert.executeUpdate();
                }
            } else {
                try (PreparedStatement update = connection.prepareStatement("UPDATE promotions_catalog SET"
                        + " version = ?, content_sha256 = ?, accepted_at = ? WHERE brand = ? AND catalog_id = ?")) {
                    update.setLong(1, catalog.version());
                    update.setString(2, catalog.contentHash());
                    update.setObject(3, now);
                    update.setString(4, catalog.brand());
                    update.setString(5, catalog.catalogId());
                    update.executeUpdate();
                }
            }
            Set<String> kept = new LinkedHashSet<>();
            for (PromotionDefinition promotion : catalog.promotions()) {
                upsertPromotion(connection, catalog, promotion, now);
                kept.add(promotion.promotionId());
            }
            List<String> withdrawn = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT promotion_id FROM"
                    + " promotions_promotion WHERE brand = ? AND catalog_id = ? AND withdrawn = FALSE"
                    + " ORDER BY promotion_id")) {
                select.setString(1, catalog.brand());
                select.setString(2, catalog.catalogId());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (!kept.contains(rows.getString(1))) {
                            withdrawn.add(rows.getString(1));
                        }
                    }
                }
            }
            for (String id : withdrawn) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE promotions_promotion SET"
                        + " withdrawn = TRUE, catalog_version = ?, updated_at = ? WHERE promotion_id = ?")) {
                    update.setLong(1, catalog.version());
                    update.setObject(2, now);
                    update.setString(3, id);
                    update.executeUpdate();
                }
            }
            return new CatalogOutcome(true, withdrawn, List.of());
        });
    }

    private static void upsertPromotion(Connection connection, Catalog catalog, PromotionDefinition promotion,
                                        OffsetDateTime now) throws SQLException {
        boolean exists;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM promotions_promotion WHERE promotion_id = ? FOR UPDATE")) {
            select.setString(1, promotion.promotionId());
            try (ResultSet rows = select.executeQuery()) {
                exists = rows.next();
            }
        }
        Mechanics mechanics = promotion.mechanics();
        String sql = exists
                ? "UPDATE promotions_promotion SET catalog_version = ?, name = ?, mechanics_type = ?, percent_off = ?,"
                + " price_minor = ?, buy_quantity = ?, get_quantity = ?, bundle_quantity = ?, valid_from = ?,"
                + " valid_from_offset = ?, valid_to = ?, valid_to_offset = ?, currency = ?, budget_minor = ?,"
                + " withdrawn = FALSE, updated_at = ? WHERE promotion_id = ?"
                : "INSERT INTO promotions_promotion (catalog_version, name, mechanics_type, percent_off, price_minor,"
                + " buy_quantity, get_quantity, bundle_quantity, valid_from, valid_from_offset, valid_to,"
                + " valid_to_offset, currency, budget_minor, updated_at, promotion_id, brand, catalog_id,"
                + " budget_used_minor, withdrawn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0,"
                + " FALSE)";
        try (PreparedStatement write = connection.prepareStatement(sql)) {
            write.setLong(1, catalog.version());
            write.setString(2, promotion.name());
            write.setString(3, mechanics.code());
            setInt(write, 4, mechanics instanceof Mechanics.PercentOff p ? p.percent() : null);
            setLong(write, 5, mechanics instanceof Mechanics.FixedPrice f ? Long.valueOf(f.price())
                    : mechanics instanceof Mechanics.BundlePrice b ? Long.valueOf(b.price()) : null);
            setInt(write, 6, mechanics instanceof Mechanics.BuyXGetY x ? x.buy() : null);
            setInt(write, 7, mechanics instanceof Mechanics.BuyXGetY x ? x.get() : null);
            setInt(write, 8, mechanics instanceof Mechanics.BundlePrice b ? b.quantity() : null);
            write.setObject(9, promotion.validFrom());
            write.setInt(10, promotion.validFrom().getOffset().getTotalSeconds());
            write.setObject(11, promotion.validTo());
            write.setInt(12, promotion.validTo().getOffset().getTotalSeconds());
            write.setString(13, promotion.budget().currency());
            write.setLong(14, promotion.budget().minor());
            write.setObject(15, now);
            write.setString(16, promotion.promotionId());
            if (!exists) {
                write.setString(17, catalog.brand());
                write.setString(18, catalog.catalogId());
            }
            write.executeUpdate();
        }
        for (String table : new String[] {"promotions_product", "promotions_eligibility"}) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE promotion_id = ?")) {
                delete.setString(1, promotion.promotionId());
                delete.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO promotions_product (promotion_id, gtin) VALUES (?, ?)")) {
            for (Gtin gtin : promotion.products()) {
                insert.setString(1, promotion.promotionId());
                insert.setString(2, gtin.value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Eligibility eligibility = promotion.eligibility();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO promotions_eligibility (promotion_id, kind, item) VALUES (?, ?, ?)")) {
            addEligibility(insert, promotion.promotionId(), "region", eligibility.regions());
            addEligibility(insert, promotion.promotionId(), "area",
                    eligibility.areas().stream().map(AreaProfile::label).toList());
            addEligibility(insert, promotion.promotionId(), "store", eligibility.stores());
            insert.executeBatch();
        }
        for (Gtin gtin : promotion.products()) {
            boolean tracked;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM promotions_tracked_gtin WHERE gtin = ?")) {
                select.setString(1, gtin.value());
                try (ResultSet rows = select.executeQuery()) {
                    tracked = rows.next();
                }
            }
            if (!tracked) {
                // A concurrent insert of the same product fails with a unique violation; the catalog is then
                // stored again from the start and finds the row.
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO promotions_tracked_gtin (gtin, tracked_since) VALUES (?, ?)")) {
                    insert.setString(1, gtin.value());
                    insert.setObject(2, now);
                    insert.executeUpdate();
                }
            }
        }
    }

    private static void addEligibility(PreparedStatement insert, String promotionId, String kind,
                                       Collection<String> items) throws SQLException {
        for (String item : new TreeSet<>(items)) {
            insert.setString(1, promotionId);
            insert.setString(2, kind);
            insert.setString(3, item);
            insert.addBatch();
        }
    }

    // ------------------------------------------------------------------------------------------------ sales

    /**
     * Processes a recorded sale once: adds its lines of tracked products to the daily rollup and counts the lines
     * that redeemed a promotion. A line redeems when its promotion code is the id of a promotion that, at the sale's
     * time, was not withdrawn, was in its validity and had budget left; the store is eligible; the line's product is
     * promoted; and the sale is in the promotion's currency. A line with a negative quantity (a void or a return)
     * of such a promotion code and product gives a redemption back whenever it comes.
     */
    SaleOutcome recordSale(SaleRecorded event) throws SQLException {
        Sale sale = event.sale();
        Optional<Store> store = stores.apply(sale.storeId());
        LocalDate day = businessDay(event, store);
        return inTransaction(connection -> {
            if (exists(connection, "SELECT 1 FROM promotions_sale WHERE sale_id = ?", sale.saleId())) {
                return new SaleOutcome(false, 0);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO promotions_sale (sale_id,"
                    + " store_id, business_day, processed_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, sale.saleId());
                insert.setString(2, sale.storeId());
                insert.setDate(3, Date.valueOf(day));
                insert.setObject(4, OffsetDateTime.now(clock));
                insert.executeUpdate();
            }
            // Lines of one product are summed first, so the rollup row is written once per sale.
            Map<String, BigDecimal> units = new HashMap<>();
            Map<String, Long> revenue = new HashMap<>();
            int redemptions = 0;
            Map<String, Optional<PromotionRow>> promotions = new HashMap<>();
            for (SaleLine line : sale.lines()) {
                if (line.gtin() == null) {
                    continue;
                }
                String gtin = line.gtin().value();
                if (exists(connection, "SELECT 1 FROM promotions_tracked_gtin WHERE gtin = ?", gtin)) {
                    units.merge(gtin, line.quantity(), BigDecimal::add);
                    revenue.merge(gtin, line.amount(), Math::addExact);
                }
                String code = line.promotionCode() == null ? "" : line.promotionCode().strip();
                if (code.isEmpty()) {
                    continue;
                }
                Optional<PromotionRow> promotion = promotions.get(code);
                if (promotion == null) {
                    promotion = promotion(connection, code, true);
                }
                if (promotion.isEmpty() || !redeems(promotion.get(), sale, store, line)) {
                    promotions.put(code, promotion);
                    continue;
                }
                PromotionRow row = promotion.get();
                boolean giveBack = line.quantity().signum() < 0;
                long discount = giveBack ? -line.discount() : line.discount();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO promotions_redemption"
                        + " (sale_id, line_no, promotion_id, store_id, business_day, gtin, redemptions, units,"
                        + " revenue_minor, discount_minor, expected_discount_minor)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, sale.saleId());
                    insert.setInt(2, line.lineNo());
                    insert.setString(3, row.promotionId());
                    insert.setString(4, sale.storeId());
                    insert.setDate(5, Date.valueOf(day));
                    insert.setString(6, gtin);
                    insert.setInt(7, giveBack ? -1 : 1);
                    insert.setBigDecimal(8, line.quantity());
                    insert.setLong(9, line.amount());
                    insert.setLong(10, discount);
                    insert.setLong(11, row.mechanics().discount(line.quantity(), line.unitPrice()));
                    insert.executeUpdate();
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE promotions_promotion SET"
                        + " budget_used_minor = budget_used_minor + ? WHERE promotion_id = ?")) {
                    update.setLong(1, discount);
                    update.setString(2, row.promotionId());
                    update.executeUpdate();
                }
                redemptions++;
                promotions.put(code, promotion(connection, code, false));
            }
            for (Map.Entry<String, BigDecimal> product : new java.util.TreeMap<>(units).entrySet()) {
                addDaily(connection, product.getKey(), day, sale.storeId(), sale.currency(), product.getValue(),
                        revenue.get(product.getKey()));
            }
            return new SaleOutcome(true, redemptions);
        });
    }

    private static boolean redeems(PromotionRow promotion, Sale sale, Optional<Store> store, SaleLine line) {
        if (!promotion.products().contains(line.gtin().value()) || !promotion.currency().equals(sale.currency())
                || !promotion.admits(sale.storeId(), store)) {
            return false;
        }
        if (line.quantity().signum() < 0) {
            return true;
        }
        return line.quantity().signum() > 0 && sale.occurredAt() != null
                && promotion.activeAt(sale.occurredAt().toInstant());
    }

    private static void addDaily(Connection connection, String gtin, LocalDate day, String storeId, String currency,
                                 BigDecimal units, long revenue) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE promotions_sales_daily SET"
                + " units = units + ?, revenue_minor = revenue_minor + ?"
                + " WHERE gtin = ? AND business_day = ? AND store_id = ? AND currency = ?")) {
            update.setBigDecimal(1, units);
            update.setLong(2, revenue);
            update.setString(3, gtin);
            update.setDate(4, Date.valueOf(day));
            update.setString(5, storeId);
            update.setString(6, currency);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        // Two sales creating the same row at once: one fails with a unique violation and is tried again.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO promotions_sales_daily (gtin,"
                + " business_day, store_id, currency, units, revenue_minor) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, gtin);
            insert.setDate(2, Date.valueOf(day));
            insert.setString(3, storeId);
            insert.setString(4, currency);
            insert.setBigDecimal(5, units);
            insert.setLong(6, revenue);
            insert.executeUpdate();
        }
    }

    /** The day the source states, else the date in the store's zone, else the date at the till's own offset. */
    static LocalDate businessDay(SaleRecorded event, Optional<Store> store) {
        if (event.businessDay() != null) {
            return event.businessDay();
        }
        OffsetDateTime at = event.sale().occurredAt();
        return store.map(s -> at.atZoneSameInstant(s.zone()).toLocalDate()).orElse(at.toLocalDate());
    }

    // ------------------------------------------------------------------------------------------------ reading

    Optional<PromotionRow> promotion(String promotionId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return promotion(connection, promotionId, false);
        }
    }

    /** Promotions not withdrawn whose validity overlaps [from, to). */
    List<PromotionRow> promotionsOverlapping(Instant from, Instant to) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT promotion_id FROM promotions_promotion"
                     + " WHERE withdrawn = FALSE AND valid_from < ? AND valid_to > ? ORDER BY promotion_id")) {
            select.setObject(1, to.atOffset(ZoneOffset.UTC));
            select.setObject(2, from.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            List<PromotionRow> promotions = new ArrayList<>();
            for (String id : ids) {
                promotion(connection, id, false).ifPresent(promotions::add);
            }
            return promotions;
        }
    }

    Totals totals(String promotionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COALESCE(SUM(redemptions), 0),"
                     + " COALESCE(SUM(units), 0), COALESCE(SUM(revenue_minor), 0), COALESCE(SUM(discount_minor), 0),"
                     + " COALESCE(SUM(expected_discount_minor), 0) FROM promotions_redemption WHERE promotion_id = ?")) {
            select.setString(1, promotionId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new Totals(rows.getLong(1), plain(rows.getBigDecimal(2)), rows.getLong(3), rows.getLong(4),
                        rows.getLong(5));
            }
        }
    }

    /** Stores where the promotion was redeemed more often than given back. */
    Set<String> participatingStores(String promotionId) throws SQLException {
        Set<String> stores = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT store_id FROM promotions_redemption"
                     + " WHERE promotion_id = ? GROUP BY store_id HAVING SUM(redemptions) > 0")) {
            select.setString(1, promotionId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stores.add(rows.getString(1));
                }
            }
        }
        return stores;
    }

    /** Per store and day, the sales of any of the products in the currency, from {@code from} to {@code to}. */
    List<DailySales> dailySales(Collection<String> gtins, String currency, LocalDate from, LocalDate to)
            throws SQLException {
        List<DailySales> sales = new ArrayList<>();
        if (gtins.isEmpty()) {
            return sales;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(gtins.size(), "?"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT store_id, business_day, SUM(units),"
                     + " SUM(revenue_minor) FROM promotions_sales_daily WHERE gtin IN (" + marks + ")"
                     + " AND currency = ? AND business_day BETWEEN ? AND ? GROUP BY store_id, business_day"
                     + " ORDER BY store_id, business_day")) {
            int index = 1;
            for (String gtin : gtins) {
                select.setString(index++, gtin);
            }
            select.setString(index++, currency);
            select.setDate(index++, Date.valueOf(from));
            select.setDate(index, Date.valueOf(to));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sales.add(new DailySales(rows.getString(1), rows.getDate(2).toLocalDate(), rows.getBigDecimal(3),
                            rows.getLong(4)));
                }
            }
        }
        return sales;
    }

    /** Since when the sales of all these products are kept: the latest of their tracking starts. */
    Optional<Instant> trackedSince(Collection<String> gtins) throws SQLException {
        if (gtins.isEmpty()) {
            return Optional.empty();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(gtins.size(), "?"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT MAX(tracked_since) FROM promotions_tracked_gtin WHERE gtin IN (" + marks + ")")) {
            int index = 1;
            for (String gtin : gtins) {
                select.setString(index++, gtin);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                OffsetDateTime since = rows.getObject(1, OffsetDateTime.class);
                return Optional.ofNullable(since).map(OffsetDateTime::toInstant);
            }
        }
    }

    boolean reportSent(String promotionId, Instant periodStart) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM promotions_report_sent WHERE promotion_id = ? AND period_start = ?")) {
            select.setString(1, promotionId);
            select.setObject(2, periodStart.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    void markReportSent(String promotionId, Instant periodStart, String duplicateId) throws SQLException {
        inTransaction(connection -> {
            if (!exists(connection, "SELECT 1 FROM promotions_report_sent WHERE promotion_id = ? AND"
                    + " period_start = ?", promotionId, periodStart.atOffset(ZoneOffset.UTC))) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO promotions_report_sent"
                        + " (promotion_id, period_start, duplicate_id, sent_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, promotionId);
                    insert.setObject(2, periodStart.atOffset(ZoneOffset.UTC));
                    insert.setString(3, duplicateId);
                    insert.setObject(4, OffsetDateTime.now(clock));
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    private static Optional<PromotionRow> promotion(Connection connection, String promotionId, boolean lock)
            throws SQLException {
        PromotionRow row;
        try (PreparedStatement select = connection.prepareStatement("SELECT " + PROMOTION_COLUMNS
                + " FROM promotions_promotion WHERE promotion_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, promotionId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                row = readPromotion(rows, connection);
            }
        }
        return Optional.of(row);
    }

    private static PromotionRow readPromotion(ResultSet rows, Connection connection) throws SQLException {
        String id = rows.getString("promotion_id");
        String currency = rows.getString("currency").strip();
        Mechanics mechanics = switch (rows.getString("mechanics_type")) {
            case Mechanics.PercentOff.CODE -> new Mechanics.PercentOff(rows.getInt("percent_off"));
            case Mechanics.FixedPrice.CODE -> new Mechanics.FixedPrice(rows.getLong("price_minor"), currency);
            case Mechanics.BuyXGetY.CODE -> new Mechanics.BuyXGetY(rows.getInt("buy_quantity"),
                    rows.getInt("get_quantity"));
            case Mechanics.BundlePrice.CODE -> new Mechanics.BundlePrice(rows.getInt("bundle_quantity"),
                    rows.getLong("price_minor"), currency);
            default -> throw new SQLException("promotion " + id + " has unknown mechanics "
                    + rows.getString("mechanics_type"));
        };
        OffsetDateTime from = rows.getObject("valid_from", OffsetDateTime.class)
                .withOffsetSameInstant(ZoneOffset.ofTotalSeconds(rows.getInt("valid_from_offset")));
        OffsetDateTime to = rows.getObject("valid_to", OffsetDateTime.class)
                .withOffsetSameInstant(ZoneOffset.ofTotalSeconds(rows.getInt("valid_to_offset")));
        String brand = rows.getString("brand");
        String catalogId = rows.getString("catalog_id");
        long version = rows.getLong("catalog_version");
        String name = rows.getString("name");
        long budget = rows.getLong("budget_minor");
        long used = rows.getLong("budget_used_minor");
        boolean withdrawn = rows.getBoolean("withdrawn");

        Set<String> products = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT gtin FROM promotions_product WHERE promotion_id = ?")) {
            select.setString(1, id);
            try (ResultSet items = select.executeQuery()) {
                while (items.next()) {
                    products.add(items.getString(1).strip());
                }
            }
        }
        Set<String> regions = new TreeSet<>();
        Set<AreaProfile> areas = EnumSet.noneOf(AreaProfile.class);
        Set<String> stores = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT kind, item FROM promotions_eligibility WHERE promotion_id = ?")) {
            select.setString(1, id);
            try (ResultSet items = select.executeQuery()) {
                while (items.next()) {
                    switch (items.getString(1)) {
                        case "region" -> regions.add(items.getString(2));
                        case "area" -> areas.add(AreaProfile.parse(items.getString(2)));
                        case "store" -> stores.add(items.getString(2));
                        default -> throw new SQLException("promotion " + id + " has an eligibility of unknown kind "
                                + items.getString(1));
                    }
                }
            }
        }
        return new PromotionRow(id, brand, catalogId, version, name, mechanics, from, to, currency, budget, used,
                withdrawn, products, new Eligibility(regions, areas, stores));
    }

    /** 12.000 as 12, 1.500 as 1.5: quantities as a person writes them. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static boolean exists(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    if (!(e instanceof SQLException sql) || !retryable(sql) || attempt >= ATTEMPTS) {
                        throw e;
                    }
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            }
        }
    }

    /** Conflicts that succeed when tried again: unique violation, serialization failure, deadlock, H2 lock timeout. */
    static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || "40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state);
    }
}
