package org.storelink.pos.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storelink.pos.csv.internal.Fixtures.GBK;
import static org.storelink.pos.csv.internal.Fixtures.context;
import static org.storelink.pos.csv.internal.Fixtures.ean13;
import static org.storelink.pos.csv.internal.Fixtures.profileA;
import static org.storelink.pos.csv.internal.Fixtures.profileB;
import static org.storelink.pos.csv.internal.Fixtures.read;
import static org.storelink.pos.csv.internal.Fixtures.readmeCsv;
import static org.storelink.pos.csv.internal.Fixtures.utf8WithBom;
import static org.storelink.pos.csv.internal.Fixtures.with;
import static org.storelink.pos.csv.internal.Fixtures.wrongCheck;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.storelink.model.Gtin;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.SaleValidator;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.model.Violation;
import org.storelink.spi.PosFormat;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.UnreadableSourceException;

class CsvFormatTest {

    private static final String WATER = ean13("690123456789");
    private static final String NOODLES = ean13("692020288888");
    private static final String HEADER_A =
            "receipt_no,sale_time,till,barcode,item_name,qty,unit_price,discount,amount,payment,paid,pay_ref\n";
    private static final String HEADER_B = "小票号,时间,条码,商品名称,数量,单价,金额,支付方式\n";

    private static SaleLine line(int lineNo, String gtin, String name, String quantity, long unitPrice, long discount,
            Integer voids) {
        return new SaleLine(lineNo, Gtin.parse(gtin), name, new BigDecimal(quantity), unitPrice, discount, null, voids);
    }

    private static Sale sale(String pos, String receiptNo, String at, List<SaleLine> lines, Tender tender,
            long change) {
        return new Sale("s-001", pos, receiptNo, OffsetDateTime.parse(at), "CNY", lines, 0, 0, List.of(),
                List.of(tender), change, null, null, null);
    }

    private static List<String> messages(SourceTransaction transaction) {
        return transaction.problems().stream().map(Violation::toString).toList();
    }

    @Test
    void isTheCsvFormatService() {
        CsvFormat format = new CsvFormat();
        assertThat(format.name()).isEqualTo("csv");
        assertThat(format.description()).isNotBlank();
        assertThat(format).isInstanceOf(PosFormat.class);
    }

    @Test
    void readsProfileAEndToEndFromUtf8WithByteOrderMark() throws Exception {
        String file = readmeCsv().get(0);

        List<SourceTransaction> read = read(utf8WithBom(file), profileA());

        String cake = ean13("210004200000");
        assertThat(read).extracting(SourceTransaction::reference).containsExactly("sales.csv:2#A0001", "sales.csv:4#A0002");
        assertThat(read).allSatisfy(t -> assertThat(t.isAccepted()).as(messages(t).toString()).isTrue());
        assertThat(read.get(0).sale()).isEqualTo(sale("T1", "A0001", "2026-11-26T09:15:30+08:00",
                List.of(line(1, WATER, "农夫山泉 550ml", "2", 350, 0, null),
                        line(2, NOODLES, "康师傅红烧牛肉面, 桶装", "1", 550, 50, null)),
                new Tender(TenderType.ALIPAY, 1200, "2026112622001"), 0));
        assertThat(read.get(1).sale()).isEqualTo(sale("T1", "A0002", "2026-11-26T09:20:05+08:00",
                List.of(line(1, cake, "奶酪蛋糕", "1", 1234, 0, null)),
                new Tender(TenderType.CASH, 2000, null), 766));
        assertThat(read.get(0).kind()).isEqualTo(SourceTransaction.Kind.SALE);
    }

