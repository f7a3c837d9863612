package org.storelink.pos.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storelink.pos.csv.internal.Fixtures.profileA;
import static org.storelink.pos.csv.internal.Fixtures.profileB;
import static org.storelink.pos.csv.internal.Fixtures.with;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.storelink.model.TenderType;
import org.storelink.pos.csv.internal.CsvProfile.Amounts;
import org.storelink.pos.csv.internal.CsvProfile.Column;
import org.storelink.pos.csv.internal.CsvProfile.Field;
import org.storelink.pos.csv.internal.CsvProfile.InStoreValue;
import org.storelink.pos.csv.internal.CsvProfile.ReceiptScope;

class CsvProfileTest {

    private static Map<String, String> minimal() {
        return Map.of("csv.columns.receipt", "1", "csv.columns.time", "2", "csv.columns.gtin", "3",
                "csv.columns.unitPrice", "4", "csv.tender", "cash");
    }

    @Test
    void bothReadmeProfilesAreValid() {
        assertThat(Fixtures.readmeProfiles()).hasSize(2);
        assertThat(CsvProfile.problems(profileA())).isEmpty();
        assertThat(CsvProfile.problems(profileB())).isEmpty();

        CsvProfile b = CsvProfile.from(profileB());
        assertThat(b.charset()).isEqualTo(Fixtures.GBK);
        assertThat(b.amounts()).isEqualTo(Amounts.FEN);
        assertThat(b.column(Field.RECEIPT)).contains(new Column("小票号", 0));
        assertThat(b.tenderType("支付宝")).contains(TenderType.ALIPAY);
        assertThat(b.inStore()).containsExactly(Map.entry(20, InStoreValue.WEIGHT));
        assertThat(b.receiptScope()).isEqualTo(ReceiptScope.DAY);
        assertThat(b.pos()).isEqualTo("ecr-1");
    }

