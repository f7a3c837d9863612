package ${package}.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.storelink.model.AreaProfile;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.Store;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.model.Violation;
import org.storelink.spi.SourceContext;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.UnreadableSourceException;

class ${formatClass}FormatTest {

    private static final Store STORE = new Store("s-001", "Corner shop", "east", AreaProfile.STUDENT,
            ZoneId.of("Asia/Shanghai"), null);
    private static final String WATER = "6901234567892";
    private static final String NOODLES = "6920202888883";

    private final ${formatClass}Format format = new ${formatClass}Format();

    @Test
    void nameAndDescriptionAreWhatTheConsoleShows() {
        assertThat(format.name()).isEqualTo("${formatName}");
        assertThat(format.description()).isNotBlank();
    }

    @Test
    void readsTheSampleFileIntoAcceptedAndRejectedTransactions() throws Exception {
        List<SourceTransaction> read;
        try (InputStream sample = getClass().getResourceAsStream("/sample.txt")) {
            read = read(sample, Map.of());
        }

        assertThat(read).extracting(SourceTransaction::reference)
                .containsExactly("sales.txt:3#A1001", "sales.txt:5#A1002", "sales.txt:6#A1003");
        assertThat(read).extracting(SourceTransaction::isAccepted).containsExactly(true, true, false);

        Sale first = read.get(0).sale();
        assertThat(first.saleId()).isEqualTo("s-001/${formatName}/A1001");
        assertThat(first.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-26T09:15:30+08:00"));
        assertThat(first.currency()).isEqualTo("CNY");
        assertThat(first.lines()).extracting(SaleLine::lineNo, line -> line.gtin().toGtin13(), SaleLine::quantity,
                SaleLine::unitPrice).containsExactly(
                        tuple(1, WATER, new BigDecimal("2"), 350L),
                        tuple(2, NOODLES, new BigDecimal("1"), 550L));
        assertThat(first.tenders()).containsExactly(new Tender(TenderType.ALIPAY, 1250, null));

        Sale weighed = read.get(1).sale();
        assertThat(weighed.occurredAt()).as("a time without offset is in the store's zone")
                .isEqualTo(OffsetDateTime.parse("2026-11-26T09:20:05+08:00"));
        assertThat(weighed.tenders()).as("0.750 kg at 11.98 is 8.985, rounded half-up")
                .containsExactly(new Tender(TenderType.CASH, 899, null));

        assertThat(read.get(2).problems()).containsExactly(
                new Violation("lines[0].gtin", "line 6: check digit is 3, expected 2"));
    }

    @Test
    void everyProblemOfARejectedReceiptIsNamedWithItsPathAndReadingGoesOn() throws Exception {
        String file = "R1;2026-02-30T10:00:00;69012345678x2;1.2345;3.50;bitcoin\n"
                + "R1;2026-02-30T10:00:00;" + WATER + ";1;350;bitcoin\n"
                + "R2;2026-11-26T10:05:00+08:00;" + WATER + ";1;350;card\n";

        List<SourceTransaction> read = read(file, Map.of());

        assertThat(read).extracting(SourceTransaction::isRejected).containsExactly(true, false);
        assertThat(read.get(0).problems()).extracting(Violation::path).containsExactly(
                "occurredAt", "tenders[0].type", "lines[0].gtin", "lines[0].quantity", "lines[0].unitPrice");
        assertThat(read.get(0).problems()).extracting(Violation::toString).containsExactly(
                "occurredAt: line 1: \"2026-02-30T10:00:00\" is not a time such as 2026-11-26T09:15:30+08:00 or"
                        + " 2026-11-26T09:15:30",
                "tenders[0].type: line 1: unknown tender type \"bitcoin\"; expected one of cash, alipay, wechat,"
                        + " card, other",
                "lines[0].gtin: line 1: must contain only the digits 0-9",
                "lines[0].quantity: line 1: \"1.2345\" is not a quantity: up to 6 digits, optionally with up to 3"
                        + " decimals (0.750)",
                "lines[0].unitPrice: line 1: \"3.50\" is not an amount in minor units (fen, cents): up to 13"
                        + " digits, such as 350");
        assertThat(read.get(1).sale().receiptNo()).isEqualTo("R2");
    }

    @Test
    void linesOfOneReceiptMustAgreeOnTimeAndTender() throws Exception {
        String file = "R1;2026-11-26T10:00:00;" + WATER + ";1;350;cash\n"
                + "R1;2026-11-26T10:00:09;" + WATER + ";1;350;alipay\n";

        List<SourceTransaction> read = read(file, Map.of());

        assertThat(read.get(0).problems()).extracting(Violation::path).containsExactly("occurredAt", "tenders[0].type");
        assertThat(read.get(0).problems().get(0).message()).startsWith("line 2: \"2026-11-26T10:00:09\" differs");
    }

    @Test
    void theModelsRulesRejectWithTheirPathsToo() throws Exception {
        List<SourceTransaction> read = read("R1;2026-11-26T10:00:00;" + WATER + ";0;350;cash\n", Map.of());

        assertThat(read.get(0).problems()).extracting(Violation::path).contains("lines[0].quantity");
        assertThat(read.get(0).problems()).allSatisfy(v -> assertThat(v.message()).startsWith("line 1: "));
    }

    @Test
    void optionsSetCurrencyAndRegister() throws Exception {
        List<SourceTransaction> read = read("R1;2026-11-26T10:00:00;" + WATER + ";1;350;cash\n",
                Map.of(${formatClass}Format.CURRENCY_OPTION, "USD", ${formatClass}Format.POS_OPTION, "till-7"));

        assertThat(read.get(0).sale().currency()).isEqualTo("USD");
        assertThat(read.get(0).sale().saleId()).isEqualTo("s-001/till-7/R1");
    }

    @Test
    void invalidOptionsAreRefusedBeforeReading() {
        assertThatThrownBy(() -> read("", Map.of(${formatClass}Format.CURRENCY_OPTION, "RMB",
                "${formatName}.colour", "red")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid ${formatName} options: ${formatName}.colour: unknown option")
                .hasMessageContaining("${formatName}.currency: unknown ISO 4217 code \"RMB\"");
    }

    @Test
    void aLineWithOtherFieldsMakesTheSourceUnreadableAndEarlierReceiptsStand() {
        String file = "R1;2026-11-26T10:00:00;" + WATER + ";1;350;cash\n"
                + "R2;2026-11-26T10:01:00;" + WATER + ";1;350;cash\n"
                + "R3,2026-11-26 10:02:00," + WATER + ",1,3.50,cash\n";
        List<SourceTransaction> seen = new ArrayList<>();

        assertThatThrownBy(() -> format.read(utf8(file), context(Map.of()), seen::add))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("sales.txt: line 3: expected 6 fields separated by ';'"
                        + " (receipt;time;gtin;quantity;unitPriceMinor;tender) but found 1; is this a ${formatName} file?");
        assertThat(seen).extracting(SourceTransaction::reference).containsExactly("sales.txt:1#R1");
    }

    @Test
    void bytesThatAreNotUtf8MakeTheSourceUnreadable() {
        byte[] first = ("R1;2026-11-26T10:00:00;" + WATER + ";1;350;cash\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(first);
        bytes.writeBytes("R2;2026-11-26T10:01:00;".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("\u5496\u5561".getBytes(Charset.forName("GBK")));
        bytes.writeBytes(";1;350;cash\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> format.read(new ByteArrayInputStream(bytes.toByteArray()), context(Map.of()),
                t -> { })).isInstanceOf(UnreadableSourceException.class)
                .hasMessage("sales.txt: line 2: bytes that are not UTF-8 (the line starts at byte offset "
                        + first.length + ")");
    }

    @Test
    void aLineWithoutEndIsUnreadableInsteadOfFillingMemory() {
        String endless = "R1;" + "x".repeat(${formatClass}Format.MAX_LINE_BYTES * 4);

        assertThatThrownBy(() -> read(endless, Map.of())).isInstanceOf(UnreadableSourceException.class)
                .hasMessage("sales.txt: line 1: longer than 4096 bytes (a missing line break?)");
    }

    @Test
    void commentsBlankLinesByteOrderMarkAndCrLfAreFine() throws Exception {
        String file = "\uFEFF# exported 2026-11-26\r\n\r\n" + ${formatClass}Format.HEADER + "\r\n"
                + "R1;2026-11-26T10:00:00;" + WATER + ";1;350;cash\r\n";

        List<SourceTransaction> read = read(file, Map.of());

        assertThat(read).singleElement().satisfies(t -> assertThat(t.reference()).isEqualTo("sales.txt:4#R1"));
    }

    @Test
    void handsEachSaleOverBeforeTheSourceIsReadToItsEnd() throws Exception {
        int receipts = 50_000;
        CountingSource source = new CountingSource(receipts);
        long[] consumedAtFirstSale = {-1};
        long[] count = {0};

        format.read(source, context(Map.of()), transaction -> {
            if (count[0]++ == 0) {
                consumedAtFirstSale[0] = source.served;
            }
            assertThat(transaction.isAccepted()).isTrue();
        });

        assertThat(count[0]).isEqualTo(receipts);
        assertThat(source.served).isGreaterThan(1_000_000);
        assertThat(consumedAtFirstSale[0]).isPositive().isLessThan(64 * 1024);
    }

    /** Serves one receipt line after another as it is read, never holding the whole file. */
    private static final class CountingSource extends InputStream {
        private final int receipts;
        private int next;
        private byte[] current = new byte[0];
        private int position;
        long served;

        CountingSource(int receipts) {
            this.receipts = receipts;
        }

        @Override
        public int read() {
            if (position == current.length) {
                if (next == receipts) {
                    return -1;
                }
                next++;
                current = ("R" + next + ";2026-11-26T10:00:00+08:00;" + WATER + ";1;350;cash\n")
                        .getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            served++;
            return current[position++] & 0xff;
        }
    }

    private List<SourceTransaction> read(String text, Map<String, String> options)
            throws IOException, UnreadableSourceException {
        return read(utf8(text), options);
    }

    private List<SourceTransaction> read(InputStream source, Map<String, String> options)
            throws IOException, UnreadableSourceException {
        List<SourceTransaction> read = new ArrayList<>();
        format.read(source, context(options), read::add);
        return read;
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static SourceContext context(Map<String, String> options) {
        return new SourceContext(STORE, "sales.txt", options);
    }
}