    @Test
    void readsProfileBEndToEndFromRealGbkBytes() throws Exception {
        String file = readmeCsv().get(1);
        byte[] gbk = file.getBytes(GBK);
        assertThat(isValidUtf8(gbk)).as("the GBK bytes are not UTF-8").isFalse();

        List<SourceTransaction> read = read(gbk, profileB());

        assertThat(read).allSatisfy(t -> assertThat(t.isAccepted()).as(messages(t).toString()).isTrue());
        assertThat(read).extracting(SourceTransaction::reference)
                .containsExactly("sales.csv:2#0001", "sales.csv:4#0002");
        Sale first = read.get(0).sale();
        assertThat(first).isEqualTo(sale("ecr-1", "20261126-0001", "2026-11-26T08:01:00+08:00",
                List.of(line(1, WATER, "农夫山泉矿泉水", "2", 200, 0, null),
                        line(2, ean13("200123400000"), "散装红富士苹果", "0.750", 1198, 0, null)),
                new Tender(TenderType.CASH, 1299, null), 0));
        assertThat(first.lines().get(1).amount()).as("0.750 kg at 11.98 rounds half up").isEqualTo(899);
        assertThat(read.get(1).sale().lines().get(0).name()).isEqualTo("康师傅红烧牛肉面");
        assertThat(read.get(1).sale().tenders()).containsExactly(new Tender(TenderType.WECHAT, 450, null));
    }

    @Test
    void gbkFileReadAsUtf8IsUnreadableAtItsFirstRow() {
        byte[] gbk = readmeCsv().get(1).getBytes(GBK);

        assertThatThrownBy(() -> read(gbk, with(profileB(), "csv.charset", "UTF-8")))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageStartingWith("sales.csv: row 1: bytes ")
                // 小 (D0 A1) and 票 (C6 B1) happen to be valid UTF-8 byte pairs; 号 (BA C5) is not
                .hasMessageContaining("bytes BA at byte offset 4 are not valid UTF-8")
                .hasMessageContaining("check csv.charset");
    }

    @Test
    void byteOrderMarkIsSkippedWhateverTheCharset() throws Exception {
        byte[] gbk = readmeCsv().get(1).getBytes(GBK);
        ByteArrayOutputStream withBom = new ByteArrayOutputStream();
        withBom.write(Fixtures.BOM);
        withBom.write(gbk);

        List<SourceTransaction> read = read(withBom.toByteArray(), profileB());

        assertThat(read).hasSize(2).allSatisfy(t -> assertThat(t.isAccepted()).isTrue());
    }

    @Test
    void yuanAndFenGiveTheSameSale() throws Exception {
        Map<String, String> yuan = Map.of("csv.header", "false", "csv.columns.receipt", "1", "csv.columns.time", "2",
                "csv.columns.gtin", "3", "csv.columns.quantity", "4", "csv.columns.unitPrice", "5",
                "csv.columns.discount", "6", "csv.columns.tender", "7");
        Map<String, String> fen = with(yuan, "csv.amounts", "fen");

        Sale inYuan = read(("R1,2026-11-26 10:00:00," + WATER + ",3,3.50,0.05,cash\n"
                + "R1,2026-11-26 10:00:00," + NOODLES + ",1,12,,cash\n").getBytes(StandardCharsets.UTF_8), yuan)
                .get(0).sale();
        Sale inFen = read(("R1,2026-11-26 10:00:00," + WATER + ",3,350,5,cash\n"
                + "R1,2026-11-26 10:00:00," + NOODLES + ",1,1200,,cash\n").getBytes(StandardCharsets.UTF_8), fen)
                .get(0).sale();

        assertThat(inYuan).isEqualTo(inFen);
        assertThat(inYuan.lines()).extracting(SaleLine::unitPrice).containsExactly(350L, 1200L);
        assertThat(inYuan.total()).isEqualTo(1045 + 1200);
    }

    @Test
    void amountsThatAreNotExactAreRejectedWithTheirRow() throws Exception {
        String file = HEADER_A
                + "A1,2026-11-26 09:00:00,T1," + WATER + ",water,1,3.505,,,CASH,,\n"
                + "A2,2026-11-26 09:01:00,T1," + WATER + ",water,1,3.5e0,,,CASH,,\n"
                + "A3,2026-11-26 09:02:00,T1," + WATER + ",water,1,350,,,CASH,,\n";

        List<SourceTransaction> read = read(file.getBytes(StandardCharsets.UTF_8), profileA());

        assertThat(read.get(0).problems()).containsExactly(new Violation("lines[0].unitPrice",
                "row 2: \"3.505\" has more than 2 decimal places, the most CNY allows"));
        assertThat(messages(read.get(1))).singleElement().asString()
                .startsWith("lines[0].unitPrice: row 3: \"3.5e0\" is not a plain decimal");
        assertThat(read.get(2).isAccepted()).as("350 yuan is a valid amount").isTrue();
        assertThat(read.get(2).sale().lines().get(0).unitPrice()).isEqualTo(35_000);

        List<SourceTransaction> inFen = read(file.replace("3.505", "3").replace("3.5e0", "3.5")
                .getBytes(StandardCharsets.UTF_8), with(profileA(), "csv.amounts", "fen"));
        assertThat(inFen.get(1).problems()).containsExactly(new Violation("lines[0].unitPrice",
                "row 3: \"3.5\" is not a whole number of fen"));
    }

