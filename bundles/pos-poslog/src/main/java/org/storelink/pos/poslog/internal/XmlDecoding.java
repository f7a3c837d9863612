package org.storelink.pos.poslog.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the bytes of an XML document ourselves, as XML 1.0 appendix F describes (byte order mark, else the
 * encoding of the XML declaration, else UTF-8), refusing malformed bytes. The parser sees characters only. At the
 * first bad byte the text simply ends, so the parser stops right there, having handed over every transaction
 * before it, and {@link #failure()} says why. (The JDK's own decoding prints to stderr, and
 * {@link java.io.InputStreamReader} drops the good characters of the buffer that holds the bad byte.)
 */
final class XmlDecoding extends Reader {

    private static final int HEAD = 512;
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private boolean endOfBytes;
    private boolean done;
    private CharacterCodingException failure;

    private XmlDecoding(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * @throws IllegalArgumentException when the declaration names an encoding this JVM does not know
     */
    static XmlDecoding of(InputStream source) throws IOException {
        BufferedInputStream in = new BufferedInputStream(source, HEAD);
        in.mark(HEAD);
        byte[] head = in.readNBytes(HEAD);
        in.reset();
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(head, 0x00, 0x3C, 0x00, 0x3F)) {
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(head, 0x3C, 0x00, 0x3F, 0x00)) {
            charset = StandardCharsets.UTF_16LE;
        } else if (startsWith(head, '<', '?', 'x', 'm', 'l')) {
            charset = declared(new String(head, StandardCharsets.ISO_8859_1));
        }
        in.skipNBytes(skip);
        return new XmlDecoding(in, charset);
    }

    Charset charset() {
        return charset;
    }

    /** The bad bytes that ended the text early, or null. */
    CharacterCodingException failure() {
        return failure;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset && !done && failure == null) {
            CoderResult result = decoder.decode(bytes, out, endOfBytes);
            if (result.isError()) {
                failure = result.isMalformed() ? new MalformedInputException(result.length())
                        : new UnmappableCharacterException(result.length());
            } else if (result.isOverflow()) {
                break;
            } else if (endOfBytes) {
                decoder.flush(out);
                done = true;
            } else if (out.position() == offset) {
                fill();
            }
        }
        int read = out.position() - offset;
        return read > 0 ? read : -1;
    }

    private void fill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfBytes = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    @Override
    public void close() {
        // the caller owns the stream
    }

    private static Charset declared(String head) {
        int end = head.indexOf("?>");
        Matcher matcher = ENCODING.matcher(end < 0 ? head : head.substring(0, end));
        if (!matcher.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = matcher.group(1);
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("the XML declaration names the encoding \""
                    + TransactionMapper.clip(name) + "\", which is not known here");
        }
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
