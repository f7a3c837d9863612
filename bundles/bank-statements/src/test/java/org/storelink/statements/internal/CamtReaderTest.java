package org.storelink.statements.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.statements.internal.Fixtures.camt053;
import static org.storelink.statements.internal.Fixtures.camt054;
import static org.storelink.statements.internal.Fixtures.entry;
import static org.storelink.statements.internal.Fixtures.read;
import static org.storelink.statements.internal.Fixtures.stmt;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.storelink.model.Money;

/** Small documents written for the cases the shared samples do not show. */
class CamtReaderTest {

    private static String tx(String amount, String more) {
        return "<TxDtls><Refs><EndToEndId>E2E-" + amount + "</EndToEndId></Refs>"
                + "<AmtDtls><TxAmt><Amt Ccy=\"CNY\">" + amount + "</Amt></TxAmt></AmtDtls>" + more + "</TxDtls>";
    }

    @Test
    void aBatchedCardPayoutKeepsEachDetailWithItsOwnAmount() throws Exception {
        String batch = entry("1000.50", "CNY", "CRDT", "<AcctSvcrRef>PAYOUT-77</AcctSvcrRef>"
                + "<NtryDtls><Btch><NbOfTxs>3</NbOfTxs></Btch>"
                + tx("700.00", "<RltdPties><Dbtr><Nm>Acquirer A</Nm></Dbtr></RltdPties>"
                        + "<RmtInf><Ustrd>settlement 2026-11-25</Ustrd><Ustrd>terminal 9</Ustrd></RmtInf>")
                + tx("300.25", "") + tx("0.25", "") + "</NtryDtls>");

        CamtDocument.Entry entry = read(camt053("02", stmt("S1", batch))).statements().get(0).entries().get(0);

        assertThat(entry.amount()).isEqualTo(100050);
        assertThat(entry.details()).extracting(CamtDocument.Detail::amount).containsExactly(70000L, 30025L, 25L);
        assertThat(entry.details()).extracting(CamtDocument.Detail::endToEndId)
                .containsExactly("E2E-700.00", "E2E-300.25", "E2E-0.25");
        assertThat(entry.details().get(0).remittance()).isEqualTo("settlement 2026-11-25 terminal 9");
        assertThat(entry.details().get(0).counterparty()).isEqualTo("Acquirer A");
        assertThat(entry.details().get(1).counterparty()).isNull();
    }

    @Test
    void debitsAreNegativeAndTheirCounterpartyIsTheCreditor() throws Exception {
        String debit = entry("12.34", "CNY", "DBIT", "<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Us</Nm></Dbtr>"
                + "<Cdtr><Nm>Card fees Ltd</Nm></Cdtr></RltdPties></TxDtls></NtryDtls>");

        CamtDocument.Entry entry = read(camt053("02", stmt("S1", debit))).statements().get(0).entries().get(0);

        assertThat(entry.amount()).isEqualTo(-1234);
        // A single detail without its own amount is the whole entry.
        assertThat(entry.details()).singleElement().satisfies(d -> {
            assertThat(d.amount()).isEqualTo(-1234L);
            assertThat(d.counterparty()).isEqualTo("Card fees Ltd");
        });
    }

    @Test
    void aBatchDetailWithoutAnAmountInTheEntryCurrencyHasNone() throws Exception {
        String batch = entry("10.00", "CNY", "CRDT", "<NtryDtls><TxDtls/><TxDtls/></NtryDtls>");

        CamtDocument.Entry entry = read(camt053("02", stmt("S1", batch))).statements().get(0).entries().get(0);

        assertThat(entry.details()).extracting(CamtDocument.Detail::amount).containsExactly(null, null);
    }

