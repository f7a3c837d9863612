package org.storelink.statements.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.storelink.statements.internal.Fixtures.camt053;
import static org.storelink.statements.internal.Fixtures.entry;
import static org.storelink.statements.internal.Fixtures.stmt;
import static org.storelink.statements.internal.Fixtures.stream;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.storelink.model.Settlement;
import org.storelink.model.SettlementRecorded;
import org.storelink.model.Violation;
import org.storelink.statements.StatementImportReport;
import org.storelink.statements.StatementImportReport.CurrencyTotal;
import org.storelink.statements.StatementPublishException;

class StatementsTest {
    private static final String STORE = "sh-campus-001";
    private static final String ASSIGNED = Fixtures.IBAN + "=" + STORE;

    /** Two booked entries (one with the bank's reference, one without) and one pending. */
    private static final String STATEMENT = camt053("02", stmt("2026-11-25/1",
            entry("88.00", "CNY", "CRDT", "<AcctSvcrRef>BANK-REF-1</AcctSvcrRef>")
                    + entry("3.50", "CNY", "DBIT", "")
                    + entry("9.99", "CNY", "CRDT", "PDNG", "")));

    private final Fixtures.RecordingPublisher publisher = new Fixtures.RecordingPublisher();

    private Statements statements(String accounts, String unassigned, String... stores) {
        return new Statements(AccountMapping.of(new String[] {accounts}, unassigned), Fixtures.stores(stores),
                publisher, Fixtures.CLOCK);
    }

    private StatementImportReport run(Statements statements, String xml, boolean dryRun) {
        return statements.importStatement(stream(xml), "day.xml", "console", dryRun);
    }

