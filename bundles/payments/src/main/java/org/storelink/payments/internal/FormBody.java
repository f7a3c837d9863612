package org.storelink.payments.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body whose text encoding is named inside it, by its
 * {@code charset} parameter, as Alipay sends its notifications. The raw bytes are split first, the charset is
 * found, and only then is every name and value percent-decoded and read in that charset, strictly: a byte
 * sequence that is not valid in it is refused rather than replaced.
 */
final class FormBody {
    static final String CHARSET = "charset";
    private static final Map<String, Charset> ACCEPTED = Map.of(
            "utf-8", StandardCharsets.UTF_8,
            "utf8", StandardCharsets.UTF_8,
            "gbk", Charset.forName("GBK"));

    private final Charset charset;
    private final Map<String, String> parameters;

    private FormBody(Charset charset, Map<String, String> parameters) {
        this.charset = charset;
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    Charset charset() {
        return charset;
    }

    /** The parameters in the order they came. */
    Map<String, String> parameters() {
        return parameters;
    }

    /** @throws NotificationRefused 400 naming the parameter when the body cannot be read */
    static FormBody parse(byte[] body) throws NotificationRefused {
        List<byte[][]> pairs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    pairs.add(split(body, start, i));
                }
                start = i + 1;
            }
        }
        Charset charset = StandardCharsets.UTF_8;
        for (byte[][] pair : pairs) {
            // The name and value of charset are ASCII in every accepted encoding.
            if (CHARSET.equals(decode(pair[0], StandardCharsets.US_ASCII, "a parameter name"))) {
                String named = decode(pair[1], StandardCharsets.US_ASCII, CHARSET).strip();
                charset = ACCEPTED.get(named.toLowerCase(Locale.ROOT));
                if (charset == null) {
                    throw NotificationRefused.invalid(CHARSET, "\"" + Texts.clip(named)
                            + "\" is not accepted; only UTF-8 and GBK are");
                }
                break;
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (byte[][] pair : pairs) {
            String name = decode(pair[0], charset, "a parameter name");
            if (name.isEmpty()) {
                throw NotificationRefused.invalid("body", "a parameter has an empty name");
            }
            String value = decode(pair[1], charset, name);
            // Two values for one name would let what is checked differ from what is used.
            if (parameters.putIfAbsent(name, value) != null) {
                throw NotificationRefused.invalid(name, "is given more than once");
            }
        }
        return new FormBody(charset, parameters);
    }

    private static byte[][] split(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == '=') {
                return new byte[][] {slice(body, from, i), slice(body, i + 1, to)};
            }
        }
        return new byte[][] {slice(body, from, to), new byte[0]};
    }

    private static byte[] slice(byte[] body, int from, int to) {
        byte[] part = new byte[to - from];
        System.arraycopy(body, from, part, 0, part.length);
        return part;
    }

    private static String decode(byte[] encoded, Charset charset, String field) throws NotificationRefused {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length);
        for (int i = 0; i < encoded.length; i++) {
            byte b = encoded[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 2 < encoded.length ? Character.digit(encoded[i + 1], 16) : -1;
                int low = i + 2 < encoded.length ? Character.digit(encoded[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    throw NotificationRefused.invalid(field, "has a '%' that is not followed by two hex digits");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw NotificationRefused.invalid(field, "is not valid " + charset.name() + " text");
        }
    }
}