    @Test
    void entriesThatAreNotBookedAreReadButNotBooked() throws Exception {
        String entries = entry("1.00", "EUR", "CRDT", "")
                + entry("2.00", "EUR", "CRDT", "PDNG", "")
                + entry("3.00", "EUR", "DBIT", "INFO", "")
                // a pending entry need not have a booking date
                + "<Ntry><Amt Ccy=\"EUR\">4.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts></Ntry>";

        CamtDocument.Statement statement = read(camt053("02", stmt("S1", entries))).statements().get(0);

        assertThat(statement.entries()).extracting(CamtDocument.Entry::status)
                .containsExactly("BOOK", "PDNG", "INFO", "PDNG");
        assertThat(statement.entries()).filteredOn(CamtDocument.Entry::booked).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualTo(100));
        assertThat(statement.entries().get(3).bookingDate()).isNull();
    }

    @Test
    void version08ReadsStatusCodesPartyChoicesAndBookingDateTimes() throws Exception {
        String booked = "<Ntry><Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                + "<BookgDt><DtTm>2026-11-25T23:30:00+01:00</DtTm></BookgDt>"
                + "<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>"
                + "<Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
                + "<RltdPties><Dbtr><Pty><Nm>Payer GmbH</Nm></Pty></Dbtr></RltdPties></TxDtls></NtryDtls></Ntry>";
        String pending = "<Ntry><Amt Ccy=\"EUR\">6.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts></Ntry>";

        CamtDocument document = read(camt053("08", stmt("S1", booked + pending)));

        assertThat(document.message().name()).isEqualTo("camt.053.001.08");
        CamtDocument.Entry entry = document.statements().get(0).entries().get(0);
        assertThat(entry.booked()).isTrue();
        // The date as the bank wrote it, not shifted to UTC.
        assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(entry.valueDate()).isNull();
        assertThat(entry.details()).singleElement().satisfies(d -> {
            assertThat(d.endToEndId()).isNull();
            assertThat(d.counterparty()).isEqualTo("Payer GmbH");
            assertThat(d.amount()).isEqualTo(500L);
        });
        assertThat(document.statements().get(0).entries().get(1).booked()).isFalse();
    }

    @Test
    void anInstructedForeignAmountIsKeptWithItsExchangeRate() throws Exception {
        String converted = entry("75.20", "CNY", "CRDT", "<NtryDtls><TxDtls>"
                + "<AmtDtls><InstdAmt><Amt Ccy=\"USD\">10.40</Amt><CcyXchg><SrcCcy>USD</SrcCcy><TrgtCcy>CNY</TrgtCcy>"
                + "<XchgRate>7.2308</XchgRate></CcyXchg></InstdAmt><TxAmt><Amt Ccy=\"CNY\">75.20</Amt></TxAmt>"
                + "</AmtDtls></TxDtls></NtryDtls>");

        CamtDocument.Detail detail = read(camt053("04", stmt("S1", converted))).statements().get(0).entries().get(0)
                .details().get(0);

        assertThat(detail.amount()).isEqualTo(7520L);
        assertThat(detail.originalAmount()).isEqualTo(new Money(1040, "USD"));
        assertThat(detail.exchangeRate()).isEqualTo(new CamtDocument.ExchangeRate("USD", "CNY", new BigDecimal("7.2308")));
    }

    @Test
    void anEntryWithoutDetailsButWithAForeignAmountGetsOneDetail() throws Exception {
        String converted = entry("90.00", "CNY", "DBIT",
                "<AmtDtls><InstdAmt><Amt Ccy=\"JPY\">1800</Amt></InstdAmt></AmtDtls>");

        CamtDocument.Entry entry = read(camt053("04", stmt("S1", converted))).statements().get(0).entries().get(0);

        assertThat(entry.details()).singleElement().satisfies(d -> {
            assertThat(d.amount()).isEqualTo(-9000L);
            assertThat(d.originalAmount()).isEqualTo(new Money(-1800, "JPY"));
        });
    }

    @Test
    void currenciesKeepTheirOwnMinorUnits() throws Exception {
        String entries = entry("1800", "JPY", "CRDT", "") + entry("1.250", "KWD", "CRDT", "")
                + entry("7.10", "CNY", "CRDT", "");

        CamtDocument.Statement statement = read(camt053("02", stmt("S1", entries))).statements().get(0);

        assertThat(statement.entries()).extracting(CamtDocument.Entry::amount).containsExactly(1800L, 1250L, 710L);
        assertThat(statement.currency()).isNull(); // no Acct/Ccy and three currencies
    }

    @Test
    void anOtherAccountIdAndTheAccountCurrencyAreRead() throws Exception {
        String statement = "<Stmt><Id>S9</Id><Acct><Id><Othr><Id>0123456789</Id></Othr></Id><Ccy>CNY</Ccy></Acct>"
                + "</Stmt>";

        CamtDocument.Statement read = read(camt053("02", statement)).statements().get(0);

        assertThat(read.account()).isEqualTo("0123456789");
        assertThat(read.currency()).isEqualTo("CNY");
        assertThat(read.entries()).isEmpty();
    }

    @Test
    void aNotificationOfVersion02IsRead() throws Exception {
        String notification = Fixtures.statement("Ntfctn", "N1", "<IBAN>" + Fixtures.IBAN + "</IBAN>",
                entry("3.00", "EUR", "CRDT", "<AcctSvcrRef>R-1</AcctSvcrRef>"));

        CamtDocument document = read(camt054("02", notification));

        assertThat(document.message().name()).isEqualTo("camt.054.001.02");
        assertThat(document.statements().get(0).entries().get(0).accountServicerReference()).isEqualTo("R-1");
    }

    @Test
    void extensionElementsAndSeveralStatementsAreHandled() throws Exception {
        String extended = entry("1.00", "EUR", "CRDT",
                "<x:Extra xmlns:x=\"urn:example:ext\"><x:Amt>not read</x:Amt></x:Extra>");

        CamtDocument document = read(camt053("02", stmt("S1", extended) + stmt("S2", "")));

        assertThat(document.statements()).extracting(CamtDocument.Statement::path)
                .containsExactly("Stmt[1]", "Stmt[2]");
        assertThat(document.statements().get(0).entries()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"02", "03", "04", "05", "06", "07", "08"})
    void everySupportedVersionIsRead(String version) throws Exception {
        String booked = entry("1.00", "EUR", "CRDT", "");

        assertThat(read(camt053(version, stmt("S1", booked))).message().name())
                .isEqualTo("camt.053.001." + version);
        assertThat(read(camt054(version, Fixtures.statement("Ntfctn", "N1", "<IBAN>X</IBAN>", booked))).message()
                .name()).isEqualTo("camt.054.001." + version);
    }
}