    @Test
    void inStorePriceBarcodeGivesPriceAndCanonicalGtin() throws Exception {
        String label = ean13("210004201234"); // item 00042, CNY 12.34
        String file = HEADER_A
                + "A1,2026-11-26 09:00:00,T1," + label + ",cake,,,,,CASH,,\n"
                + "A2,2026-11-26 09:01:00,T1," + label + ",cake,0.532,23.20,,12.34,CASH,,\n"
                + "A3,2026-11-26 09:02:00,T1," + label + ",cake,1,12.30,,12.30,CASH,,\n"
                + "A4,2026-11-26 09:03:00,T1," + wrongCheck(label) + ",cake,1,,,,CASH,,\n"
                + "A5,2026-11-26 09:04:00,T1," + label + ",cake,2,12.34,,24.68,CASH,,\n"
                + "A6,2026-11-26 09:05:00,T1," + label + ",cake,0.5,12.34,,,CASH,,\n";

        List<SourceTransaction> read = read(file.getBytes(StandardCharsets.UTF_8), profileA());

        Gtin canonical = Gtin.parse(ean13("210004200000"));
        SaleLine first = read.get(0).sale().lines().get(0);
        assertThat(first.gtin()).isEqualTo(canonical);
        assertThat(first.quantity()).isEqualByComparingTo("1");
        assertThat(first.unitPrice()).isEqualTo(1234);
        SaleLine weighedAndPriced = read.get(1).sale().lines().get(0);
        assertThat(weighedAndPriced.gtin()).isEqualTo(canonical);
        assertThat(weighedAndPriced.amount()).as("0.532 kg at 23.20 is 12.34").isEqualTo(1234);
        assertThat(read.get(2).problems()).containsExactly(new Violation("lines[0].unitPrice",
                "row 4: quantity 1 times unit price CNY 12.30 is CNY 12.30 but the barcode's embedded price is CNY 12.34"));
        assertThat(messages(read.get(3))).containsExactly(
                "lines[0].gtin: row 5: \"" + wrongCheck(label) + "\" is not a GTIN: check digit is 0, expected 9",
                "lines[0].unitPrice: row 5: is required");
        assertThat(read.get(4).isAccepted()).as("two identical labels counted together").isTrue();
        assertThat(read.get(4).sale().lines().get(0).amount()).isEqualTo(2468);
        assertThat(messages(read.get(5))).containsExactly("lines[0].unitPrice: row 7: quantity 0.5 times unit price"
                + " CNY 12.34 is CNY 6.17 but the barcode's embedded price is CNY 12.34");
    }