    @Test
    void bookedEntriesArePublishedAndOthersCountedAsSkipped() {
        StatementImportReport report = run(statements(ASSIGNED, "refuse", STORE), STATEMENT, false);

        assertThat(report.accepted()).isTrue();
        assertThat(report.message()).isEqualTo("camt.053.001.02");
        assertThat(report.entriesBooked()).isEqualTo(2);
        assertThat(report.entriesSkipped()).isEqualTo(1);
        assertThat(report.settlementsPublished()).isEqualTo(2);
        assertThat(report.statements()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("2026-11-25/1");
            assertThat(s.account()).isEqualTo(Fixtures.IBAN);
            assertThat(s.storeId()).isEqualTo(STORE);
            assertThat(s.currency()).isEqualTo("CNY");
            assertThat(s.entries()).isEqualTo(3);
            assertThat(s.totals()).containsExactly(new CurrencyTotal("CNY", 8800, -350));
        });
        assertThat(publisher.published).extracting(SettlementRecorded::settlement).containsExactly(
                new Settlement(Fixtures.IBAN + ":BANK-REF-1", STORE, Fixtures.IBAN, 8800, "CNY",
                        LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 26), "BANK-REF-1",
                        java.util.List.of(), "2026-11-25/1"),
                new Settlement(Fixtures.IBAN + ":2026-11-25/1:2", STORE, Fixtures.IBAN, -350, "CNY",
                        LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 26), null, java.util.List.of(),
                        "2026-11-25/1"));
    }

    @Test
    void aDryRunReportsEverythingAndPublishesNothing() {
        StatementImportReport report = run(statements(ASSIGNED, "refuse", STORE), STATEMENT, true);

        assertThat(report.accepted()).isTrue();
        assertThat(report.dryRun()).isTrue();
        assertThat(report.entriesBooked()).isEqualTo(2);
        assertThat(report.settlementsPublished()).isZero();
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void anAccountAssignedToNoStoreRefusesTheImport() {
        StatementImportReport report = run(statements("", "refuse", STORE), STATEMENT, false);

        assertThat(report.accepted()).isFalse();
        assertThat(report.rejected()).isEqualTo("Stmt[1]/Acct/Id: account NL77ABNA0574908765 is not assigned to a"
                + " store (set accounts in etc/org.storelink.statements.cfg)");
        assertThat(report.statements()).singleElement().satisfies(s -> assertThat(s.storeId()).isNull());
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void withUnassignedAcceptTheSettlementsHaveNoStore() {
        StatementImportReport report = run(statements("", "accept", STORE), STATEMENT, false);

        assertThat(report.accepted()).isTrue();
        assertThat(publisher.published).hasSize(2).allSatisfy(e -> assertThat(e.settlement().storeId()).isNull());
    }

    @Test
    void anAccountAssignedToAnUnregisteredStoreRefusesTheImport() {
        StatementImportReport report = run(statements(Fixtures.IBAN + "=sh-gone-404", "accept", STORE), STATEMENT,
                false);

        assertThat(report.rejected()).isEqualTo("Stmt[1]/Acct/Id: account NL77ABNA0574908765 is assigned to store"
                + " sh-gone-404, which is not registered (see storelink:store-list)");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void aMalformedDocumentIsReportedWithItsProblemsAndPublishesNothing() {
        String bad = camt053("02", stmt("S1", entry("1.00", "CNY", "CRDT", "") + entry("12,50", "CNY", "CRDT", "")));

        StatementImportReport report = run(statements(ASSIGNED, "refuse", STORE), bad, false);

        assertThat(report.accepted()).isFalse();
        assertThat(report.message()).isEqualTo("camt.053.001.02");
        assertThat(report.statements()).isEmpty();
        assertThat(report.problems()).containsExactly(
                new Violation("Stmt[1]/Ntry[2]/Amt", "\"12,50\" is not a plain decimal number such as 7.00"));
        assertThat(report.rejected()).isEqualTo(
                "Stmt[1]/Ntry[2]/Amt: \"12,50\" is not a plain decimal number such as 7.00");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void twoEntriesWithTheSameBankReferenceAreRefusedRatherThanOneDroppedAsADuplicate() {
        String twice = camt053("02", stmt("S1", entry("1.00", "CNY", "CRDT", "<AcctSvcrRef>R</AcctSvcrRef>")
                + entry("2.00", "CNY", "CRDT", "<AcctSvcrRef>R</AcctSvcrRef>")));

        StatementImportReport report = run(statements(ASSIGNED, "refuse", STORE), twice, false);

        assertThat(report.rejected()).isEqualTo("Stmt[1]/Ntry[2]/AcctSvcrRef: \"R\" is also the bank's reference of"
                + " Stmt[1]/Ntry[1]; each entry needs its own");
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void theSameEntryInANotificationAndInTheStatementHasOneSettlementId() {
        String booked = entry("88.00", "CNY", "CRDT", "<AcctSvcrRef>BANK-REF-1</AcctSvcrRef>");
        Statements statements = statements(ASSIGNED, "refuse", STORE);

        run(statements, Fixtures.camt054("04", Fixtures.statement("Ntfctn", "N-1",
                "<IBAN>" + Fixtures.IBAN + "</IBAN>", booked)), false);
        run(statements, camt053("04", stmt("S-1", booked)), false);

        assertThat(publisher.published).extracting(e -> e.settlement().settlementId())
                .containsExactly(Fixtures.IBAN + ":BANK-REF-1", Fixtures.IBAN + ":BANK-REF-1");
    }

    @Test
    void aBrokerFailureSaysHowManyWerePublishedAndThatImportingAgainIsSafe() {
        Fixtures.RecordingPublisher failing = new Fixtures.RecordingPublisher(2);
        Statements statements = new Statements(AccountMapping.of(new String[] {ASSIGNED}, "refuse"),
                Fixtures.stores(STORE), failing, Fixtures.CLOCK);

        StatementPublishException failure = catchThrowableOfType(StatementPublishException.class,
                () -> statements.importStatement(stream(STATEMENT), "day.xml", "console", false));

        assertThat(failure.published()).isEqualTo(1);
        assertThat(failure.total()).isEqualTo(2);
        assertThat(failure.getMessage()).isEqualTo("day.xml: the broker took 1 of 2 settlements (broker unavailable);"
                + " import it again, nothing is stored twice");
    }
}
