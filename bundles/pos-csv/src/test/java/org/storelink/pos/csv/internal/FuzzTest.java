package org.storelink.pos.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.storelink.pos.csv.internal.Fixtures.ean13;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.storelink.model.SaleValidator;
import org.storelink.model.Violation;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.UnreadableSourceException;

/**
 * Mutated exports, reproducible from a fixed seed: whatever the bytes, reading ends normally or with an
 * {@link UnreadableSourceException}, every accepted sale is valid, and every other transaction says why.
 */
class FuzzTest {

    private static final long SEED = 0x5702E11CL;
    private static final int INPUTS = 1_500;
    private static final Pattern ROW_PREFIX = Pattern.compile("rows? [0-9]+(-[0-9]+)?: .+", Pattern.DOTALL);

    private static final String[] WRONG_VALUES = {
        "", " ", "abc", "-", "--1", "1e5", "NaN", "0", "-0", "0.0001", "3.505", "１２", "¥", "12,5", "null",
        "99999999999999999999", "-99999999999999999999", "9223372036854775807", "9223372036854775808",
        "100000000000.00", "99999999", "1000001", "0.5", "-1", "-7", "\"", "\"\"", "\"quoted\"", "\t",
        "2026-13-45 99:99:99", "2026-02-29 10:00:00", "2026-11-26", "現金", "WXPAY", "cash", "banana",
        "6901234567893", "690123456789", "00000000", "12345678", "x".repeat(300), "名".repeat(257),
        "2100042012349", "2207777005322", "2207777999999",
    };

    enum Outcome {
        ACCEPTED, REJECTED, EXCLUDED, UNREADABLE
    }

    /** A valid export to start from. */
    record Base(String name, String text, Charset charset, boolean bom, Map<String, String> profile) {
        byte[] bytes(String body) {
            byte[] encoded = body.getBytes(charset);
            if (!bom) {
                return encoded;
            }
            byte[] withBom = new byte[encoded.length + 3];
            System.arraycopy(Fixtures.BOM, 0, withBom, 0, 3);
            System.arraycopy(encoded, 0, withBom, 3, encoded.length);
            return withBom;
        }
    }

    private static List<Base> bases() {
        String water = ean13("690123456789");
        String noodles = ean13("692020288888");
        String priceLabel = ean13("210004201234");
        String weightLabel = ean13("220777700532");
        String a = Fixtures.readmeCsv().get(0)
                + "A0003,2026-11-26 09:30:00,T1," + water + ",水,3,3.50,0.30,10.20,WXPAY,,wx-1\n"
                + "A0003,2026-11-26 09:30:00,T1," + water + ",水,-1,3.50,-0.10,-3.40,WXPAY,,wx-1\n"
                + "A0003,2026-11-26 09:30:00,T1," + weightLabel + ",猪肉,,26.00,,13.83,WXPAY,,wx-1\n"
                + "A0004,2026-11-26 09:31:00,T2," + priceLabel + ",蛋糕,1,12.34,,12.34,UNIONPAY,23.34,u-9\n"
                + "A0004,2026-11-26 09:31:00,T2," + noodles + ",面,2,5.50,,11.00,UNIONPAY,,u-9\n";
        String b = Fixtures.readmeCsv().get(1)
                + "0003,2026/11/26 08:09," + ean13("200123401000") + ",散装苹果,,1198,1198,支付宝\n"
                + "0003,2026/11/26 08:09," + water + ",农夫山泉,1,200,200,支付宝\n"
                + "0004,2026/11/26 08:10," + noodles + ",康师傅红烧牛肉面,3,450,1350,银联\n";
        return List.of(
                new Base("A", a, StandardCharsets.UTF_8, true, Fixtures.profileA()),
                new Base("B", b, Fixtures.GBK, false, Fixtures.profileB()));
    }

