package org.storelink.pos.csv.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.storelink.model.AreaProfile;
import org.storelink.model.Store;
import org.storelink.spi.SourceContext;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.UnreadableSourceException;

/** Shared test data: the README's two profiles, a store, and a way to read bytes with a profile. */
final class Fixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Store STORE = new Store("s-001", "Wudaokou", "north", AreaProfile.STUDENT, SHANGHAI, null);
    static final Charset GBK = Charset.forName("GBK");
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Fixtures() {
    }

    /** Profile A of the README, read from the README itself so that the documentation cannot drift. */
    static Map<String, String> profileA() {
        return readmeProfiles().get(0);
    }

    /** Profile B of the README. */
    static Map<String, String> profileB() {
        return readmeProfiles().get(1);
    }

    static List<Map<String, String>> readmeProfiles() {
        return readmeBlocks("```properties").stream().map(Fixtures::properties).toList();
    }

    /** The README's example files, in order. */
    static List<String> readmeCsv() {
        return readmeBlocks("```csv");
    }

    private static List<String> readmeBlocks(String fence) {
        String readme;
        try {
            readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> blocks = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = readme.indexOf(fence + "\n", from);
            if (start < 0) {
                return blocks;
            }
            int body = start + fence.length() + 1;
            int end = readme.indexOf("```", body);
            blocks.add(readme.substring(body, end));
            from = end + 3;
        }
    }

    static Map<String, String> properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new HashMap<>();
        properties.forEach((key, value) -> map.put((String) key, (String) value));
        return map;
    }

    /** A copy of {@code profile} with some keys changed; a null value removes the key. */
    static Map<String, String> with(Map<String, String> profile, String... keysAndValues) {
        Map<String, String> copy = new HashMap<>(profile);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                copy.remove(keysAndValues[i]);
            } else {
                copy.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return copy;
    }

    static SourceContext context(Map<String, String> options) {
        return new SourceContext(STORE, "sales.csv", options);
    }

    static byte[] utf8WithBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(body, 0, bytes, BOM.length, body.length);
        return bytes;
    }

    /** Reads bytes and returns every transaction; an unreadable source propagates. */
    static List<SourceTransaction> read(byte[] bytes, Map<String, String> options) throws UnreadableSourceException {
        return read(new ByteArrayInputStream(bytes), options);
    }

    static List<SourceTransaction> read(InputStream in, Map<String, String> options) throws UnreadableSourceException {
        List<SourceTransaction> out = new ArrayList<>();
        try {
            new CsvFormat().read(in, context(options), out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * An EAN-13 check digit, written out independently of the model's implementation: digits in odd positions
     * (from the left, 1-based) weigh 1, in even positions 3.
     */
    static String ean13(String twelveDigits) {
        if (twelveDigits.length() != 12) {
            throw new IllegalArgumentException(twelveDigits);
        }
        int odd = 0;
        int even = 0;
        for (int position = 1; position <= 12; position++) {
            int digit = twelveDigits.charAt(position - 1) - '0';
            if (position % 2 == 1) {
                odd += digit;
            } else {
                even += digit;
            }
        }
        int check = (10 - (odd + 3 * even) % 10) % 10;
        return twelveDigits + check;
    }

    /** The same barcode with a check digit that is certainly wrong. */
    static String wrongCheck(String ean) {
        int check = ean.charAt(ean.length() - 1) - '0';
        return ean.substring(0, ean.length() - 1) + (check + 1) % 10;
    }
}
