package org.storelink.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.json.SaleReader;

/** The pieces the crash test relies on: identical resends, the sale ledger file and the expected ledger totals. */
class CrashTestToolsTest {

    private static final List<StoreList.Store> STORES = List.of(
            new StoreList.Store("sh-campus-001", "demo-secret-sh-campus-001".getBytes(StandardCharsets.UTF_8),
                    ZoneId.of("Asia/Shanghai")),
            new StoreList.Store("ny-office-002", "demo-secret-ny-office-002".getBytes(StandardCharsets.UTF_8),
                    ZoneId.of("America/New_York")));
    private static final Instant BASE = Instant.parse("2026-11-26T13:00:00Z");

    @Test
    void withABaseTimeASaleIsRegeneratedByteForByte() {
        SaleGenerator first = new SaleGenerator(STORES, "c1", BASE);
        SaleGenerator again = new SaleGenerator(STORES, "c1", BASE);
        for (long i = 0; i < 200; i++) {
            SaleGenerator.SignedSale a = first.sale(i);
            SaleGenerator.SignedSale b = again.sale(i);
            assertThat(b.body()).isEqualTo(a.body());
            assertThat(b.signature()).isEqualTo(a.signature());
            Sale read = SaleReader.read(a.body(), a.storeId()).sale();
            assertThat(a.saleId()).isEqualTo(read.saleId());
            assertThat(read.occurredAt().toInstant()).isBetween(BASE.minusSeconds(120), BASE);
        }
    }

    @Test
    void withoutABaseTimeTheSalesAreAsBefore() {
        // same random draws in the same order: only the till time follows the clock
        SaleGenerator now = new SaleGenerator(STORES, "c2");
        SaleGenerator fixed = new SaleGenerator(STORES, "c2", BASE);
        Sale a = SaleReader.read(now.sale(7).body(), "ny-office-002").sale();
        Sale b = SaleReader.read(fixed.sale(7).body(), "ny-office-002").sale();
        assertThat(a.lines()).isEqualTo(b.lines());
        assertThat(a.tenders()).isEqualTo(b.tenders());
        assertThat(a.saleId()).isEqualTo(b.saleId());
        assertThat(now.baseTime()).isNull();
    }

