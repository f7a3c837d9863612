package org.storelink.pos.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StrictDecodingReaderTest {

    private static final String TEXT = "小票号,商品名称\n0001,康师傅红烧牛肉面\n";

    /** A stream that hands over one byte per read, so every multi-byte character is split across reads. */
    private static InputStream trickling(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[3];
        int n;
        while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    @Test
    void decodesUtf8AndGbkWhateverTheReadSizes() throws IOException {
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, Fixtures.GBK}) {
            byte[] bytes = TEXT.getBytes(charset);
            assertThat(readAll(new StrictDecodingReader(new ByteArrayInputStream(bytes), charset, 1000)))
                    .isEqualTo(TEXT);
            assertThat(readAll(new StrictDecodingReader(trickling(bytes), charset, 1000))).isEqualTo(TEXT);
        }
    }

    @Test
    void skipsAUtf8ByteOrderMarkEvenInGbk() throws IOException {
        byte[] gbk = TEXT.getBytes(Fixtures.GBK);
        byte[] withBom = new byte[gbk.length + 3];
        System.arraycopy(Fixtures.BOM, 0, withBom, 0, 3);
        System.arraycopy(gbk, 0, withBom, 3, gbk.length);

        assertThat(readAll(new StrictDecodingReader(trickling(withBom), Fixtures.GBK, 1000))).isEqualTo(TEXT);
        assertThat(readAll(new StrictDecodingReader(new ByteArrayInputStream(Fixtures.BOM), Fixtures.GBK, 1000)))
                .isEmpty();
        assertThat(readAll(new StrictDecodingReader(new ByteArrayInputStream(new byte[] {(byte) 0xEF}),
                StandardCharsets.ISO_8859_1, 1000))).isEqualTo("ï");
    }

    @Test
    void deliversEveryCharacterBeforeABadByteThenFails() throws IOException {
        byte[] bytes = {'a', 'b', (byte) 0xFF, 'c'};
        StrictDecodingReader reader = new StrictDecodingReader(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8, 1000);
        char[] buffer = new char[10];

        assertThat(reader.read(buffer, 0, 10)).isEqualTo(2);
        assertThatThrownBy(() -> reader.read(buffer, 0, 10))
                .isInstanceOf(StrictDecodingReader.UndecodableBytesException.class)
                .hasMessage("bytes FF at byte offset 2 are not valid UTF-8");
    }

    @Test
    void truncatedCharacterAtTheEndIsUndecodable() {
        byte[] noodles = "面".getBytes(StandardCharsets.UTF_8);
        byte[] cut = {'x', noodles[0], noodles[1]};

        assertThatThrownBy(() -> readAll(new StrictDecodingReader(new ByteArrayInputStream(cut),
                StandardCharsets.UTF_8, 1000))).hasMessageStartingWith("bytes E9 ").hasMessageContaining("offset 1");
    }

    @Test
    void boundsTheCharactersOfOneRow() throws IOException {
        StrictDecodingReader reader = new StrictDecodingReader(new ByteArrayInputStream("abcdefgh".getBytes(
                StandardCharsets.UTF_8)), StandardCharsets.UTF_8, 5);
        char[] buffer = new char[4];

        assertThat(reader.read(buffer, 0, 4)).isEqualTo(4);
        reader.rowEnded();
        assertThat(reader.read(buffer, 0, 4)).isEqualTo(4);
        StrictDecodingReader unbounded = new StrictDecodingReader(new ByteArrayInputStream("abcdefgh".getBytes(
                StandardCharsets.UTF_8)), StandardCharsets.UTF_8, 5);
        assertThat(unbounded.read(buffer, 0, 4)).isEqualTo(4);
        assertThatThrownBy(() -> unbounded.read(buffer, 0, 4))
                .isInstanceOf(StrictDecodingReader.RowTooLongException.class);
    }
}
