package org.storelink.wholesale.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.wholesale.Quantity;
import org.storelink.wholesale.StockCount;
import org.storelink.wholesale.command.CommandAccess;

/** The console commands against the real service on H2, output captured. */
class CommandsOutputTest {
    private DataSource database;
    private WholesaleService service;

    @BeforeEach
    void setUp() throws Exception {
        database = TestWorld.h2();
        service = TestWorld.service(database, new TestWorld.CapturingSender(), TestWorld.clock());
        JdbcWholesale db = new JdbcWholesale(database);
        LocalDate day = LocalDate.of(2026, 10, 29);
        for (int i = 0; i < 28; i++, day = day.plusDays(1)) {
            db.recordSale("s1/t/" + i, "s1", day.atTime(12, 0).atZone(TestWorld.SHANGHAI).toOffsetDateTime(), day,
                    Map.of(TestWorld.TEA, BigDecimal.valueOf(i % 2 == 0 ? 10 : 14)), TestWorld.NOW);
        }
        service.recordStockCount("s1", new StockCount(OffsetDateTime.parse("2026-11-25T21:00:00+08:00"),
                List.of(new Quantity(TestWorld.TEA, new BigDecimal("18")))));
    }

    @AfterEach
    void tearDown() throws Exception {
        TestWorld.shutdownH2(database);
    }

    @Test
    void replenishConfirmCutoffAndOrders() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandAccess.replenish(service, "s1", print);
        CommandAccess.confirm(service, "s1", List.of(), print);
        CommandAccess.confirm(service, "s2", List.of("6901234567892=150", "4006381333931=10"), print);
        CommandAccess.cutoff(service, print);
        CommandAccess.orders(service, "s2", print);
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(text).contains("28.738").contains("112.738").contains("96 (4 pk)")
                .contains("Cut-off at 2026-11-26T10:00+08:00: 2 store order(s), 1 purchase order(s)")
                .contains("CNY 2.30");
    }
}
