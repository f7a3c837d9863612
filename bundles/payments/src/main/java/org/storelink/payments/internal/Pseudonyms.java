package org.storelink.payments.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.storelink.model.PaymentProvider;

/**
 * Payer references: {@code <provider>:<hex HMAC-SHA256(key, "<provider>:" + account id)>}. The key is
 * per deployment, so the same payer has the same reference across stores and days here, but the reference cannot
 * be joined with another deployment's, nor turned back into the account id without the key. The provider prefix
 * keeps one provider's ids from ever meeting another's. The clear account id is used for this and dropped.
 */
final class Pseudonyms {
    static final int KEY_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    Pseudonyms(byte[] key) {
        if (key.length < KEY_BYTES) {
            throw new IllegalArgumentException("pseudonym.key: must be at least " + KEY_BYTES + " bytes, not "
                    + key.length);
        }
        this.key = new SecretKeySpec(key, HMAC);
    }

    /** The reference of an account id; null when the provider gave none. */
    String payerRef(PaymentProvider provider, String accountId) {
        if (accountId == null || accountId.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] digest = mac.doFinal((provider.label() + ":" + accountId).getBytes(StandardCharsets.UTF_8));
            return provider.label() + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(HMAC + " is not available", e);
        }
    }

    /**
     * The configured key (its UTF-8 bytes, at least 32), else the one kept in {@code file}: created once with 32
     * random bytes, hex, readable by the owner only, and reused from then on.
     */
    static Pseudonyms load(String configured, Path file) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return new Pseudonyms(configured.strip().getBytes(StandardCharsets.UTF_8));
        }
        if (!Files.exists(file)) {
            byte[] fresh = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.getParent());
            try {
                create(file, HexFormat.of().formatHex(fresh) + "\n");
            } catch (FileAlreadyExistsException raced) {
                // Another activation wrote it first: use that one.
            }
        }
        String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return new Pseudonyms(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " does not hold a hex key of at least " + KEY_BYTES + " bytes");
        }
    }

    private static void create(Path file, String content) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
                : new FileAttribute<?>[0];
        // Created with mode 600 from the start: there is no moment when others could read it.
        Files.createFile(file, attributes);
        Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