    @Test
    void inStoreWeightBarcodeGivesKilogramsAndAggregatesAcrossWeights() throws Exception {
        String light = ean13("220777700532"); // item 77777, 532 g
        String heavy = ean13("220777701250"); // same item, 1.250 kg
        String file = HEADER_A
                + "A1,2026-11-26 09:00:00,T1," + light + ",pork,,26.00,,13.83,CASH,,\n"
                + "A1,2026-11-26 09:00:00,T1," + heavy + ",pork,1,26.00,,32.50,CASH,,\n"
                + "A2,2026-11-26 09:05:00,T1," + light + ",pork,2,26.00,,,CASH,,\n"
                + "A3,2026-11-26 09:06:00,T1," + light + ",pork,0.532,,,,CASH,,\n"
                + "A4,2026-11-26 09:07:00,T1," + light + ",pork,0.532,26.00,,13.84,CASH,,\n";

        List<SourceTransaction> read = read(file.getBytes(StandardCharsets.UTF_8), profileA());

        Sale sale = read.get(0).sale();
        assertThat(sale.lines()).extracting(SaleLine::gtin).containsOnly(Gtin.parse(ean13("220777700000")));
        assertThat(sale.lines()).extracting(SaleLine::quantity).containsExactly(new BigDecimal("0.532"),
                new BigDecimal("1.250"));
        assertThat(sale.lines()).extracting(SaleLine::amount).containsExactly(1383L, 3250L);
        assertThat(sale.tenders()).containsExactly(new Tender(TenderType.CASH, 4633, null));
        assertThat(messages(read.get(1))).containsExactly(
                "lines[0].quantity: row 4: is 2 but the barcode weighs 0.532 kg");
        assertThat(messages(read.get(2))).containsExactly(
                "lines[0].unitPrice: row 5: is required for a weighed item (price per kg)");
        assertThat(messages(read.get(3))).containsExactly(
                "lines[0].amount: row 6: is CNY 13.84 but quantity times unit price less discount is CNY 13.83");
    }

    @Test
    void weighedItemIsReturnedByItsLabel() throws Exception {
        String label = ean13("220777700532");
        String file = HEADER_A
                + "A1,2026-11-26 09:00:00,T1," + ean13("220777701250") + ",pork,1,26.00,,32.50,CASH,,\n"
                + "A1,2026-11-26 09:00:00,T1," + label + ",pork,1,26.00,,13.83,CASH,,\n"
                + "A1,2026-11-26 09:00:00,T1," + label + ",pork,-1,26.00,,-13.83,CASH,,\n";

        Sale sale = read(file.getBytes(StandardCharsets.UTF_8), profileA()).get(0).sale();

        assertThat(sale.lines().get(2).quantity()).isEqualTo(new BigDecimal("-0.532"));
        assertThat(sale.lines().get(2).voidsLine()).isEqualTo(2);
        assertThat(sale.total()).isEqualTo(3250);
    }

    @Test
    void undeclaredPrefixIsAnOrdinaryGtin() throws Exception {
        String label = ean13("250001201234");
        String file = HEADER_A + "A1,2026-11-26 09:00:00,T1," + label + ",x,1,1.00,,,CASH,,\n";

        Sale sale = read(file.getBytes(StandardCharsets.UTF_8), profileA()).get(0).sale();

        assertThat(sale.lines().get(0).gtin()).isEqualTo(Gtin.parse(label));
    }

    @Test
    void negativeRowGivesBackAnEarlierLineOfTheReceipt() throws Exception {
        String file = HEADER_A
                + "A1,2026-11-26 09:00:00,T1," + WATER + ",water,3,3.50,0.30,10.20,CASH,,\n"
                + "A1,2026-11-26 09:00:00,T1," + NOODLES + ",noodles,1,5.50,,5.50,CASH,,\n"
                + "A1,2026-11-26 09:00:00,T1," + WATER + ",water,-1,3.50,-0.10,-3.40,CASH,,\n"
                + "A2,2026-11-26 09:01:00,T1," + WATER + ",water,-1,3.50,,-3.50,CASH,,\n"
                + "A3,2026-11-26 09:02:00,T1," + WATER + ",water,1,3.50,,,CASH,,\n"
                + "A3,2026-11-26 09:02:00,T1," + WATER + ",water,-1,3.50,,,CASH,,\n";

        List<SourceTransaction> read = read(file.getBytes(StandardCharsets.UTF_8), profileA());

        Sale sale = read.get(0).sale();
        assertThat(sale.lines().get(2)).isEqualTo(line(3, WATER, "water", "-1", 350, 10, 1));
        assertThat(sale.total()).isEqualTo(1020 + 550 - 340);
        assertThat(SaleValidator.validate(sale)).isEmpty();
        assertThat(messages(read.get(1))).singleElement().asString().startsWith(
                "lines[0].quantity: row 5: returns 1 of 0" + WATER + " at CNY 3.50 but no earlier row");
        assertThat(messages(read.get(2))).containsExactly("tenders[0].amount: rows 6-7: the lines add up to CNY 0.00;"
                + " a receipt that gives back as much as it sells or more cannot be recorded as a sale");
    }