    @Test
    void mutatedExportsNeverEscapeAndAlwaysSayWhy() throws Exception {
        Random random = new Random(SEED);
        List<Base> bases = bases();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        int transactions = 0;

        for (Base base : bases) {
            List<SourceTransaction> clean = Fixtures.read(base.bytes(base.text()), base.profile());
            assertThat(clean).as("base %s reads cleanly", base.name())
                    .allSatisfy(t -> assertThat(t.problems()).isEmpty());
        }

        for (int input = 0; input < INPUTS; input++) {
            Base base = bases.get(input % bases.size());
            StringBuilder how = new StringBuilder();
            byte[] bytes = mutate(base, random, how);
            List<SourceTransaction> read = new ArrayList<>();
            Outcome fileOutcome = null;
            try {
                new CsvFormat().read(new ByteArrayInputStream(bytes), Fixtures.context(base.profile()), read::add);
            } catch (UnreadableSourceException e) {
                assertThat(e.getMessage()).as("input %d (%s)", input, how).startsWith("sales.csv: row ");
                fileOutcome = Outcome.UNREADABLE;
            } catch (Throwable e) {
                fail("input " + input + " of base " + base.name() + " (" + how + ") threw " + e + "\n"
                        + new String(bytes, base.charset()), e);
            }
            if (fileOutcome != null) {
                outcomes.merge(fileOutcome, 1, Integer::sum);
            }
            for (SourceTransaction transaction : read) {
                transactions++;
                outcomes.merge(check(transaction, input, how), 1, Integer::sum);
            }
        }

        assertThat(transactions).isGreaterThan(INPUTS);
        assertThat(outcomes).as("the mutations reach every outcome but exclusion (this format excludes nothing)")
                .containsKeys(Outcome.ACCEPTED, Outcome.REJECTED, Outcome.UNREADABLE)
                .doesNotContainKey(Outcome.EXCLUDED);
        assertThat(outcomes.get(Outcome.REJECTED)).isGreaterThan(INPUTS / 4);
        assertThat(outcomes.get(Outcome.UNREADABLE)).isGreaterThan(INPUTS / 20);
    }

