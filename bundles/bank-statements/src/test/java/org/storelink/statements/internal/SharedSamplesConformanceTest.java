package org.storelink.statements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.storelink.model.Money;
import org.storelink.model.Settlement;
import org.storelink.model.SettlementRecorded;
import org.storelink.statements.StatementImportReport;
import org.storelink.statements.StatementImportReport.CurrencyTotal;

/** The real camt samples in {@code ../shared/data/camt}, with values read off the files by hand. */
class SharedSamplesConformanceTest {

    private static CamtDocument read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new CamtReader().read(in);
        }
    }

    private static StatementImportReport importAll(Path file, Fixtures.RecordingPublisher publisher, String accounts)
            throws Exception {
        Statements statements = new Statements(AccountMapping.of(new String[] {accounts}, "refuse"),
                Fixtures.stores("sh-campus-001", "sh-office-002"), publisher, Fixtures.CLOCK);
        return statements.importFile(file, "console", false);
    }

    @Test
    void camt053Version02HasThreeBookedEntriesOneOfThemABatch() throws Exception {
        Path file = Fixtures.sample("test-camt053.xml");
        CamtDocument document = read(file);

        assertThat(document.message().name()).isEqualTo("camt.053.001.02");
        assertThat(document.statements()).hasSize(1);
        CamtDocument.Statement statement = document.statements().get(0);
        assertThat(statement.id()).isEqualTo("1234Test/1");
        assertThat(statement.account()).isEqualTo("NL77ABNA0574908765");
        assertThat(statement.currency()).isEqualTo("EUR");
        assertThat(statement.entries()).hasSize(3).allMatch(CamtDocument.Entry::booked);

        CamtDocument.Entry insurance = statement.entries().get(0);
        assertThat(insurance.amount()).isEqualTo(-75425);
        assertThat(insurance.currency()).isEqualTo("EUR");
        assertThat(insurance.bookingDate()).isEqualTo(LocalDate.of(2014, 1, 5));
        assertThat(insurance.valueDate()).isEqualTo(LocalDate.of(2014, 1, 5));
        assertThat(insurance.accountServicerReference()).isNull();
        assertThat(insurance.details()).singleElement().satisfies(d -> {
            assertThat(d.amount()).isEqualTo(-75425L);
            assertThat(d.endToEndId()).isEqualTo("435005714488-ABNO33052620");
            assertThat(d.counterparty()).isEqualTo("INSURANCE COMPANY TESTX");
            assertThat(d.remittance()).isEqualTo("Insurance policy 857239PERIOD 01.01.2014 - 31.12.2014");
            assertThat(d.originalAmount()).isNull();
        });

        CamtDocument.Entry batch = statement.entries().get(1);
        assertThat(batch.amount()).isEqualTo(-66405);
        assertThat(batch.reversal()).isTrue();
        assertThat(batch.details()).extracting(CamtDocument.Detail::amount).containsExactly(-56405L, -10000L);
        assertThat(batch.details()).extracting(CamtDocument.Detail::endToEndId)
                .containsExactly("TESTBANK/NL/20141229/01206408", "TESTBANK/NL/20141229/01206407");
        assertThat(batch.details()).extracting(CamtDocument.Detail::counterparty)
                .containsOnly("Test Customer");
        assertThat(batch.details()).extracting(CamtDocument.Detail::remittance)
                .containsOnly("Direct Debit S14 0410");

        CamtDocument.Entry credit = statement.entries().get(2);
        assertThat(credit.amount()).isEqualTo(140531);
        assertThat(credit.details()).singleElement().satisfies(d -> {
            assertThat(d.amount()).isEqualTo(140531L);
            assertThat(d.endToEndId()).isEqualTo("115");
            assertThat(d.counterparty()).isEqualTo("3rd party Media");
            assertThat(d.remittance()).isNull();
        });
    }

    @Test
    void camt053Version02IsPublishedWithPositionalSettlementIds() throws Exception {
        Path file = Fixtures.sample("test-camt053.xml");
        Fixtures.RecordingPublisher publisher = new Fixtures.RecordingPublisher();

        StatementImportReport report = importAll(file, publisher, "NL77 ABNA 0574 9087 65=sh-campus-001");

        assertThat(report.accepted()).isTrue();
        assertThat(report.entriesBooked()).isEqualTo(3);
        assertThat(report.entriesSkipped()).isZero();
        assertThat(report.settlementsPublished()).isEqualTo(3);
        assertThat(report.statements()).singleElement().satisfies(s -> {
            assertThat(s.storeId()).isEqualTo("sh-campus-001");
            assertThat(s.totals()).containsExactly(new CurrencyTotal("EUR", 140531, -141830));
        });
        List<Settlement> settlements = publisher.published.stream().map(SettlementRecorded::settlement).toList();
        // No entry carries an AcctSvcrRef, so the id is account:statement:position.
        assertThat(settlements).extracting(Settlement::settlementId).containsExactly(
                "NL77ABNA0574908765:1234Test/1:1", "NL77ABNA0574908765:1234Test/1:2",
                "NL77ABNA0574908765:1234Test/1:3");
        assertThat(settlements).extracting(Settlement::amount).containsExactly(-75425L, -66405L, 140531L);
        assertThat(settlements).allSatisfy(s -> {
            assertThat(s.storeId()).isEqualTo("sh-campus-001");
            assertThat(s.statementId()).isEqualTo("1234Test/1");
            assertThat(s.bankReference()).isNull();
        });
        assertThat(settlements.get(1).details()).hasSize(2);
        assertThat(publisher.published).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo("bank-statements:console:test-camt053.xml");
            assertThat(e.recordedAt()).isEqualTo(Fixtures.CLOCK.instant());
        });
    }

    @Test
    void camt053Version04MultiCurrencyKeepsTheOriginalEuroAmountAndTheRate() throws Exception {
        Path file = Fixtures.sample("test-camt053-multi-currency.xml");
        CamtDocument document = read(file);

        assertThat(document.message().name()).isEqualTo("camt.053.001.04");
        CamtDocument.Statement statement = document.statements().get(0);
        assertThat(statement.id()).isEqualTo("47608f88362e485da1eaaa654ab4f84b");
        assertThat(statement.account()).isEqualTo("CH1904835028789771000");
        assertThat(statement.currency()).isEqualTo("CHF");
        assertThat(statement.entries()).hasSize(2);

        CamtDocument.Entry debit = statement.entries().get(0);
        assertThat(debit.amount()).isEqualTo(-57921);
        assertThat(debit.currency()).isEqualTo("CHF");
        assertThat(debit.accountServicerReference()).isEqualTo("DNXK210913CS36481/1001");
        assertThat(debit.bookingDate()).isEqualTo(LocalDate.of(2021, 9, 14));
        assertThat(debit.details()).singleElement().satisfies(d -> {
            // TxDtls/Amt is EUR 522.39, not the entry's currency: the detail is the whole CHF entry.
            assertThat(d.amount()).isEqualTo(-57921L);
            assertThat(d.originalAmount()).isEqualTo(new Money(-52239, "EUR"));
            assertThat(d.exchangeRate()).isEqualTo(
                    new CamtDocument.ExchangeRate("EUR", "CHF", new BigDecimal("1.1087693103")));
            assertThat(d.endToEndId()).isEqualTo("SP-98803960-0");
            assertThat(d.accountServicerReference()).isEqualTo("DNXK-210913-CS-36481");
            assertThat(d.counterparty()).isEqualTo("Batelier");
            assertThat(d.remittance()).isEqualTo("Devis DEV-01387");
        });

        CamtDocument.Entry credit = statement.entries().get(1);
        assertThat(credit.amount()).isEqualTo(13400);
        assertThat(credit.accountServicerReference()).isEqualTo("80XM210914CS02210/1001");
        assertThat(credit.details()).singleElement().satisfies(d -> {
            assertThat(d.amount()).isEqualTo(13400L);
            assertThat(d.originalAmount()).isNull();
            assertThat(d.exchangeRate()).isNull();
            assertThat(d.endToEndId()).isEqualTo("1050079910");
            assertThat(d.counterparty()).isEqualTo("EPFL");
            assertThat(d.remittance()).isEqualTo("/INV/09.2021/01 7.9.2021");
        });
    }

    @Test
    void multiCurrencyTotalsMatchTheStatementsOwnSummary() throws Exception {
        Path file = Fixtures.sample("test-camt053-multi-currency.xml");
        Fixtures.RecordingPublisher publisher = new Fixtures.RecordingPublisher();

        StatementImportReport report = importAll(file, publisher, "CH1904835028789771000=sh-office-002");

        // TxsSummry: TtlCdtNtries 134.00, TtlDbtNtries 579.21.
        assertThat(report.statements().get(0).totals()).containsExactly(new CurrencyTotal("CHF", 13400, -57921));
        assertThat(publisher.published).extracting(e -> e.settlement().settlementId()).containsExactly(
                "CH1904835028789771000:DNXK210913CS36481/1001", "CH1904835028789771000:80XM210914CS02210/1001");
        Settlement debit = publisher.published.get(0).settlement();
        assertThat(debit.bankReference()).isEqualTo("DNXK210913CS36481/1001");
        assertThat(debit.details()).singleElement().satisfies(d ->
                assertThat(d.originalAmount()).isEqualTo(new Money(-52239, "EUR")));
    }

    @Test
    void camt053Version04WithoutEntriesIsValidAndPublishesNothing() throws Exception {
        Path file = Fixtures.sample("test-camt053-no-ntry.xml");
        CamtDocument document = read(file);

        assertThat(document.message().name()).isEqualTo("camt.053.001.04");
        CamtDocument.Statement statement = document.statements().get(0);
        assertThat(statement.id()).isEqualTo("1234Test/1");
        assertThat(statement.account()).isEqualTo("NL77ABNA0574908765");
        assertThat(statement.currency()).isEqualTo("CHF"); // from the balances
        assertThat(statement.entries()).isEmpty();

        // No booked entry, so even an account assigned to no store is no reason to refuse.
        Fixtures.RecordingPublisher publisher = new Fixtures.RecordingPublisher();
        StatementImportReport report = importAll(file, publisher, "");
        assertThat(report.accepted()).isTrue();
        assertThat(report.settlementsPublished()).isZero();
        assertThat(publisher.published).isEmpty();
        assertThat(report.statements().get(0).totals()).containsExactly(new CurrencyTotal("CHF", 0, 0));
    }

    @Test
    void camt054Version04NotificationHasOneBookedCredit() throws Exception {
        Path file = Fixtures.sample("test-camt054.xml");
        CamtDocument document = read(file);

        assertThat(document.message().name()).isEqualTo("camt.054.001.04");
        CamtDocument.Statement notification = document.statements().get(0);
        assertThat(notification.path()).isEqualTo("Ntfctn[1]");
        assertThat(notification.id()).isEqualTo("20220120000000000000000");
        assertThat(notification.account()).isEqualTo("NL77ABNA0574908765");
        CamtDocument.Entry entry = notification.entries().get(0);
        assertThat(entry.amount()).isEqualTo(500);
        assertThat(entry.currency()).isEqualTo("EUR");
        assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2022, 1, 26));
        assertThat(entry.accountServicerReference()).isEqualTo("98888208N8");
        assertThat(entry.entryReference()).isEqualTo("NL0000000000000000000");
        assertThat(entry.details()).singleElement().satisfies(d -> {
            assertThat(d.amount()).isEqualTo(500L);
            assertThat(d.endToEndId()).isEqualTo("ENDTOENDID-01");
            assertThat(d.accountServicerReference()).isEqualTo("15180015077602405");
            assertThat(d.counterparty()).isEqualTo("Test Customer");
            assertThat(d.remittance()).isNull(); // structured (QRR) only, no Ustrd
        });

        Fixtures.RecordingPublisher publisher = new Fixtures.RecordingPublisher();
        StatementImportReport report = importAll(file, publisher, "NL77ABNA0574908765=sh-campus-001");
        assertThat(report.message()).isEqualTo("camt.054.001.04");
        assertThat(publisher.published).singleElement().satisfies(e -> {
            assertThat(e.settlement().settlementId()).isEqualTo("NL77ABNA0574908765:98888208N8");
            assertThat(e.settlement().statementId()).isEqualTo("20220120000000000000000");
        });
    }

    @Test
    void importingASampleTwicePublishesTheSameDuplicateIds() throws Exception {
        Path file = Fixtures.sample("test-camt053.xml");
        Fixtures.RecordingPublisher first = new Fixtures.RecordingPublisher();
        Fixtures.RecordingPublisher second = new Fixtures.RecordingPublisher();

        importAll(file, first, "NL77ABNA0574908765=sh-campus-001");
        importAll(file, second, "NL77ABNA0574908765=sh-campus-001");

        assertThat(second.published).extracting(e -> e.settlement().settlementId())
                .containsExactlyElementsOf(first.published.stream().map(e -> e.settlement().settlementId()).toList());
        assertThat(second.published).extracting(SettlementRecorded::settlement)
                .containsExactlyElementsOf(first.published.stream().map(SettlementRecorded::settlement).toList());
    }
}