    @Test
    void cashHandedOverGivesChangeButOtherTendersMustMatch() throws Exception {
        String file = HEADER_A
                + "A1,2026-11-26 09:00:00,T1," + WATER + ",water,2,3.50,,,CASH,10,\n"
                + "A2,2026-11-26 09:00:00,T1," + WATER + ",water,2,3.50,,,ALIPAY,10,x1\n"
                + "A3,2026-11-26 09:00:00,T1," + WATER + ",water,2,3.50,,,CASH,5,\n";

        List<SourceTransaction> read = read(file.getBytes(StandardCharsets.UTF_8), profileA());

        assertThat(read.get(0).sale().change()).isEqualTo(300);
        assertThat(messages(read.get(1))).containsExactly("tenders: row 3: tenders less change are CNY 10.00 but lines"
                + " less discounts plus tax and adjustments are CNY 7.00");
        assertThat(messages(read.get(2))).containsExactly("tenders: row 4: tenders less change are CNY 5.00 but lines"
                + " less discounts plus tax and adjustments are CNY 7.00");
    }

    @Test
    void rowsOfAReceiptMustAgreeOnTheTender() throws Exception {
        String file = HEADER_A
                + "A1,2026-11-26 09:00:00,T1," + WATER + ",water,1,3.50,,,CASH,,\n"
                + "A1,2026-11-26 09:00:00,T1," + WATER + ",water,1,3.50,,,,,\n"
                + "A1,2026-11-26 09:00:00,T1," + WATER + ",water,1,3.50,,,WXPAY,,\n"
                + "A2,2026-11-26 09:01:00,T1," + WATER + ",water,1,3.50,,,银联卡,,\n";

        List<SourceTransaction> read = read(file.getBytes(StandardCharsets.UTF_8), profileA());

        assertThat(messages(read.get(0))).containsExactly(
                "tenders[0].type: row 4: is \"WXPAY\" but row 2 says \"CASH\"; a receipt has one tender");
        assertThat(messages(read.get(1))).containsExactly("tenders[0].type: row 5: unknown payment type \"银联卡\";"
                + " map it with csv.tenderMap.银联卡=cash|alipay|wechat|card|other");
    }