    private static Outcome check(SourceTransaction transaction, int input, CharSequence how) {
        String where = "input " + input + " (" + how + "), " + transaction.reference();
        assertThat(transaction.reference()).as(where).startsWith("sales.csv:");
        if (transaction.isAccepted()) {
            assertThat(transaction.problems()).as(where).isEmpty();
            assertThat(SaleValidator.validate(transaction.sale())).as(where).isEmpty();
            assertThat(transaction.sale().storeId()).isEqualTo("s-001");
            return Outcome.ACCEPTED;
        }
        assertThat(transaction.isRejected() || transaction.isExcluded()).as(where).isTrue();
        assertThat(transaction.problems()).as(where).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.path()).as(where).isNotBlank();
            assertThat(problem.message()).as(where + ": " + problem).matches(ROW_PREFIX);
        });
        assertThat(transaction.problems()).extracting(Violation::path).as(where)
                .allMatch(path -> path.matches("\\$|[a-zA-Z]+(\\[[0-9]+\\])?(\\.[a-zA-Z]+)?"));
        return transaction.isExcluded() ? Outcome.EXCLUDED : Outcome.REJECTED;
    }

    // ---- mutations

    private static byte[] mutate(Base base, Random random, StringBuilder how) {
        int kind = random.nextInt(12);
        if (kind == 11) {
            how.append("twice: ");
            String text = textMutation(base.text(), random, random.nextInt(6), how);
            how.append(" + ");
            return byteMutation(base.bytes(text), random, random.nextInt(4), how);
        }
        if (kind < 4) {
            return byteMutation(base.bytes(base.text()), random, kind, how);
        }
        return base.bytes(textMutation(base.text(), random, kind - 4, how));
    }

    private static byte[] byteMutation(byte[] bytes, Random random, int kind, StringBuilder how) {
        if (bytes.length == 0) {
            how.append("empty");
            return bytes;
        }
        int at = random.nextInt(bytes.length);
        switch (kind) {
            case 0 -> {
                how.append("truncated at byte ").append(at);
                return Arrays.copyOf(bytes, at);
            }
            case 1 -> {
                byte[] copy = bytes.clone();
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    int where = random.nextInt(copy.length);
                    copy[where] = (byte) random.nextInt(256);
                }
                how.append(n).append(" bytes overwritten from ").append(at);
                return copy;
            }
            case 2 -> {
                byte[] insert = new byte[1 + random.nextInt(4)];
                byte[] specials = {(byte) 0x80, (byte) 0xFF, (byte) 0xFE, (byte) 0xC3, (byte) 0xE4, '"', ',', '\n',
                    '\r', 0};
                for (int i = 0; i < insert.length; i++) {
                    insert[i] = random.nextBoolean() ? specials[random.nextInt(specials.length)]
                            : (byte) random.nextInt(256);
                }
                how.append("inserted ").append(Arrays.toString(insert)).append(" at byte ").append(at);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, at);
                out.writeBytes(insert);
                out.write(bytes, at, bytes.length - at);
                return out.toByteArray();
            }
            default -> {
                int length = Math.min(1 + random.nextInt(40), bytes.length - at);
                how.append("deleted ").append(length).append(" bytes at ").append(at);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, at);
                out.write(bytes, at + length, bytes.length - at - length);
                return out.toByteArray();
            }
        }
    }

    private static String textMutation(String text, Random random, int kind, StringBuilder how) {
        List<String> rows = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int last = rows.size() - 1; // after the final line break: empty
        int row = 1 + random.nextInt(last - 1);
        List<String> fields = new ArrayList<>(Arrays.asList(rows.get(row).split(",", -1)));
        int field = random.nextInt(fields.size());
        switch (kind) {
            case 0 -> {
                String value = WRONG_VALUES[random.nextInt(WRONG_VALUES.length)];
                how.append("row ").append(row + 1).append(" field ").append(field + 1).append(" := ")
                        .append(CsvProfile.clip(value));
                fields.set(field, value);
            }
            case 1 -> {
                int gtinField = indexOfGtin(fields);
                if (gtinField < 0) {
                    how.append("no GTIN in row ").append(row + 1);
                    break;
                }
                String gtin = fields.get(gtinField);
                int position = random.nextInt(gtin.length());
                char digit = (char) ('0' + (gtin.charAt(position) - '0' + 1 + random.nextInt(9)) % 10);
                fields.set(gtinField, gtin.substring(0, position) + digit + gtin.substring(position + 1));
                how.append("row ").append(row + 1).append(" GTIN digit ").append(position + 1).append(" changed");
            }
            case 2 -> {
                if (random.nextBoolean()) {
                    fields.add(random.nextInt(fields.size() + 1), "extra");
                    how.append("row ").append(row + 1).append(" column added");
                } else {
                    fields.remove(field);
                    how.append("row ").append(row + 1).append(" column ").append(field + 1).append(" removed");
                }
            }
            case 3 -> {
                int other = 1 + random.nextInt(last - 1);
                switch (random.nextInt(3)) {
                    case 0 -> {
                        rows.add(other, rows.get(row));
                        how.append("row ").append(row + 1).append(" copied before row ").append(other + 1);
                    }
                    case 1 -> {
                        rows.remove(row);
                        how.append("row ").append(row + 1).append(" removed");
                    }
                    default -> {
                        String swap = rows.get(other);
                        rows.set(other, rows.get(row));
                        rows.set(row, swap);
                        how.append("rows ").append(row + 1).append(" and ").append(other + 1).append(" swapped");
                    }
                }
                return String.join("\n", rows);
            }
            case 4 -> {
                String huge = random.nextBoolean() ? "9".repeat(1 + random.nextInt(30))
                        : "-" + "9".repeat(1 + random.nextInt(30)) + ".99";
                fields.set(field, huge);
                how.append("row ").append(row + 1).append(" field ").append(field + 1).append(" huge ").append(huge);
            }
            default -> {
                String value = fields.get(field);
                int position = value.isEmpty() ? 0 : random.nextInt(value.length() + 1);
                fields.set(field, value.substring(0, position) + '"' + value.substring(position));
                how.append("row ").append(row + 1).append(" field ").append(field + 1).append(" stray quote");
            }
        }
        rows.set(row, String.join(",", fields));
        return String.join("\n", rows);
    }

    private static int indexOfGtin(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).matches("[0-9]{13}")) {
                return i;
            }
        }
        return -1;
    }
}
