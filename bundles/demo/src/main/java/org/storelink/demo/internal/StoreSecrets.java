package org.storelink.demo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo stores' webhook secrets: HMAC-SHA256 of the seed and store id with a random key made once per
 * installation ({@code data/storelink/demo.key}, owner-only), so no secret is written in the code and two
 * installations of the same demo do not share secrets, while a restart keeps them.
 */
final class StoreSecrets {
    static final int KEY_BYTES = 32;

    private final byte[] key;
    private final long seed;

    StoreSecrets(byte[] key, long seed) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the demo key must have at least 16 bytes, has " + key.length);
        }
        this.key = key.clone();
        this.seed = seed;
    }

    /** The store's secret: 64 lowercase hex digits. */
    String secret(String storeId) {
        return HexFormat.of().formatHex(hmac(key, ("storelink-demo/" + seed + "/" + storeId)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads the installation's key, making it (owner read/write only where the file system can say so) first. */
    static byte[] loadOrCreateKey(Path file) throws IOException {
        if (Files.exists(file)) {
            byte[] key = Files.readAllBytes(file);
            if (key.length < 16) {
                throw new IOException(file + " holds " + key.length + " bytes, not a demo key; delete it to make"
                        + " a new one (the demo stores then get new secrets)");
            }
            return key;
        }
        Files.createDirectories(file.getParent());
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data folder's own permissions apply
            }
            Files.write(file, key, StandardOpenOption.TRUNCATE_EXISTING);
            return key;
        } catch (FileAlreadyExistsException raced) {
            return Files.readAllBytes(file);
        }
    }

    /** {@code sha256=} and the lowercase hex HMAC-SHA256 of the body: the webhook's X-Storelink-Signature. */
    static String signature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
