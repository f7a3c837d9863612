package ${package}.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

import org.storelink.spi.UnreadableSourceException;

/**
 * Reads text line by line, with a bound on the length of a line. Each line is decoded on its own and strictly:
 * bytes that are not valid in the charset make the source unreadable, naming the line, instead of turning into
 * replacement characters. Lines end with LF or CR LF; a byte order mark at the start is skipped.
 *
 * <p>Lines are split on the byte LF before decoding, which is right for UTF-8 and the other charsets that never use
 * that byte inside a character (GBK, GB18030, ISO-8859-*), not for UTF-16.
 */
final class LineReader {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final InputStream source;
    private final String sourceName;
    private final int maxBytes;
    private final CharsetDecoder decoder;
    private byte[] buffer = new byte[256];
    private int number;
    private long offset;

    LineReader(InputStream source, String sourceName, Charset charset, int maxBytes) {
        this.source = new BufferedInputStream(source);
        this.sourceName = sourceName;
        this.maxBytes = maxBytes;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The next line without its line end, or {@code null} at the end of the source. */
    String next() throws IOException, UnreadableSourceException {
        int length = 0;
        int b;
        while ((b = source.read()) != -1 && b != '\n') {
            if (length == maxBytes) {
                throw new UnreadableSourceException(sourceName + ": line " + (number + 1) + ": longer than "
                        + maxBytes + " bytes (a missing line break?)");
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxBytes));
            }
            buffer[length++] = (byte) b;
        }
        if (b == -1 && length == 0) {
            return null;
        }
        number++;
        long lineStart = offset;
        offset += length + (b == -1 ? 0 : 1);
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        String line;
        try {
            line = decoder.reset().decode(ByteBuffer.wrap(buffer, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableSourceException(sourceName + ": line " + number + ": bytes that are not "
                    + decoder.charset().name() + " (the line starts at byte offset " + lineStart + ")", e);
        }
        if (number == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
            line = line.substring(1);
        }
        return line;
    }

    /** The number of the line last returned, counting from 1. */
    int number() {
        return number;
    }
}