    @Test
    void defaults() {
        CsvProfile profile = CsvProfile.from(minimal());

        assertThat(profile.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(profile.delimiter()).isEqualTo(',');
        assertThat(profile.quote()).isEqualTo('"');
        assertThat(profile.header()).isTrue();
        assertThat(profile.skipRows()).isZero();
        assertThat(profile.amounts()).isEqualTo(Amounts.YUAN);
        assertThat(profile.currency()).isEqualTo("CNY");
        assertThat(profile.timeFormatPattern()).isEqualTo("yyyy-MM-dd HH:mm:ss");
        assertThat(profile.pos()).isEqualTo("csv");
        assertThat(profile.defaultTender()).contains(TenderType.CASH);
        assertThat(profile.receiptScope()).isEqualTo(ReceiptScope.REGISTER);
        assertThat(profile.maxRowsPerReceipt()).isEqualTo(1000);
        assertThat(profile.inStore()).isEmpty();
    }

    @Test
    void everyProblemIsReportedWithItsKey() {
        Map<String, String> options = new HashMap<>();
        options.put("csv.charset", "BIG-FIVE-ISH");
        options.put("csv.delimiter", ";;");
        options.put("csv.header", "yes");
        options.put("csv.amounts", "rmb");
        options.put("csv.currency", "RMB");
        options.put("csv.timeFormat", "yyyy-MM-dd {HH}");
        options.put("csv.columns.receipt", "0");
        options.put("csv.columns.barcode", "3");
        options.put("csv.columns.time", "");
        options.put("csv.tenderMap.现金", "money");
        options.put("csv.instore.30", "price");
        options.put("csv.instore.21", "volume");
        options.put("csv.colums.gtin", "3");
        options.put("csv.pos", "a/b");
        options.put("csv.maxRowsPerReceipt", "0");
        options.put("feed.transport", "sftp");

        assertThat(CsvProfile.problems(options)).containsExactlyInAnyOrder(
                "csv.amounts: must be one of yuan, fen, was \"rmb\"",
                "csv.charset: unknown or unsupported charset \"BIG-FIVE-ISH\"; use UTF-8 or GBK",
                "csv.colums.gtin: unknown key; known keys are csv.charset, csv.delimiter, csv.quote, csv.header,"
                        + " csv.skipRows, csv.columns.<field>, csv.amounts, csv.currency, csv.timeFormat, csv.pos,"
                        + " csv.tender, csv.tenderMap.<label>, csv.instore.<prefix>, csv.receiptScope,"
                        + " csv.maxRowsPerReceipt",
                "csv.columns.barcode: unknown field \"barcode\"; fields are receipt, date, time, pos, gtin, name,"
                        + " quantity, unitPrice, lineAmount, discount, tender, tenderAmount, reference",
                "csv.columns.receipt: column number must be 1 to 1024, was 0",
                "csv.columns.time: must be a header name or a 1-based column number",
                "csv.currency: unknown ISO 4217 code \"RMB\"",
                "csv.delimiter: must be one character (or \"tab\"), was \";;\"",
                "csv.header: must be true or false, was \"yes\"",
                "csv.instore.21: must be one of price, weight, was \"volume\"",
                "csv.instore.30: the prefix must be two digits from 20 to 29, was \"30\"",
                "csv.maxRowsPerReceipt: must be a whole number from 1 to 100000, was \"0\"",
                "csv.pos: must be 1 to 64 characters without '/', was \"a/b\"",
                "csv.tenderMap.现金: unknown tender type \"money\"; expected one of cash, alipay, wechat, card, other",
                "csv.timeFormat: \"yyyy-MM-dd {HH}\" is not a DateTimeFormatter pattern: Pattern includes reserved"
                        + " character: '{'",
                "csv.columns.receipt: is required",
                "csv.columns.time: is required",
                "csv.columns.gtin: is required",
                "csv.columns.unitPrice: is required",
                "csv.columns.tender: is required unless csv.tender names the tender type of every receipt");
    }

    @Test
    void fromThrowsOneExceptionNamingEveryKey() {
        Map<String, String> options = with(minimal(), "csv.amounts", "rmb", "csv.quote", "''");

        assertThatThrownBy(() -> CsvProfile.from(options)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid CSV profile: csv.amounts: must be one of yuan, fen, was \"rmb\";"
                        + " csv.quote: must be one character (or \"tab\") or \"none\", was \"''\"");
        assertThatThrownBy(() -> CsvProfile.from(null)).hasMessage("invalid CSV profile: options: are required");
    }

    @Test
    void headerNamesNeedAHeader() {
        Map<String, String> options = with(minimal(), "csv.header", "false", "csv.columns.gtin", "条码");

        assertThat(CsvProfile.problems(options)).containsExactly("csv.columns.gtin: \"条码\" is a header name but"
                + " csv.header is false; give a 1-based column number");
    }

    @Test
    void delimiterAndQuoteSpellings() {
        assertThat(CsvProfile.from(with(minimal(), "csv.delimiter", "tab")).delimiter()).isEqualTo('\t');
        assertThat(CsvProfile.from(with(minimal(), "csv.delimiter", "\t")).delimiter()).isEqualTo('\t');
        assertThat(CsvProfile.from(with(minimal(), "csv.delimiter", "\\t")).delimiter()).isEqualTo('\t');
        assertThat(CsvProfile.from(with(minimal(), "csv.delimiter", ";")).delimiter()).isEqualTo(';');
        assertThat(CsvProfile.from(with(minimal(), "csv.delimiter", "|")).delimiter()).isEqualTo('|');
        assertThat(CsvProfile.from(with(minimal(), "csv.quote", "none")).quote()).isNull();
        assertThat(CsvProfile.problems(with(minimal(), "csv.delimiter", "\"")))
                .containsExactly("csv.quote: must differ from csv.delimiter");
    }

    @Test
    void tenderLabelsMapExactlyThenIgnoringCaseThenByTypeName() {
        CsvProfile profile = CsvProfile.from(with(minimal(), "csv.tenderMap.WxPay", "wechat", "csv.tenderMap.现金",
                "cash"));

        assertThat(profile.tenderType("WxPay")).contains(TenderType.WECHAT);
        assertThat(profile.tenderType("wxpay")).contains(TenderType.WECHAT);
        assertThat(profile.tenderType(" 现金 ")).contains(TenderType.CASH);
        assertThat(profile.tenderType("ALIPAY")).contains(TenderType.ALIPAY);
        assertThat(profile.tenderType("信用卡")).isEmpty();
    }

    @Test
    void amountsAreExactInYuanAndWholeInFen() {
        CsvProfile yuan = CsvProfile.from(minimal());
        CsvProfile fen = CsvProfile.from(with(minimal(), "csv.amounts", "fen"));

        assertThat(yuan.parseAmount("3.50")).isEqualTo(350);
        assertThat(yuan.parseAmount(" 0.1 ")).isEqualTo(10);
        assertThat(yuan.parseAmount("-3.5")).isEqualTo(-350);
        assertThat(yuan.parseAmount("￥12")).isEqualTo(1200);
        assertThat(yuan.parseAmount("-¥0.05")).isEqualTo(-5);
        assertThat(yuan.parseAmount("+1.00")).isEqualTo(100);
        assertThatThrownBy(() -> yuan.parseAmount("0.005")).hasMessageContaining("more than 2 decimal places");
        assertThatThrownBy(() -> yuan.parseAmount("1,000.00")).hasMessageContaining("is not a plain decimal");
        assertThatThrownBy(() -> yuan.parseAmount("99999999999999999999")).hasMessageContaining("out of range");
        assertThat(fen.parseAmount("350")).isEqualTo(350);
        assertThat(fen.parseAmount("-5")).isEqualTo(-5);
        assertThatThrownBy(() -> fen.parseAmount("3.50")).hasMessage("\"3.50\" is not a whole number of fen");
        assertThatThrownBy(() -> fen.parseAmount("99999999999999999999")).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> fen.parseAmount("9999999999999999999")).hasMessage(
                "\"9999999999999999999\" is out of range");
    }

    @Test
    void timesWithoutZoneTakeTheStoreZone() {
        CsvProfile profile = CsvProfile.from(minimal());

        assertThat(profile.parseTime("2026-11-26 09:15:30", ZoneId.of("Asia/Shanghai")))
                .isEqualTo(OffsetDateTime.parse("2026-11-26T09:15:30+08:00"));
        assertThat(profile.parseTime("2026-11-26 09:15:30", ZoneId.of("Asia/Urumqi")))
                .isEqualTo(OffsetDateTime.parse("2026-11-26T09:15:30+06:00"));
        CsvProfile zoned = CsvProfile.from(with(minimal(), "csv.timeFormat", "yyyy-MM-dd HH:mm VV"));
        assertThat(zoned.parseTime("2026-07-01 12:00 Europe/Berlin", ZoneId.of("Asia/Shanghai")))
                .isEqualTo(OffsetDateTime.parse("2026-07-01T12:00+02:00"));
        CsvProfile uuuu = CsvProfile.from(with(minimal(), "csv.timeFormat", "uuuu/M/d H:mm"));
        assertThat(uuuu.parseTime("2026/11/6 9:05", ZoneId.of("Asia/Shanghai")))
                .isEqualTo(OffsetDateTime.parse("2026-11-06T09:05+08:00"));
    }
}
