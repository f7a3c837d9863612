package org.storelink.reconciliation.command;

import org.storelink.stores.testing.AsUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.storelink.reconciliation.Reconciliation;
import org.storelink.reconciliation.ReconciliationReport;
import org.storelink.reconciliation.ReconciliationResult;
import org.storelink.reconciliation.ResultState;

class ReconcileCommandTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    private static String printed(ReconciliationReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReconcileCommand.print(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheDaysLinesWithFormattedAmountsAndTheCountsPerState() {
        var report = new ReconciliationReport("sh-campus-001", DAY, Instant.parse("2026-11-27T02:00:00Z"), List.of(
                new ReconciliationResult(ResultState.MATCHED, "tender:a#1", "sh-campus-001/till-1/000123",
                        "2026112622001", "alipay:2026112622001", null, 700L, 700L, "CNY", "by reference", null),
                new ReconciliationResult(ResultState.AMOUNT_MISMATCH, "tender:b#1", "sh-campus-001/till-1/000124",
                        "M-2", "alipay:T-2", null, 700L, 500L, "CNY", "refunded CNY 2.00 of CNY 7.00", "id-1"),
                new ReconciliationResult(ResultState.SETTLED, "payout:alipay:2026112622001",
                        "sh-campus-001/till-1/000123", "2026112622001", "alipay:2026112622001", "CN01:E1", 700L,
                        null, "CNY", "in the alipay payout of 2026-11-26", null)));

        String out = printed(report);

        assertThat(out).contains("Store: sh-campus-001   Business day: 2026-11-26")
                .contains("State").contains("Tender/payment ref").contains("Expected").contains("Detail")
                .contains("amount-mismatch").contains("CNY 7.00").contains("CNY 5.00")
                .contains("matched: 1, amount-mismatch: 1, settled: 1");
    }

    @Test
    void aDayWithNothingSaysSo() {
        assertThat(printed(new ReconciliationReport("sh-001", DAY, Instant.EPOCH, List.of())))
                .contains("Nothing to reconcile.");
    }

    @Test
    void aBadDateIsRefusedWithTheOptionNamed() {
        ReconcileCommand command = new ReconcileCommand();
        command.store = "sh-001";
        command.day = "26/11/2026";
        command.reconciliation = new Reconciliation() {
            @Override
            public ReconciliationReport reconcile(String storeId, LocalDate businessDay) {
                throw new AssertionError("not reached");
            }

            @Override
            public Optional<ReconciliationReport> report(String storeId, LocalDate businessDay) {
                return Optional.empty();
            }
        };

        assertThatThrownBy(() -> AsUser.run(AsUser.PLATFORM_ADMIN, command))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--day: \"26/11/2026\" is not a date YYYY-MM-DD");
    }

    @Test
    void aRegionalAdminIsRefusedAStoreOfAnotherRegion() {
        ReconcileCommand command = new ReconcileCommand();
        command.store = "bj-transit-004";
        command.day = "2026-11-26";
        command.stores = AsUser.STORES;
        command.reconciliation = new Reconciliation() {
            @Override
            public ReconciliationReport reconcile(String storeId, LocalDate businessDay) {
                throw new AssertionError("not reached");
            }

            @Override
            public Optional<ReconciliationReport> report(String storeId, LocalDate businessDay) {
                throw new AssertionError("not reached");
            }
        };

        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, command)).isInstanceOf(SecurityException.class)
                .hasMessage(AsUser.REFUSED_NORTH);
    }
}
