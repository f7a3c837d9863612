package org.storelink.pos.poslog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.storelink.pos.poslog.internal.Poslogs.acsChange;
import static org.storelink.pos.poslog.internal.Poslogs.card;
import static org.storelink.pos.poslog.internal.Poslogs.cash;
import static org.storelink.pos.poslog.internal.Poslogs.control;
import static org.storelink.pos.poslog.internal.Poslogs.grand;
import static org.storelink.pos.poslog.internal.Poslogs.poslog;
import static org.storelink.pos.poslog.internal.Poslogs.retail;
import static org.storelink.pos.poslog.internal.Poslogs.sale;
import static org.storelink.pos.poslog.internal.Poslogs.tax;
import static org.storelink.pos.poslog.internal.Poslogs.total;
import static org.storelink.pos.poslog.internal.Poslogs.transaction;
import static org.storelink.pos.poslog.internal.Poslogs.validSale;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.storelink.model.SaleValidator;
import org.storelink.model.Violation;
import org.storelink.spi.SourceContext;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.UnreadableSourceException;

/**
 * Mutations of a valid document, from a fixed seed: whatever the input, reading ends normally or with
 * {@link UnreadableSourceException}, and every transaction handed over is either a sale that passes
 * {@link SaleValidator} or is rejected or excluded with at least one reason.
 */
class FuzzTest {

    private static final long SEED = 20_171_001L;
    private static final int INPUTS = 1_500;