    @Test
    void timesWithoutZoneAreInTheStoreZoneAndImpossibleTimesAreRejected() throws Exception {
        String file = HEADER_A
                + "A1,2026-11-26 23:30:00,T1," + WATER + ",water,1,3.50,,,CASH,,\n"
                + "A2,2026-02-30 09:00:00,T1," + WATER + ",water,1,3.50,,,CASH,,\n"
                + "A3,26/11/2026,T1," + WATER + ",water,1,3.50,,,CASH,,\n";

        List<SourceTransaction> read = read(file.getBytes(StandardCharsets.UTF_8), profileA());

        assertThat(read.get(0).sale().occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-26T23:30:00+08:00"));
        assertThat(messages(read.get(1))).containsExactly("occurredAt: row 3: \"2026-02-30 09:00:00\" is not a valid"
                + " time in csv.timeFormat \"yyyy-MM-dd HH:mm:ss\"");
        assertThat(messages(read.get(2))).hasSize(1);

        List<SourceTransaction> withOffset = read((HEADER_A
                + "A1,2026-11-26T23:30:00+09:00,T1," + WATER + ",water,1,3.50,,,CASH,,\n")
                .getBytes(StandardCharsets.UTF_8), with(profileA(), "csv.timeFormat", "yyyy-MM-dd'T'HH:mm:ssXXX"));
        assertThat(withOffset.get(0).sale().occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-26T23:30:00+09:00"));
    }

    @Test
    void separateDateColumnIsJoinedToTheTime() throws Exception {
        Map<String, String> profile = Map.of("csv.header", "false", "csv.columns.receipt", "1", "csv.columns.date",
                "2", "csv.columns.time", "3", "csv.columns.gtin", "4", "csv.columns.unitPrice", "5",
                "csv.tender", "cash", "csv.timeFormat", "yyyyMMdd HHmmss", "csv.delimiter", "tab");

        List<SourceTransaction> read = read(("9\t20261126\t081500\t" + WATER + "\t3.50\n")
                .getBytes(StandardCharsets.UTF_8), profile);

        assertThat(read.get(0).sale().occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-26T08:15:00+08:00"));
        assertThat(read.get(0).sale().posId()).isEqualTo("csv");
        assertThat(read.get(0).sale().tenders()).containsExactly(new Tender(TenderType.CASH, 350, null));
    }

    @Test
    void oneBadReceiptAmongFiveHundredIsRejectedAndTheRestAccepted() throws Exception {
        StringBuilder file = new StringBuilder(HEADER_A);
        int row = 1;
        int badRow = 0;
        for (int receipt = 1; receipt <= 500; receipt++) {
            String number = String.format("R%04d", receipt);
            for (int item = 0; item < 2; item++) {
                row++;
                String gtin = receipt == 250 && item == 1 ? wrongCheck(NOODLES) : item == 0 ? WATER : NOODLES;
                if (receipt == 250 && item == 1) {
                    badRow = row;
                }
                file.append(number).append(",2026-11-26 10:00:00,T1,").append(gtin).append(",item,1,2.00,,2.00,WXPAY,,\n");
            }
        }

        List<SourceTransaction> read = read(file.toString().getBytes(StandardCharsets.UTF_8), profileA());

        assertThat(read).hasSize(500);
        assertThat(read).filteredOn(SourceTransaction::isAccepted).hasSize(499);
        List<SourceTransaction> rejected = read.stream().filter(SourceTransaction::isRejected).toList();
        assertThat(rejected).hasSize(1);
        SourceTransaction bad = rejected.get(0);
        assertThat(bad.reference()).isEqualTo("sales.csv:" + (badRow - 1) + "#R0250");
        assertThat(bad.problems()).extracting(Violation::path).containsExactly("lines[1].gtin");
        assertThat(bad.problems().get(0).message()).startsWith("row " + badRow + ": \"" + wrongCheck(NOODLES)
                + "\" is not a GTIN: check digit is");
    }

    @Test
    void rowsWithWrongColumnCountsAndBadValuesAreNamed() throws Exception {
        String file = HEADER_A
                + "A1,2026-11-26 09:00:00,T1," + WATER + ",water\n"
                + "A2,2026-11-26 09:00:00,T1,abc,water,x,3.50,,,CASH,,\n"
                + "A3,2026-11-26 09:00:00,T1," + WATER + ",water,99999999999,3.50,,,CASH,,\n"
                + ",2026-11-26 09:00:00,T1," + WATER + ",water,1,3.50,,,CASH,,\n";

        List<SourceTransaction> read = read(file.getBytes(StandardCharsets.UTF_8), profileA());

        assertThat(messages(read.get(0))).contains("lines[0]: row 2: has 5 columns but the profile reads column 12");
        assertThat(messages(read.get(1))).containsExactly(
                "lines[0].gtin: row 3: \"abc\" is not a GTIN: must contain only the digits 0-9",
                "lines[0].quantity: row 3: \"x\" is not a quantity");
        assertThat(messages(read.get(2))).containsExactly(
                "lines[0].quantity: row 4: must be at most 1000000 in magnitude");
        assertThat(messages(read.get(3))).containsExactly("receiptNo: row 5: is required");
    }

    @Test
    void receiptWhoseRowsAreNotConsecutiveIsRejectedTheSecondTime() throws Exception {
        String file = HEADER_A
                + "A1,2026-11-26 09:00:00,T1," + WATER + ",water,1,3.50,,,CASH,,\n"
                + "A2,2026-11-26 09:00:00,T1," + WATER + ",water,1,3.50,,,CASH,,\n"
                + "A1,2026-11-26 09:00:00,T1," + WATER + ",water,1,3.50,,,CASH,,\n"
                + "A1,2026-11-26 09:00:00,T2," + WATER + ",water,1,3.50,,,CASH,,\n";

        List<SourceTransaction> read = read(file.getBytes(StandardCharsets.UTF_8), profileA());

        assertThat(read).extracting(SourceTransaction::isAccepted).containsExactly(true, true, false, true);
        assertThat(messages(read.get(2))).containsExactly("receiptNo: row 4: receipt T1/A1 was already read at row 2"
                + " of this file; the rows of one receipt must be consecutive");
    }

    @Test
    void receiptNumbersRestartingEachDayAreToldApartWithDayScope() throws Exception {
        String file = HEADER_B
                + "0001,2026/11/26 08:01," + WATER + ",水,1,200,200,现金\n"
                + "0002,2026/11/26 08:02," + WATER + ",水,1,200,200,现金\n"
                + "0001,2026/11/27 08:01," + WATER + ",水,1,200,200,现金\n";

        List<SourceTransaction> read = read(file.getBytes(GBK), profileB());
        List<SourceTransaction> withoutScope = read(file.getBytes(GBK), with(profileB(), "csv.receiptScope", null));

        assertThat(read).extracting(t -> t.sale().receiptNo())
                .containsExactly("20261126-0001", "20261126-0002", "20261127-0001");
        assertThat(withoutScope).extracting(SourceTransaction::isAccepted).containsExactly(true, true, false);
    }

    @Test
    void receiptWithTooManyRowsIsRejectedWithoutHoldingThem() throws Exception {
        StringBuilder file = new StringBuilder(HEADER_A);
        for (int i = 0; i < 12; i++) {
            file.append("A1,2026-11-26 09:00:00,T1,").append(WATER).append(",water,1,3.50,,,CASH,,\n");
        }
        file.append("A2,2026-11-26 09:00:00,T1,").append(WATER).append(",water,1,3.50,,,CASH,,\n");

        List<SourceTransaction> read = read(file.toString().getBytes(StandardCharsets.UTF_8),
                with(profileA(), "csv.maxRowsPerReceipt", "10"));

        assertThat(messages(read.get(0))).containsExactly(
                "lines: rows 2-13: the receipt has 12 rows, more than csv.maxRowsPerReceipt (10) allows");
        assertThat(read.get(1).isAccepted()).isTrue();
    }

    @Test
    void quotedFieldsAndBlankRowsAndTitleRows() throws Exception {
        String file = "门店销售明细\n导出时间 2026-11-27\n" + HEADER_A
                + "\n"
                + "A1,2026-11-26 09:00:00,T1," + WATER + ",\"water, \"\"cold\"\"\",1,3.50,,,CASH,,\n"
                + ",,,,,,,,,,,\n"
                + "A1,2026-11-26 09:00:00,T1," + WATER + ",\"two\nlines\",1,3.50,,,CASH,,\n";

        List<SourceTransaction> read = read(file.getBytes(StandardCharsets.UTF_8),
                with(profileA(), "csv.skipRows", "2"));

        assertThat(read).singleElement().satisfies(t -> {
            assertThat(t.reference()).isEqualTo("sales.csv:5#A1");
            assertThat(t.sale().lines()).extracting(SaleLine::name).containsExactly("water, \"cold\"", "two\nlines");
        });
    }

    @Test
    void missingHeaderColumnMakesTheFileUnreadable() {
        String file = "receipt_no,sale_time,till,barcode,item_name,qty,price\n";

        assertThatThrownBy(() -> read(file.getBytes(StandardCharsets.UTF_8), profileA()))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageStartingWith("sales.csv: row 1: the header has no column \"unit_price\" for"
                        + " csv.columns.unitPrice; its columns are \"receipt_no\", \"sale_time\"");
    }

    @Test
    void semicolonFileReadWithCommaProfileIsUnreadable() {
        String file = HEADER_A.replace(',', ';');

        assertThatThrownBy(() -> read(file.getBytes(StandardCharsets.UTF_8), profileA()))
                .isInstanceOf(UnreadableSourceException.class).hasMessageContaining("row 1: the header has no column");
    }

    @Test
    void headerlessFileWithAnotherDelimiterIsUnreadable() {
        Map<String, String> profile = Map.of("csv.header", "false", "csv.columns.receipt", "1", "csv.columns.time",
                "2", "csv.columns.gtin", "3", "csv.columns.unitPrice", "4", "csv.tender", "cash");

        assertThatThrownBy(() -> read(("\nR1;2026-11-26 10:00:00;" + WATER + ";3.50\n").getBytes(StandardCharsets.UTF_8),
                profile)).isInstanceOf(UnreadableSourceException.class).hasMessage("sales.csv: row 2: the first row"
                        + " has a single column but the profile reads 4; is csv.delimiter (,) right?");
    }

    @Test
    void emptyFileNeedsAHeaderButHeaderOnlyIsFine() throws Exception {
        assertThatThrownBy(() -> read(new byte[0], profileA())).isInstanceOf(UnreadableSourceException.class)
                .hasMessage("sales.csv: row 1: expected a header row (csv.header is true) but the file has no rows");
        assertThat(read(Fixtures.BOM, with(profileB(), "csv.header", "false", "csv.columns.receipt", "1",
                "csv.columns.time", "2", "csv.columns.gtin", "3", "csv.columns.name", "4", "csv.columns.quantity", "5",
                "csv.columns.unitPrice", "6", "csv.columns.lineAmount", "7", "csv.columns.tender", "8"))).isEmpty();
        assertThat(read(HEADER_A.getBytes(StandardCharsets.UTF_8), profileA())).isEmpty();
    }

    @Test
    void undecodableBytesNameTheirRowAndEarlierReceiptsStand() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String good = HEADER_A
                + "A1,2026-11-26 09:00:00,T1," + WATER + ",water,1,3.50,,,CASH,,\n"
                + "A2,2026-11-26 09:00:00,T1," + WATER + ",water,1,3.50,,,CASH,,\n";
        bytes.writeBytes(good.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("A3,2026-11-26 09:00:00,T1,".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("康师傅".getBytes(GBK));
        bytes.writeBytes(",1,3.50,,,CASH,,\n".getBytes(StandardCharsets.UTF_8));
        List<SourceTransaction> seen = new ArrayList<>();

        assertThatThrownBy(() -> new CsvFormat().read(new ByteArrayInputStream(bytes.toByteArray()),
                context(profileA()), seen::add))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageStartingWith("sales.csv: row 4: bytes ")
                .hasMessageContaining("at byte offset " + (good.getBytes(StandardCharsets.UTF_8).length + 26));
        assertThat(seen).extracting(SourceTransaction::reference).containsExactly("sales.csv:2#A1");
    }

    @Test
    void unterminatedQuoteIsUnreadableAtItsRow() {
        String file = HEADER_A + "A1,2026-11-26 09:00:00,T1," + WATER + ",\"water,1,3.50,,,CASH,,\n";

        assertThatThrownBy(() -> read(file.getBytes(StandardCharsets.UTF_8), profileA()))
                .isInstanceOf(UnreadableSourceException.class).hasMessageStartingWith("sales.csv: row 2: ");
    }

    @Test
    void rowWithoutEndIsUnreadableInsteadOfFillingMemory() {
        byte[] endless = new byte[CsvFormat.MAX_ROW_CHARS + 10_000];
        java.util.Arrays.fill(endless, (byte) 'x');
        byte[] header = HEADER_A.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(header);
        bytes.writeBytes(endless);

        assertThatThrownBy(() -> read(bytes.toByteArray(), profileA()))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("sales.csv: row 2: the row runs on for more than 1048576 characters"
                        + " (a missing line break or an unterminated quote)");
    }

    @Test
    void invalidProfileIsRefusedBeforeReading() {
        assertThatThrownBy(() -> read(new byte[0], with(profileA(), "csv.amounts", "rmb")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid CSV profile: csv.amounts: must be one of yuan, fen, was \"rmb\"");
    }

    @Test
    void fieldsLongerThanTheLimitAreRejectedNotTruncated() throws Exception {
        String name = "名".repeat(Row.MAX_FIELD + 1);
        String file = HEADER_A + "A1,2026-11-26 09:00:00,T1," + WATER + "," + name + ",1,3.50,,,CASH,,\n";

        List<SourceTransaction> read = read(file.getBytes(StandardCharsets.UTF_8), profileA());

        assertThat(messages(read.get(0))).containsExactly("lines[0].name: row 2: is longer than 256 characters");
    }

    private static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