    @Test
    void ledgerFileRoundTripsAndResendsOnlyWhatWasNotAcknowledged(@TempDir Path dir) throws Exception {
        SaleGenerator generator = new SaleGenerator(STORES, "c3", BASE);
        SaleLedgerFile.Outcomes first = new SaleLedgerFile.Outcomes(6);
        first.acked(0);
        first.failed(1, "ConnectException");
        first.acked(2);
        first.failed(3, "status_503");
        first.acked(5); // 4 never sent
        Path round0 = dir.resolve("round0.tsv");
        SaleLedgerFile.first(generator, 6, STORES.size(), first).write(round0);

        SaleLedgerFile read = SaleLedgerFile.read(round0);
        assertThat(read.header()).isEqualTo(new SaleLedgerFile.Header("c3", 6, 2, BASE, 0));
        assertThat(read.count(SaleLedgerFile.Outcome.ACKED)).isEqualTo(3);
        assertThat(read.pending()).extracting(SaleLedgerFile.Entry::index).containsExactly(1L, 3L, 4L);
        assertThat(read.entries().get(1).saleId()).isEqualTo(generator.sale(1).saleId());
        assertThat(read.entries().get(3).lastFailure()).isEqualTo("status_503");
        assertThat(read.entries().get(4).posts()).isZero();

        List<SaleLedgerFile.Entry> pending = read.pending();
        SaleLedgerFile.Outcomes resend = new SaleLedgerFile.Outcomes(pending.size());
        resend.acked(0);
        resend.failed(1, "HttpTimeoutException");
        resend.acked(2);
        Path round1 = dir.resolve("round1.tsv");
        read.afterResend(pending, resend).write(round1);

        SaleLedgerFile after = SaleLedgerFile.read(round1);
        assertThat(after.header().round()).isEqualTo(1);
        assertThat(after.pending()).extracting(SaleLedgerFile.Entry::index).containsExactly(3L);
        assertThat(after.entries().get(1)).satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(SaleLedgerFile.Outcome.ACKED);
            assertThat(e.posts()).isEqualTo(2);
            assertThat(e.ackedRound()).isEqualTo(1);
        });
        assertThat(after.entries().get(4).posts()).isEqualTo(1);
        assertThat(after.entries().get(0).ackedRound()).isZero();
        assertThat(Files.readAllLines(round1).get(0)).isEqualTo(SaleLedgerFile.MAGIC);
    }

    @Test
    void aTruncatedLedgerFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, SaleLedgerFile.MAGIC + "\n# run-id=x sales=2 stores=1 base-time=" + BASE
                + " round=0\n0\ta/b/x-0\tacked\t1\t0\t-\n");
        assertThatThrownBy(() -> SaleLedgerFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header says sales=2");
    }

    @Test
    void expectedTotalsAgreeWithThePlatformsOwnArithmetic() {
        SaleGenerator generator = new SaleGenerator(STORES, "c4", BASE);
        ExpectedTotals totals = ExpectedTotals.of(generator, 500);
        long revenue = 0;
        Map<String, BigDecimal> units = new TreeMap<>();
        Map<String, Long> amounts = new TreeMap<>();
        for (long i = 0; i < 500; i++) {
            SaleGenerator.SignedSale signed = generator.sale(i);
            Sale sale = SaleReader.read(signed.body(), signed.storeId()).sale();
            revenue += sale.total();
            for (SaleLine line : sale.lines()) {
                units.merge(line.gtin().value(), line.quantity(), BigDecimal::add);
                amounts.merge(line.gtin().value(), line.amount(), Long::sum);
            }
        }
        assertThat(totals.sales()).isEqualTo(500);
        assertThat(totals.revenueMinor()).isEqualTo(revenue);
        assertThat(totals.products().keySet()).isEqualTo(units.keySet());
        totals.products().forEach((gtin, product) -> {
            assertThat(product.units()).isEqualByComparingTo(units.get(gtin));
            assertThat(product.revenueMinor()).isEqualTo(amounts.get(gtin));
        });
    }

    @Test
    void aSalesSummaryIsComparedWithTheExpectedTotals() {
        ExpectedTotals totals = ExpectedTotals.of(new SaleGenerator(STORES, "c5", BASE), 300);
        assertThat(totals.compare(summary(totals, 0))).isEmpty();

        List<String> doubled = totals.compare(summary(totals, 1));
        assertThat(doubled).hasSize(1).first().asString().startsWith("product ").contains("expected units=");

        String oneSaleMore = summary(totals, 0).replace("Sales: 300", "Sales: 301");
        assertThat(totals.compare(oneSaleMore)).containsExactly("sales: ledger 301, expected 300");
        assertThat(totals.compare("Error executing command")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void crashModeOptionsAreParsed() {
        IngestLoad.Options options = IngestLoad.parse(new String[] {
            "--stores", "s.json", "--ledger-file", "r0.tsv", "--base-time", "2026-11-26T13:00:00Z",
            "--pause-on-error-ms", "3000", "--progress-file", "p.txt", "--rate", "100"});
        assertThat(options.ledgerFile()).isEqualTo(Path.of("r0.tsv"));
        assertThat(options.baseTime()).isEqualTo(BASE);
        assertThat(options.pauseOnErrorMillis()).isEqualTo(3000);
        assertThat(options.rate()).isEqualTo(100.0);
        assertThat(IngestLoad.parse(new String[] {"--stores", "s"}).rate()).isZero();
        assertThatThrownBy(() -> IngestLoad.parse(new String[] {"--stores", "s", "--ledger-file", "f", "--warmup", "5"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IngestLoad.parse(new String[] {"--stores", "s", "--summary", "x"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IngestLoad.parse(new String[] {"--stores", "s", "--rate", "-1"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyOutcomeIsRecordedAndADeadServerDoesNotStopTheRun(@TempDir Path dir) throws Exception {
        // a loopback server that refuses every third sale with 503, the others 202
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/storelink/api/v1/stores/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String text = new String(body, StandardCharsets.UTF_8);
            long index = Long.parseLong(text.replaceAll("(?s).*\"receiptNo\":\"c6-(\\d+)\".*", "$1"));
            exchange.sendResponseHeaders(index % 3 == 0 ? 503 : 202, -1);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        Path progress = dir.resolve("progress.txt");
        try {
            IngestLoad.Options options = IngestLoad.parse(new String[] {
                "--url", "http://127.0.0.1:" + port, "--stores", "s", "--concurrency", "4", "--rate", "200",
                "--progress-file", progress.toString()});
            SaleGenerator generator = new SaleGenerator(STORES, "c6", BASE);
            SaleLedgerFile.Outcomes outcomes = new SaleLedgerFile.Outcomes(60);
            long started = System.nanoTime();
            IngestLoad.Result result = IngestLoad.run(HttpClient.newHttpClient(), generator, options, p -> p, 60,
                    System.nanoTime() + 30_000_000_000L, outcomes);
            assertThat(System.nanoTime() - started).as("60 sales at 200/s").isGreaterThan(250_000_000L);
            assertThat(result.ok()).isEqualTo(40);
            assertThat(result.failures()).containsEntry("status_503", 20L);
            SaleLedgerFile file = SaleLedgerFile.first(generator, 60, STORES.size(), outcomes);
            assertThat(file.pending()).extracting(SaleLedgerFile.Entry::index).allMatch(i -> i % 3 == 0).hasSize(20);
            assertThat(Files.readString(progress)).startsWith("posted=60 ok=40 failed=20 total=60 done=true");
        } finally {
            server.stop(0);
        }

        // the server is gone: every POST fails with a connection error, recorded as failed, and the run ends
        IngestLoad.Options options = IngestLoad.parse(new String[] {
            "--url", "http://127.0.0.1:" + port, "--stores", "s", "--concurrency", "2", "--pause-on-error-ms", "20"});
        SaleLedgerFile.Outcomes outcomes = new SaleLedgerFile.Outcomes(10);
        IngestLoad.Result result = IngestLoad.run(HttpClient.newHttpClient(), new SaleGenerator(STORES, "c7", BASE),
                options, p -> p, 10, System.nanoTime() + 30_000_000_000L, outcomes);
        assertThat(result.ok()).isZero();
        assertThat(result.failed()).isEqualTo(10);
        for (int p = 0; p < 10; p++) {
            assertThat(outcomes.outcome(p)).isEqualTo(SaleLedgerFile.Outcome.FAILED);
            assertThat(outcomes.failure(p)).isEqualTo("ConnectException");
        }
    }

    /** The console's layout; {@code extra} > 0 counts the first product's first sale line twice. */
    private static String summary(ExpectedTotals totals, int extra) {
        StringBuilder text = new StringBuilder("Store: all   Business day: all\n")
                .append("Sales: ").append(totals.sales()).append('\n')
                .append("Revenue: CNY ").append(ExpectedTotals.cny(totals.revenueMinor())).append('\n')
                .append("Top products:\n")
                .append("GTIN           | Product | Units |  Revenue\n")
                .append("---------------+---------+-------+---------\n");
        boolean first = true;
        for (Map.Entry<String, ExpectedTotals.Product> entry : totals.products().entrySet()) {
            BigDecimal units = entry.getValue().units();
            long revenue = entry.getValue().revenueMinor();
            if (first && extra > 0) {
                units = units.add(BigDecimal.ONE);
                revenue += 350;
            }
            first = false;
            text.append(entry.getKey()).append(" | Some product | ").append(units.stripTrailingZeros().toPlainString())
                    .append(" | CNY ").append(ExpectedTotals.cny(revenue)).append('\n');
        }
        return text.toString();
    }
}