    private static final Pattern TEXT = Pattern.compile(">([^<>]+)<");
    private static final Pattern ELEMENT_WITH_TEXT = Pattern.compile("<([A-Za-z:]+)((?: [^>]*)?)>([^<]*)</\\1>");
    private static final Pattern CODE = Pattern.compile("<(?:POSItemID|ItemID)>([0-9]+)</");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z:]+[^>]*>");
    private static final Pattern LINE_ITEM = Pattern.compile("<LineItem[ >].*?</LineItem>");
    private static final Pattern FLAGGABLE = Pattern.compile("<(Transaction|LineItem|RetailTransaction)([ >])");

    private static final String[] HOSTILE = {
        "", " ", "abc", "1e400", "-1e400", "99999999999999999999", "-99999999999999999999.99", "1E+3", "NaN",
        "Infinity", "0x1F", "1,5", "+5", "-0", "0.000000000000000000000000000001", "1.005", "٣", "１２",
        "9".repeat(400), "0".repeat(30) + "1", "2017-13-45T99:99:99", "2017-10-01T02:01:31+25:00", "true", "-1",
        "0", "-0.42", "1000001", "3.99.1", "&amp;&lt;&gt;", "<![CDATA[7.00]]>",
        "USD ", "XXX", "XAU", "JPY", "usd", "00000000067592", "4011", "0000000000000000000000067591",
    };

    /** A valid export exercising every path: control, sales with tax, loyalty, change, voids, returns. */
    static String baseDocument() {
        String reward = "<LineItem><SequenceNumber>9</SequenceNumber><LoyaltyReward acs:summarizedActivity=\"true\">"
                + "<PromotionID>5123</PromotionID><acs:RewardCategory>Monetary</acs:RewardCategory>"
                + "<acs:ExtendedRewardAmount>-0.19</acs:ExtendedRewardAmount></LoyaltyReward></LineItem>";
        String returned = "<LineItem><SequenceNumber>1</SequenceNumber><Return><POSIdentity><POSItemID>00012993221201"
                + "</POSItemID></POSIdentity><RegularSalesUnitPrice>3.99</RegularSalesUnitPrice><ExtendedAmount>3.99"
                + "</ExtendedAmount><Quantity>1</Quantity><TransactionLink ReasonCode=\"Return\"><RetailStoreID>9"
                + "</RetailStoreID><WorkstationID>31</WorkstationID><SequenceNumber>114</SequenceNumber>"
                + "</TransactionLink></Return></LineItem><LineItem><SequenceNumber>2</SequenceNumber><Tender"
                + " TenderType=\"Cash\" TypeCode=\"Refund\"><Amount>3.99</Amount></Tender></LineItem>";
        String modifier = "<LineItem><SequenceNumber>1</SequenceNumber><Sale><ItemID>4006381333931</ItemID>"
                + "<RegularSalesUnitPrice>5.00</RegularSalesUnitPrice><ExtendedAmount>10.00</ExtendedAmount>"
                + "<Quantity>2</Quantity><RetailPriceModifier><Amount Action=\"Subtract\">1.50</Amount>"
                + "<PromotionID>P-7</PromotionID></RetailPriceModifier></Sale></LineItem>";
        return poslog(
                control("160"),
                transaction("161", retail(sale(1, " acs:weightItem=\"true\"", "00000000067591", "2.99", "1.26", "0.42"),
                        card(2, "1.07", "344665"), reward, grand("1.07"), total("TransactionTaxAmount", "0.00"))),
                transaction("162", retail(tax(1, "0.94"), sale(2, "00000000090162", "3.49", "3.49", "1"),
                        sale(3, "00852421006143", "5.79", "5.79", "1"), card(4, "10.22", "316324"), grand("10.22"))),
                transaction("163", retail(sale(1, "00021908501406", "2.79", "2.79", "1"),
                        sale(2, "00012993221201", "8.69", "8.69", "1"),
                        sale(3, " VoidFlag=\"true\"", "00021908501406", "2.79", "-2.79", "-1"),
                        cash(4, "10.00"), acsChange(5, "1.31"), grand("8.69"))),
                transaction("164", retail(modifier, card(2, "8.50", "1"), grand("8.50"))),
                transaction(" TrainingModeFlag=\"true\"", "165", retail(sale(1, "00012993221201", "3.99", "3.99", "1"))),
                transaction("166", retail(returned, grand("-3.99"))),
                validSale("167"));
    }

    @Test
    void mutatedDocumentsNeverEscapeTheContract() throws Exception {
        String base = baseDocument();
        List<SourceTransaction> clean = read(base.getBytes(StandardCharsets.UTF_8), "base");
        // four sales and the return; the training transaction is excluded
        assertThat(clean).filteredOn(SourceTransaction::isAccepted).hasSize(6);

        Random random = new Random(SEED);
        int unreadable = 0;
        int accepted = 0;
        int rejected = 0;
        int excluded = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = mutate(base, i % 12, random);
            List<SourceTransaction> read = new ArrayList<>();
            try {
                new PoslogFormat().read(new ByteArrayInputStream(input),
                        new SourceContext(Poslogs.CHICAGO, "fuzz-" + i, Map.of()), read::add);
            } catch (UnreadableSourceException e) {
                unreadable++;
                assertThat(e.getMessage()).as("input %d", i).startsWith("POSLog fuzz-" + i).hasSizeLessThan(1_000);
            } catch (Throwable t) {
                fail("input " + i + " (mutation " + i % 12 + ") escaped with " + t + "\n"
                        + new String(input, StandardCharsets.UTF_8), t);
            }
            for (SourceTransaction transaction : read) {
                check(i, transaction);
                if (transaction.isAccepted()) {
                    accepted++;
                } else if (transaction.isExcluded()) {
                    excluded++;
                } else {
                    rejected++;
                }
            }
        }
        // The mutations reach every outcome, so the checks above were not vacuous.
        assertThat(unreadable).isGreaterThan(200);
        assertThat(accepted).isGreaterThan(1_000);
        assertThat(rejected).isGreaterThan(500);
        assertThat(excluded).isGreaterThan(500);
    }

    private static void check(int input, SourceTransaction transaction) {
        assertThat(transaction.reference()).as("input %d", input).isNotBlank();
        if (transaction.isAccepted()) {
            assertThat(SaleValidator.validate(transaction.sale())).as("input %d: %s", input, transaction.reference())
                    .isEmpty();
            assertThat(transaction.sale().storeId()).isEqualTo(Poslogs.CHICAGO.id());
        } else {
            assertThat(transaction.problems()).as("input %d: %s", input, transaction.reference()).isNotEmpty();
            assertThat(transaction.problems()).extracting(Violation::message).as("input %d", input)
                    .noneMatch(message -> message.startsWith("internal error"));
        }
    }

    private static List<SourceTransaction> read(byte[] input, String name) throws Exception {
        List<SourceTransaction> read = new ArrayList<>();
        new PoslogFormat().read(new ByteArrayInputStream(input),
                new SourceContext(Poslogs.CHICAGO, name, Map.of()), read::add);
        return read;
    }

    private static byte[] mutate(String base, int kind, Random random) {
        String text = switch (kind) {
            case 0 -> base.substring(0, random.nextInt(base.length()));
            case 1, 2 -> replaceRandom(base, TEXT, random,
                    m -> ">" + HOSTILE[random.nextInt(HOSTILE.length)] + "<");
            case 3 -> replaceRandom(base, CODE, random, m -> {
                String code = m.group(1);
                int last = code.charAt(code.length() - 1) - '0';
                return m.group().replace(code, code.substring(0, code.length() - 1) + (last + 1) % 10);
            });
            case 4 -> insertAtTag(base, random, nested(random.nextInt(6_000) + 1));
            case 5 -> replaceRandom(base, ELEMENT_WITH_TEXT, random, m -> "<" + m.group(1) + m.group(2) + "/>");
            case 7 -> replaceRandom(base, TAG, random, m -> "");
            case 8 -> replaceRandom(base, LINE_ITEM, random, m -> m.group() + m.group());
            case 9 -> replaceRandom(base, FLAGGABLE, random, m -> "<" + m.group(1) + " "
                    + List.of("VoidFlag", "CancelFlag", "TrainingModeFlag", "SuspendFlag").get(random.nextInt(4))
                    + "=\"" + List.of("true", "1", "false", "yes").get(random.nextInt(4)) + "\"" + m.group(2));
            case 10 -> replaceRandom(base, ELEMENT_WITH_TEXT, random, m -> "");
            case 11 -> replaceRandom(base, Pattern.compile("<(Quantity|ExtendedAmount|Amount|RegularSalesUnitPrice)>"
                    + "[^<]*<"), random, m -> "<" + m.group(1) + ">" + List.of("1e400", "99999999999999999999",
                    "0.0001", "-7", "1000000.5", "0").get(random.nextInt(6)) + "<");
            default -> null;
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = base.getBytes(StandardCharsets.UTF_8);
        if (kind == 6 && random.nextBoolean()) {
            for (int flips = 1 + random.nextInt(5); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            }
            return bytes;
        }
        // Bytes that are not UTF-8: a lone continuation byte, a truncated sequence, an overlong form, 0xFF.
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF, (byte) 0xFE},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        int at = random.nextInt(bytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static String nested(int depth) {
        return "<acs:Junk>".repeat(depth) + "x" + "</acs:Junk>".repeat(depth);
    }

    private static String insertAtTag(String base, Random random, String insert) {
        int from = base.indexOf("<POSLog");
        int at = base.indexOf('>', from + random.nextInt(base.length() - from));
        return at < 0 ? base + insert : base.substring(0, at + 1) + insert + base.substring(at + 1);
    }

    private interface Replacement {
        String apply(Matcher match);
    }

    private static String replaceRandom(String base, Pattern pattern, Random random, Replacement replacement) {
        Matcher matcher = pattern.matcher(base);
        List<int[]> spans = new ArrayList<>();
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        if (spans.isEmpty()) {
            return base;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        matcher.region(span[0], base.length());
        matcher.lookingAt();
        return base.substring(0, span[0]) + replacement.apply(matcher) + base.substring(span[1]);
    }
}
