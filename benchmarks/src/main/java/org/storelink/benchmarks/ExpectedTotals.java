package org.storelink.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the ledger must hold once every sale of a run is stored exactly once: the sale count, the revenue (tenders
 * less change, all in CNY) and, per product, the units and the line amounts (quantity x unit price rounded half up,
 * less the discount), computed from the generated bodies themselves. {@link #compare} checks the output of
 * {@code storelink:sales-summary --top 100} (all stores, all days) against it: the count and revenue come from the
 * ledger's sale table, the products from its rollup table, so a sale stored twice or a rollup row applied twice
 * (for instance when a message is redelivered after a crash) shows as a difference.
 */
final class ExpectedTotals {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SALES = Pattern.compile("(?m)^Sales: (\\d+)\\s*$");
    private static final Pattern REVENUE = Pattern.compile("(?m)^Revenue: (.*)$");
    private static final Pattern MONEY = Pattern.compile("([A-Z]{3}) (-?\\d+(?:\\.\\d+)?)");

    /** Units and revenue of one product. */
    record Product(BigDecimal units, long revenueMinor) {
        Product plus(Product other) {
            return new Product(units.add(other.units), revenueMinor + other.revenueMinor);
        }
    }

    private long sales;
    private long revenueMinor;
    private final Map<String, Product> products = new TreeMap<>();

    long sales() {
        return sales;
    }

    long revenueMinor() {
        return revenueMinor;
    }

    Map<String, Product> products() {
        return products;
    }

    /** Totals of sales {@code 0 .. count-1} of the generator's run. */
    static ExpectedTotals of(SaleGenerator generator, long count) {
        ExpectedTotals totals = new ExpectedTotals();
        for (long i = 0; i < count; i++) {
            totals.add(generator.sale(i).body());
        }
        return totals;
    }

    void add(byte[] body) {
        JsonNode sale;
        try {
            sale = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!"CNY".equals(sale.path("currency").asText())) {
            throw new IllegalArgumentException("only CNY sales are expected");
        }
        sales++;
        long tendered = 0;
        for (JsonNode tender : sale.path("tenders")) {
            tendered += tender.path("amount").asLong();
        }
        revenueMinor += tendered - sale.path("change").asLong(0);
        for (JsonNode line : sale.path("lines")) {
            BigDecimal quantity = line.path("quantity").decimalValue();
            long amount = quantity.multiply(BigDecimal.valueOf(line.path("unitPrice").asLong()))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact() - line.path("discount").asLong();
            String gtin14 = "0".repeat(14 - line.path("gtin").asText().length()) + line.path("gtin").asText();
            products.merge(gtin14, new Product(quantity, amount), Product::plus);
        }
    }

    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "expect: sales=%d revenue=%s products=%d", sales, cny(revenueMinor),
                products.size()));
        products.forEach((gtin, p) -> lines.add(String.format(Locale.ROOT, "expect_product: %s units=%s revenue=%s",
                gtin, p.units().stripTrailingZeros().toPlainString(), cny(p.revenueMinor()))));
        return lines;
    }

    /**
     * Differences between these totals and a {@code storelink:sales-summary --top N} output (N at least the number
     * of products); empty when the ledger holds exactly these sales.
     */
    List<String> compare(String summary) {
        List<String> problems = new ArrayList<>();
        Matcher count = SALES.matcher(summary);
        if (!count.find()) {
            problems.add("no 'Sales: N' line in the summary");
        } else if (Long.parseLong(count.group(1)) != sales) {
            problems.add("sales: ledger " + count.group(1) + ", expected " + sales);
        }
        Matcher revenue = REVENUE.matcher(summary);
        if (!revenue.find()) {
            problems.add("no 'Revenue:' line in the summary");
        } else {
            String expected = "CNY " + cny(revenueMinor);
            if (!revenue.group(1).trim().equals(expected)) {
                problems.add("revenue: ledger " + revenue.group(1).trim() + ", expected " + expected);
            }
        }
        Map<String, Product> seen = new TreeMap<>();
        for (String line : summary.split("\\R")) {
            String[] cells = line.split("\\|");
            if (cells.length != 4 || !cells[0].trim().matches("\\d{14}")) {
                continue;
            }
            Matcher money = MONEY.matcher(cells[3].trim());
            if (!money.matches() || !"CNY".equals(money.group(1))) {
                problems.add("product " + cells[0].trim() + ": unexpected revenue " + cells[3].trim());
                continue;
            }
            seen.put(cells[0].trim(), new Product(new BigDecimal(cells[2].trim()),
                    new BigDecimal(money.group(2)).movePointRight(2).longValueExact()));
        }
        for (Map.Entry<String, Product> entry : products.entrySet()) {
            Product actual = seen.get(entry.getKey());
            Product expected = entry.getValue();
            if (actual == null) {
                problems.add("product " + entry.getKey() + ": not in the summary");
            } else if (actual.units().compareTo(expected.units()) != 0
                    || actual.revenueMinor() != expected.revenueMinor()) {
                problems.add(String.format(Locale.ROOT, "product %s: ledger units=%s revenue=%s, expected units=%s revenue=%s",
                        entry.getKey(), actual.units().toPlainString(), cny(actual.revenueMinor()),
                        expected.units().stripTrailingZeros().toPlainString(), cny(expected.revenueMinor())));
            }
        }
        for (String gtin : seen.keySet()) {
            if (!products.containsKey(gtin)) {
                problems.add("product " + gtin + ": in the summary, not in any generated sale");
            }
        }
        return problems;
    }

    static String cny(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
