package org.storelink.pos.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes strictly: bytes that are not valid in the charset fail the read instead of turning into U+FFFD. A
 * leading UTF-8 byte order mark is skipped whatever the charset (spreadsheet programs write one even when asked for
 * GBK). Every character before a bad byte is delivered first, so the CSV parser has consumed exactly the rows before
 * it when the failure surfaces and the caller can name the row.
 *
 * <p>It also bounds the characters read since {@link #rowEnded()}, so that a file with no line breaks (or an
 * unterminated quote) cannot make the parser hold the whole file as one field.
 *
 * <p>Closing it does not close the stream, which belongs to the caller.
 */
final class StrictDecodingReader extends Reader {

    private static final int BUFFER = 8192;
    private static final int BOM_LENGTH = 3;

    /** Bytes that are not valid in the charset. */
    static final class UndecodableBytesException extends IOException {
        private static final long serialVersionUID = 1L;

        UndecodableBytesException(String message) {
            super(message);
        }
    }

    /** A row that runs on past the limit. */
    static final class RowTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        RowTooLongException(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER);
    private final long maxRowChars;
    private boolean started;
    private boolean endOfInput;
    private boolean finished;
    private long bytesRead;
    private IOException pending;
    private long delivered;
    private long rowStart;

    StrictDecodingReader(InputStream in, Charset charset, long maxRowChars) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.maxRowChars = maxRowChars;
        bytes.flip();
        chars.flip();
    }

    /** Marks the end of a row: the limit counts from here. */
    void rowEnded() {
        rowStart = delivered;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        if (delivered + n - rowStart > maxRowChars) {
            throw new RowTooLongException("the row runs on for more than " + maxRowChars
                    + " characters (a missing line break or an unterminated quote)");
        }
        chars.get(buffer, offset, n);
        delivered += n;
        return n;
    }

    /** @return false at the end of the input */
    private boolean fill() throws IOException {
        if (finished) {
            return false;
        }
        if (!started) {
            start();
        }
        chars.clear();
        while (true) {
            if (pending != null) {
                if (chars.position() > 0) {
                    break;
                }
                throw pending;
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                pending = undecodable(result.length());
                continue;
            }
            if (result.isOverflow()) {
                break;
            }
            if (endOfInput) {
                decoder.flush(chars);
                finished = true;
                break;
            }
            if (chars.position() > 0) {
                break;
            }
            readMore();
        }
        chars.flip();
        return chars.hasRemaining();
    }

    private void start() throws IOException {
        started = true;
        while (bytes.remaining() < BOM_LENGTH && !endOfInput) {
            readMore();
        }
        if (bytes.remaining() >= BOM_LENGTH && (bytes.get(0) & 0xFF) == 0xEF && (bytes.get(1) & 0xFF) == 0xBB
                && (bytes.get(2) & 0xFF) == 0xBF) {
            bytes.position(BOM_LENGTH);
        }
    }

    private void readMore() throws IOException {
        bytes.compact();
        try {
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
                bytesRead += n;
            }
        } finally {
            bytes.flip();
        }
    }

    private UndecodableBytesException undecodable(int length) {
        long offset = bytesRead - bytes.remaining();
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < length && i < 4; i++) {
            if (i > 0) {
                hex.append(' ');
            }
            hex.append(String.format("%02X", bytes.get(bytes.position() + i) & 0xFF));
        }
        return new UndecodableBytesException("bytes " + hex + " at byte offset " + offset + " are not valid "
                + charset.name());
    }

    @Override
    public void close() {
        // The stream belongs to the caller.
    }
}
