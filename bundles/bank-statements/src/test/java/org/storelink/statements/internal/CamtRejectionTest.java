package org.storelink.statements.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.storelink.statements.internal.Fixtures.camt053;
import static org.storelink.statements.internal.Fixtures.entry;
import static org.storelink.statements.internal.Fixtures.stmt;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.storelink.model.Violation;

/** Each malformed case is rejected with a reason naming the element. */
class CamtRejectionTest {

    private static CamtRejection rejection(String xml) {
        CamtRejection rejection = catchThrowableOfType(CamtRejection.class, () -> Fixtures.read(xml));
        assertThat(rejection).as("rejected").isNotNull();
        return rejection;
    }

    /** A statement whose third entry is {@code third}. */
    private static String third(String third) {
        return camt053("02", stmt("S1", entry("1.00", "EUR", "CRDT", "") + entry("2.00", "EUR", "DBIT", "")
                + third));
    }

    static Stream<Arguments> malformedEntries() {
        return Stream.of(
                Arguments.of(entry("12,50", "EUR", "CRDT", ""),
                        "Stmt[1]/Ntry[3]/Amt: \"12,50\" is not a plain decimal number such as 7.00"),
                Arguments.of(entry("1.5e2", "EUR", "CRDT", ""),
                        "Stmt[1]/Ntry[3]/Amt: \"1.5e2\" is not a plain decimal number such as 7.00"),
                Arguments.of(entry("", "EUR", "CRDT", ""), "Stmt[1]/Ntry[3]/Amt: is empty"),
                Arguments.of(entry("-5.00", "EUR", "CRDT", ""),
                        "Stmt[1]/Ntry[3]/Amt: \"-5.00\" is negative; the direction is given by CdtDbtInd"),
                Arguments.of(entry("5.001", "EUR", "CRDT", ""),
                        "Stmt[1]/Ntry[3]/Amt: \"5.001\" has more than 2 decimal places, the most EUR allows"),
                Arguments.of(entry("5.5", "JPY", "CRDT", ""),
                        "Stmt[1]/Ntry[3]/Amt: \"5.5\" has more than 0 decimal places, the most JPY allows"),
                Arguments.of(entry("5.00", "XYZ", "CRDT", ""),
                        "Stmt[1]/Ntry[3]/Amt/@Ccy: unknown ISO 4217 code \"XYZ\""),
                Arguments.of(entry("5.00", "XAU", "CRDT", ""),
                        "Stmt[1]/Ntry[3]/Amt/@Ccy: ISO 4217 code \"XAU\" has no minor unit"),
                Arguments.of("<Ntry><Amt>5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                        + "<BookgDt><Dt>2026-11-25</Dt></BookgDt></Ntry>", "Stmt[1]/Ntry[3]/Amt/@Ccy: is missing"),
                Arguments.of("<Ntry><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                        + "<BookgDt><Dt>2026-11-25</Dt></BookgDt></Ntry>", "Stmt[1]/Ntry[3]/Amt: is missing"),
                Arguments.of("<Ntry><Amt Ccy=\"EUR\">5.00</Amt><Sts>BOOK</Sts>"
                        + "<BookgDt><Dt>2026-11-25</Dt></BookgDt></Ntry>",
                        "Stmt[1]/Ntry[3]/CdtDbtInd: is missing (CRDT or DBIT)"),
                Arguments.of(entry("5.00", "EUR", "CREDIT", ""),
                        "Stmt[1]/Ntry[3]/CdtDbtInd: \"CREDIT\" is neither CRDT nor DBIT"),
                Arguments.of("<Ntry><Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>",
                        "Stmt[1]/Ntry[3]/BookgDt: is missing; a booked entry needs its booking date"),
                Arguments.of("<Ntry><Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                        + "<BookgDt><Dt>25.11.2026</Dt></BookgDt></Ntry>",
                        "Stmt[1]/Ntry[3]/BookgDt/Dt: \"25.11.2026\" is not a date such as 2014-01-05"),
                Arguments.of("<Ntry><Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                        + "<BookgDt><DtTm>2026-11-25 10:00</DtTm></BookgDt></Ntry>",
                        "Stmt[1]/Ntry[3]/BookgDt/DtTm: \"2026-11-25 10:00\" is not a date-time such as"
                                + " 2014-01-05T10:30:00"),
                Arguments.of("<Ntry><Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                        + "<BookgDt/></Ntry>", "Stmt[1]/Ntry[3]/BookgDt: holds neither Dt nor DtTm"),
                Arguments.of("<Ntry><Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
                        + "<BookgDt><Dt>2026-11-25</Dt></BookgDt></Ntry>",
                        "Stmt[1]/Ntry[3]/Sts: is missing (BOOK, PDNG, INFO ...)"),
                Arguments.of("<Ntry><Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                        + "<BookgDt><Dt>2026-11-25</Dt></BookgDt><ValDt><Dt>2026-02-30</Dt></ValDt></Ntry>",
                        "Stmt[1]/Ntry[3]/ValDt/Dt: \"2026-02-30\" is not a date such as 2014-01-05"),
                Arguments.of(entry("5.00", "EUR", "CRDT", "<NtryDtls><TxDtls/><TxDtls><AmtDtls><TxAmt>"
                        + "<Amt Ccy=\"EUR\">2,50</Amt></TxAmt></AmtDtls></TxDtls></NtryDtls>"),
                        "Stmt[1]/Ntry[3]/NtryDtls[1]/TxDtls[2]/AmtDtls/TxAmt/Amt: \"2,50\" is not a plain decimal"
                                + " number such as 7.00"),
                Arguments.of(entry("5.00", "EUR", "CRDT", "<NtryDtls><TxDtls><CdtDbtInd>X</CdtDbtInd></TxDtls>"
                        + "</NtryDtls>"), "Stmt[1]/Ntry[3]/NtryDtls[1]/TxDtls[1]/CdtDbtInd: \"X\" is neither CRDT"
                        + " nor DBIT"),
                Arguments.of(entry("5.00", "EUR", "CRDT", "<NtryDtls><TxDtls><AmtDtls><InstdAmt>"
                        + "<Amt Ccy=\"USD\">0.70</Amt><CcyXchg><SrcCcy>USD</SrcCcy><XchgRate>7,1</XchgRate></CcyXchg>"
                        + "</InstdAmt></AmtDtls></TxDtls></NtryDtls>"),
                        "Stmt[1]/Ntry[3]/NtryDtls[1]/TxDtls[1]/AmtDtls/InstdAmt/CcyXchg/XchgRate: \"7,1\" is not a"
                                + " positive plain decimal"));
    }

    @ParameterizedTest
    @MethodSource("malformedEntries")
    void aMalformedEntryIsRejectedNamingItsElement(String badEntry, String reason) {
        CamtRejection rejection = rejection(third(badEntry));

        assertThat(rejection.problems()).extracting(Violation::toString).containsExactly(reason);
        assertThat(rejection.getMessage()).isEqualTo(reason);
        assertThat(rejection.camtMessage().name()).isEqualTo("camt.053.001.02");
    }

    @Test
    void everyProblemIsListedNotOnlyTheFirst() {
        CamtRejection rejection = rejection(camt053("02", stmt("S1", entry("1,00", "EUR", "CRDT", "")
                + entry("2.00", "EUR", "DEBIT", ""))));

        assertThat(rejection.problems()).extracting(Violation::path)
                .containsExactly("Stmt[1]/Ntry[1]/Amt", "Stmt[1]/Ntry[2]/CdtDbtInd");
    }

    static Stream<Arguments> malformedDocuments() {
        return Stream.of(
                Arguments.of("", "Document: is not well-formed XML"),
                Arguments.of("date,amount\n2026-11-25,5.00\n", "Document: is not well-formed XML: line 1"),
                Arguments.of(camt053("02", stmt("S1", "")).replace("</Document>", ""),
                        "Document: is not well-formed XML"),
                Arguments.of("<Document><BkToCstmrStmt/></Document>", "Document: has no namespace"),
                Arguments.of("<Statement xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>",
                        "Statement: is the root element; an ISO 20022 message has Document"),
                Arguments.of(Fixtures.document("camt.052.001.02", "BkToCstmrAcctRpt", ""),
                        "Document: camt.052.001.02 is not a bank statement this importer reads"),
                Arguments.of(Fixtures.document("pain.001.001.03", "CstmrCdtTrfInitn", ""),
                        "Document: pain.001.001.03 is not a bank statement this importer reads"),
                Arguments.of(Fixtures.document("camt.053.001.09", "BkToCstmrStmt", ""),
                        "Document: camt.053.001.09 is not a supported version: camt.053.001.02 to camt.053.001.08"
                                + " are"),
                Arguments.of("<Document xmlns=\"urn:example:statement\"/>",
                        "Document: namespace \"urn:example:statement\" is not an ISO 20022 message"),
                Arguments.of(Fixtures.document("camt.053.001.02", "BkToCstmrDbtCdtNtfctn", ""),
                        "Document/BkToCstmrDbtCdtNtfctn: is not BkToCstmrStmt, the message element of"
                                + " camt.053.001.02"),
                Arguments.of(camt053("02", ""), "BkToCstmrStmt: holds no Stmt"),
                Arguments.of(camt053("02", "<Stmt><Acct><Id><IBAN>X</IBAN></Id></Acct></Stmt>"),
                        "Stmt[1]/Id: is missing"),
                Arguments.of(camt053("02", "<Stmt><Id>S1</Id></Stmt>"), "Stmt[1]/Acct/Id: is missing"),
                Arguments.of(camt053("02", "<Stmt><Id>S1</Id><Acct><Id><Prtry>x</Prtry></Id></Acct></Stmt>"),
                        "Stmt[1]/Acct/Id: holds neither IBAN nor Othr/Id"),
                Arguments.of(camt053("02", "<Stmt><Id>S1</Id><Acct><Id><IBAN>X</IBAN></Id><Ccy>EURO</Ccy></Acct>"
                        + "</Stmt>"), "Stmt[1]/Acct/Ccy: unknown ISO 4217 code \"EURO\""));
    }

    @ParameterizedTest
    @MethodSource("malformedDocuments")
    void aMalformedDocumentIsRejectedWithTheReason(String xml, String reasonStart) {
        assertThat(rejection(xml).getMessage()).startsWith(reasonStart);
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsExpandedOrFetched() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + camt053("02", stmt("&xxe;", "")).substring(camt053("02", "").indexOf("<Document"));

        CamtRejection rejection = rejection(xxe);

        assertThat(rejection.getMessage())
                .isEqualTo("Document: has a DOCTYPE; bank statements must not declare DTDs or entities");
        assertThat(rejection.getMessage()).doesNotContain("root:");
    }

    @Test
    void anEntityReferenceWithoutADoctypeIsRefused() {
        CamtRejection rejection = rejection(camt053("02", stmt("&undeclared;", "")));

        assertThat(rejection.getMessage()).startsWith("Document: is not well-formed XML").contains("undeclared");
    }
}
