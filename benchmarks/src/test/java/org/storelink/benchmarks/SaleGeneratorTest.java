package org.storelink.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.storelink.model.Gtin;
import org.storelink.model.json.SaleReader;

class SaleGeneratorTest {

    private static final List<StoreList.Store> STORES = List.of(
            new StoreList.Store("sh-campus-001", "demo-secret-sh-campus-001".getBytes(StandardCharsets.UTF_8),
                    ZoneId.of("Asia/Shanghai")),
            new StoreList.Store("bj-transit-004", "demo-secret-bj-transit-004".getBytes(StandardCharsets.UTF_8),
                    ZoneId.of("Asia/Shanghai")));

    @Test
    void everyGeneratedSaleIsAcceptedByThePlatformsReader() {
        SaleGenerator generator = new SaleGenerator(STORES, "t1");
        for (long i = 0; i < 2_000; i++) {
            SaleGenerator.SignedSale sale = generator.sale(i);
            SaleReader.Result read = SaleReader.read(sale.body(), sale.storeId());
            assertThat(read.violations()).as(SaleGenerator.utf8(sale.body())).isEmpty();
            assertThat(read.sale().lines()).hasSizeBetween(1, 5);
            assertThat(read.sale().receiptNo()).isEqualTo("t1-" + i);
        }
    }

    @Test
    void salesAreSpreadOverTheStoresAndDistinct() {
        SaleGenerator generator = new SaleGenerator(STORES, "t2");
        Set<String> ids = new HashSet<>();
        Set<String> stores = new HashSet<>();
        for (long i = 0; i < 100; i++) {
            SaleGenerator.SignedSale sale = generator.sale(i);
            ids.add(sale.storeId() + "/" + sale.receiptNo());
            stores.add(sale.storeId());
        }
        assertThat(ids).hasSize(100);
        assertThat(stores).containsExactlyInAnyOrder("sh-campus-001", "bj-transit-004");
    }

    @Test
    void signatureIsTheHmacOfTheExactBody() {
        SaleGenerator.SignedSale sale = new SaleGenerator(STORES, "t3").sale(0);
        String expected = "sha256=" + HexFormat.of().formatHex(
                SaleGenerator.hmac("demo-secret-sh-campus-001".getBytes(StandardCharsets.UTF_8), sale.body()));
        assertThat(sale.signature()).isEqualTo(expected).matches("sha256=[0-9a-f]{64}");
    }

    @Test
    void catalogueNumbersHaveValidCheckDigits() {
        assertThat(SaleGenerator.ean13("400638133393")).isEqualTo("4006381333931");
        for (SaleGenerator.Product product : SaleGenerator.CATALOGUE) {
            assertThat(product.gtin()).hasSize(13);
            assertThat(Gtin.problem(product.gtin())).as(product.gtin()).isEmpty();
        }
        assertThat(SaleGenerator.CATALOGUE.stream().map(SaleGenerator.Product::gtin).distinct())
                .hasSameSizeAs(SaleGenerator.CATALOGUE);
    }

    @Test
    void storesFileIsParsed() throws Exception {
        var root = new ObjectMapper().readTree("{\"stores\":[{\"id\":\"a\",\"secret\":\"s\",\"zone\":\"Europe/Paris\"}]}");
        assertThat(StoreList.parse(root)).singleElement()
                .satisfies(store -> assertThat(store.id()).isEqualTo("a"))
                .satisfies(store -> assertThat(store.zone()).isEqualTo(ZoneId.of("Europe/Paris")));
    }

    @Test
    void onlyLoopbackTargetsAreAccepted() {
        Loopback.require(URI.create("http://localhost:8181"), "--url");
        Loopback.require(URI.create("http://127.0.0.1:8181"), "--url");
        assertThatThrownBy(() -> Loopback.require(URI.create("http://192.0.2.10:8181"), "--url"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IngestLoad.parse(new String[] {"--url", "http://192.0.2.10:8181", "--stores", "x"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void argumentsAreParsedWithDefaults() {
        IngestLoad.Options options = IngestLoad.parse(new String[] {
            "--url", "http://localhost:28181/", "--stores", "s.json", "--sales=100", "--concurrency", "8",
            "--run-id", "abc"});
        assertThat(options.url()).hasToString("http://localhost:28181");
        assertThat(options.sales()).isEqualTo(100);
        assertThat(options.concurrency()).isEqualTo(8);
        assertThat(options.warmup()).isZero();
        assertThat(options.maxSeconds()).isEqualTo(600);
        assertThatThrownBy(() -> IngestLoad.parse(new String[] {"--stores", "s", "--run-id", "a/b"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
