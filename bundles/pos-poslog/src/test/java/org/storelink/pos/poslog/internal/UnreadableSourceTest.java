package org.storelink.pos.poslog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.storelink.pos.poslog.internal.Poslogs.poslog;
import static org.storelink.pos.poslog.internal.Poslogs.validSale;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.model.Violation;
import org.storelink.spi.SourceContext;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.UnreadableSourceException;

/** Documents that cannot be read as a whole, and transactions too big to hold. */
class UnreadableSourceTest {

    private final List<SourceTransaction> read = new ArrayList<>();

    private void read(byte[] bytes) throws IOException, UnreadableSourceException {
        read(new ByteArrayInputStream(bytes));
    }

    private void read(InputStream in) throws IOException, UnreadableSourceException {
        new PoslogFormat().read(in, new SourceContext(Poslogs.CHICAGO, "day.xml", Map.of()), read::add);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void textThatIsNotXmlIsUnreadable() {
        assertThatThrownBy(() -> read(utf8("STORE;TILL;RECEIPT\n9;34;161\n")))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageStartingWith("POSLog day.xml line 1, column 1: ");
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(UnreadableSourceException.class);
    }

    @Test
    void anotherRootElementIsUnreadable() {
        assertThatThrownBy(() -> read(utf8("<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022\"/>")))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("POSLog day.xml line 2, column 42: the root element is <Document> in namespace urn:iso:std:iso:20022,"
                        + " expected <POSLog> in namespace http://www.nrf-arts.org/IXRetail/namespace/");
        assertThatThrownBy(() -> read(utf8("<POSLog xmlns=\"urn:other\"/>")))
                .isInstanceOf(UnreadableSourceException.class).hasMessageContaining("namespace urn:other");
    }

    @Test
    void aTruncatedDocumentKeepsWhatWasReadAndSaysWhere() {
        String whole = poslog(validSale("1"), validSale("2"), validSale("3"));
        String truncated = whole.substring(0, whole.indexOf("<SequenceNumber>3") + 10);

        UnreadableSourceException e = catchThrowableOfType(() -> read(utf8(truncated)),
                UnreadableSourceException.class);

        assertThat(e.getMessage()).matches("POSLog day\\.xml line 5, column \\d+: .+ \\(2 transactions were read"
                + " before this point\\)");
        assertThat(read).extracting(SourceTransaction::reference).containsExactly("9/34/1", "9/34/2");
        assertThat(read).allMatch(SourceTransaction::isAccepted);
    }

    @Test
    void bytesThatAreNotUtf8AreUnreadableNotAnIoFailure() throws Exception {
        byte[] good = utf8(poslog(validSale("1"), validSale("2")));
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        int cut = new String(good, StandardCharsets.UTF_8).indexOf("<SequenceNumber>2</SequenceNumber><BusinessDayDate>");
        bad.write(good, 0, cut);
        bad.write(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
        bad.write(good, cut, good.length - cut);

        assertThatThrownBy(() -> read(bad.toByteArray())).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("line 4, column ").hasMessageContaining("bytes that are not valid UTF-8");
        assertThat(read).extracting(SourceTransaction::reference).containsExactly("9/34/1");
    }

    @Test
    void theDeclaredEncodingOrByteOrderMarkIsHonoured() throws Exception {
        String cafe = poslog(validSale("1").replace("ITEM 1", "CAFÉ AU LAIT"));
        read(cafe.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"").getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.write(new byte[] {(byte) 0xFE, (byte) 0xFF});
        utf16.write(cafe.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"").getBytes(StandardCharsets.UTF_16BE));
        read(utf16.toByteArray());

        assertThat(read).extracting(transaction -> transaction.sale().lines().get(0).name())
                .containsExactly("CAFÉ AU LAIT", "CAFÉ AU LAIT");
    }

    @Test
    void anUnknownEncodingIsUnreadable() {
        assertThatThrownBy(() -> read(utf8(poslog(validSale("1")).replace("UTF-8", "KLINGON-8"))))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("POSLog day.xml: the XML declaration names the encoding \"KLINGON-8\", which is not known"
                        + " here");
    }

    @Test
    void aFailingStreamIsAnIoException() {
        byte[] document = utf8(poslog(validSale("1"), validSale("2")));
        InputStream failing = new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position == 600) {
                    throw new IOException("disk gone");
                }
                return position < document.length ? document[position++] : -1;
            }
        };
        assertThatThrownBy(() -> read(failing)).isInstanceOf(IOException.class).hasMessage("disk gone");
    }

    @Test
    void whatTheSinkThrowsIsNotTurnedIntoAnythingElse() {
        IllegalStateException full = new IllegalStateException("queue full");
        assertThatThrownBy(() -> new PoslogFormat().read(new ByteArrayInputStream(utf8(poslog(validSale("1")))),
                new SourceContext(Poslogs.CHICAGO, "day.xml", Map.of()), transaction -> {
                    throw full;
                })).isSameAs(full);
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE POSLog [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + poslog(validSale("1").replace("ITEM 1", "&x;")).substring(poslog().indexOf("<POSLog"));

        // With DTDs off the entity is never declared, so its use is an error of the document.
        assertThatThrownBy(() -> read(utf8(xml))).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("\"x\"").message().doesNotContain("TOPSECRET");
        assertThat(read.toString()).doesNotContain("TOPSECRET");
    }

    @Test
    void junkNestedDeeperThanAnyTransactionRejectsThatTransactionOnly() throws Exception {
        String junk = "<acs:Junk>".repeat(5_000) + "</acs:Junk>".repeat(5_000);
        String deep = validSale("1").replace("<CurrencyCode>", junk + "<CurrencyCode>");
        String outside = "<Other>".repeat(5_000) + "</Other>".repeat(5_000);

        read(utf8(poslog(deep, outside, validSale("2"))));

        assertThat(read).hasSize(2);
        assertThat(read.get(0).problems()).extracting(Violation::toString).singleElement().asString()
                .startsWith("$: elements nested deeper than 64 levels");
        assertThat(read.get(0).reference()).isEqualTo("transaction 1 (line 3)");
        assertThat(read.get(1).isAccepted()).isTrue();
    }

    @Test
    void aTransactionWithTooManyElementsIsSkippedUnread() throws Exception {
        String many = "<acs:Note/>".repeat(PoslogReader.MAX_ELEMENTS + 1);
        read(utf8(poslog(validSale("1").replace("<CurrencyCode>", many + "<CurrencyCode>"), validSale("2"))));

        assertThat(read.get(0).problems()).extracting(Violation::message)
                .containsExactly("more than 100000 elements; the transaction was skipped unread");
        assertThat(read.get(1).isAccepted()).isTrue();
    }

    @Test
    void hugeTextIsCutAndNeverMatchesAValue() throws Exception {
        String hugeCode = "0".repeat(5_000_000);
        read(utf8(poslog(validSale("1").replace("<POSItemID>00012993221201</POSItemID>",
                "<POSItemID>" + hugeCode + "</POSItemID>"), validSale("2"))));

        assertThat(read.get(0).isRejected()).isTrue();
        assertThat(read.get(0).problems().toString()).hasSizeLessThan(2_000);
        assertThat(read.get(1).isAccepted()).isTrue();
    }
}
