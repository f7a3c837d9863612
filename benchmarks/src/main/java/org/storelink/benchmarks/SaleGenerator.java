package org.storelink.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Makes realistic, valid, signed sales. Sale {@code i} of a run is the same whichever thread makes it (its random
 * numbers are seeded from the run id and {@code i}); its receipt number {@code <runId>-<i>} makes it distinct.
 * Each sale has 1-5 lines of a small convenience-store catalogue (EAN-13 numbers with valid check digits, some
 * goods sold by weight), occasional member discounts, and one tender equal to the total (cash may give change).
 * The till time is "now" less up to two minutes, or, with a fixed base time, that base less up to two minutes: then
 * sale {@code i} is byte for byte the same whenever it is made (what a resend of an unacknowledged sale needs).
 */
final class SaleGenerator {

    /** What a run ids must look like: it becomes part of receipt numbers, which may not contain '/'. */
    static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    private static final DateTimeFormatter TILL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] TENDERS = {"alipay", "wechat", "card", "cash"};
    private static final int[] TENDER_WEIGHTS = {40, 35, 10, 15};
    private static final int[] LINE_COUNT_WEIGHTS = {35, 25, 20, 12, 8};

    /** A catalogue item: price in fen (per unit, or per kg when sold by weight). */
    record Product(String gtin, String name, long unitPrice, boolean byWeight) {
    }

    /** A ready request: the store it is posted for, the raw body and its signature header value. */
    record SignedSale(String storeId, String posId, String receiptNo, byte[] body, String signature) {

        /** The platform's idempotency key, {@code storeId/posId/receiptNo}. */
        String saleId() {
            return storeId + "/" + posId + "/" + receiptNo;
        }
    }

    static final List<Product> CATALOGUE = catalogue();

    private final List<StoreList.Store> stores;
    private final String runId;
    private final long seed;
    private final Instant baseTime;

    SaleGenerator(List<StoreList.Store> stores, String runId) {
        this(stores, runId, null);
    }

    /** @param baseTime the till clock the sales are dated from; null: the current time when each sale is made */
    SaleGenerator(List<StoreList.Store> stores, String runId, Instant baseTime) {
        if (stores.isEmpty()) {
            throw new IllegalArgumentException("no stores");
        }
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id must match " + RUN_ID.pattern() + ": " + runId);
        }
        this.stores = List.copyOf(stores);
        this.runId = runId;
        this.seed = runId.hashCode() * 0x9E3779B97F4A7C15L;
        this.baseTime = baseTime;
    }

    String runId() {
        return runId;
    }

    /** The fixed base time, or null when sales are dated from the current time. */
    Instant baseTime() {
        return baseTime;
    }

    /** Sale number {@code index} of this run, signed with its store's secret. */
    SignedSale sale(long index) {
        SplittableRandom random = new SplittableRandom(seed ^ (index * 0xBF58476D1CE4E5B9L));
        StoreList.Store store = stores.get((int) (index % stores.size()));
        String receiptNo = runId + "-" + index;
        String posId = "till-" + (1 + random.nextInt(3));
        byte[] body = body(random, store, posId, receiptNo, baseTime);
        return new SignedSale(store.id(), posId, receiptNo, body,
                "sha256=" + HexFormat.of().formatHex(hmac(store.secret(), body)));
    }

    private static byte[] body(SplittableRandom random, StoreList.Store store, String posId, String receiptNo,
                               Instant baseTime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(768);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("posId", posId);
            json.writeStringField("receiptNo", receiptNo);
            ZonedDateTime now = baseTime == null ? ZonedDateTime.now(store.zone()) : baseTime.atZone(store.zone());
            ZonedDateTime at = now.minusSeconds(random.nextInt(120)).truncatedTo(ChronoUnit.SECONDS);
            json.writeStringField("occurredAt", TILL_TIME.format(at));
            json.writeStringField("currency", "CNY");

            long total = 0;
            int lineCount = 1 + weighted(random, LINE_COUNT_WEIGHTS);
            int first = random.nextInt(CATALOGUE.size());
            json.writeArrayFieldStart("lines");
            for (int i = 0; i < lineCount; i++) {
                // every fifth catalogue entry from a random start (5 and 28 are coprime): no product twice on a receipt
                Product product = CATALOGUE.get((first + i * 5) % CATALOGUE.size());
                BigDecimal quantity = product.byWeight()
                        ? BigDecimal.valueOf(150 + random.nextInt(1351), 3)
                        : BigDecimal.valueOf(random.nextInt(10) < 8 ? 1 : 2 + random.nextInt(2));
                long gross = quantity.multiply(BigDecimal.valueOf(product.unitPrice()))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
                boolean promoted = random.nextInt(100) < 15;
                long discount = promoted ? gross / 10 : 0;
                total += gross - discount;

                json.writeStartObject();
                json.writeNumberField("lineNo", i + 1);
                json.writeStringField("gtin", product.gtin());
                json.writeStringField("name", product.name());
                json.writeNumberField("quantity", quantity);
                json.writeNumberField("unitPrice", product.unitPrice());
                json.writeNumberField("discount", discount);
                if (promoted) {
                    json.writeStringField("promotionCode", "MEMBER10");
                } else {
                    json.writeNullField("promotionCode");
                }
                json.writeEndObject();
            }
            json.writeEndArray();

            String type = TENDERS[weighted(random, TENDER_WEIGHTS)];
            long tendered = total;
            if ("cash".equals(type)) {
                // a note or two: rounded up to 10, 20, 50 or 100 yuan
                long[] notes = {1000, 2000, 5000, 10000};
                long note = notes[random.nextInt(notes.length)];
                tendered = ((total + note - 1) / note) * note;
            }
            json.writeArrayFieldStart("tenders");
            json.writeStartObject();
            json.writeStringField("type", type);
            json.writeNumberField("amount", tendered);
            if ("cash".equals(type)) {
                json.writeNullField("reference");
            } else {
                json.writeStringField("reference", digits(random, 24));
            }
            json.writeEndObject();
            json.writeEndArray();
            if (tendered != total) {
                json.writeNumberField("change", tendered - total);
            }
            if (random.nextInt(100) < 30) {
                json.writeStringField("customerRef", "mbr-" + Long.toHexString(random.nextLong() >>> 24));
            } else {
                json.writeNullField("customerRef");
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int weighted(SplittableRandom random, int[] weights) {
        int sum = 0;
        for (int weight : weights) {
            sum += weight;
        }
        int pick = random.nextInt(sum);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }

    static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** GS1 check digit of the digits before it: weights 3,1,3,... from the rightmost digit leftwards. */
    static int checkDigit(String digits) {
        int sum = 0;
        int weight = 3;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum += (digits.charAt(i) - '0') * weight;
            weight = weight == 3 ? 1 : 3;
        }
        return (10 - sum % 10) % 10;
    }

    /** An EAN-13: a 12-digit number plus its check digit. */
    static String ean13(String twelveDigits) {
        if (twelveDigits.length() != 12 || !twelveDigits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("need 12 digits: " + twelveDigits);
        }
        return twelveDigits + checkDigit(twelveDigits);
    }

    private static List<Product> catalogue() {
        // 690-699: GS1 China; 2x: in-store numbers for goods weighed at the till
        Object[][] items = {
            {"Green tea 500ml", 350L}, {"Cola 330ml can", 300L}, {"Mineral water 550ml", 200L},
            {"Instant noodles beef", 450L}, {"Milk 250ml", 380L}, {"Yogurt 200g", 650L},
            {"White bread 400g", 890L}, {"Chocolate bar 45g", 750L}, {"Potato chips 70g", 850L},
            {"Latte 280ml", 690L}, {"Rice ball tuna", 580L}, {"Ham sandwich", 1290L},
            {"Tea egg", 250L}, {"Pork bun", 300L}, {"Oolong tea 500ml", 450L},
            {"Orange juice 1L", 1590L}, {"Chewing gum", 350L}, {"Tissues 10-pack", 500L},
            {"Toothbrush", 990L}, {"AA batteries x4", 2490L}, {"Folding umbrella", 3990L},
            {"USB-C cable", 2990L}, {"Beer 500ml", 690L}, {"Soy milk 300ml", 400L},
        };
        Object[][] weighed = {
            {"Bananas (kg)", 798L}, {"Apples (kg)", 1298L}, {"Mandarins (kg)", 998L},
            {"Cherry tomatoes (kg)", 1598L},
        };
        java.util.ArrayList<Product> products = new java.util.ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            String base = String.format("69%02d%08d", 1 + i % 9, 12_345 + i * 7_919);
            products.add(new Product(ean13(base), (String) items[i][0], (Long) items[i][1], false));
        }
        for (int i = 0; i < weighed.length; i++) {
            String base = String.format("20%05d00000", 1001 + i);
            products.add(new Product(ean13(base), (String) weighed[i][0], (Long) weighed[i][1], true));
        }
        return List.copyOf(products);
    }

    static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
