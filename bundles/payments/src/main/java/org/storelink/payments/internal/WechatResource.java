package org.storelink.payments.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encrypted {@code resource} of a WeChat Pay v3 notification: AES-GCM with the merchant's API v3 key (its
 * UTF-8 bytes, so AES-256 for a real 32-character key and AES-128 for the 16-character test key), the resource's
 * {@code nonce} as the IV, {@code associated_data} as the AAD, and a 128-bit tag at the end of the ciphertext.
 */
final class WechatResource {
    static final String ALGORITHM = "AEAD_AES_256_GCM";
    private static final int TAG_BITS = 128;

    private WechatResource() {
    }

    /**
     * @return the plaintext, UTF-8
     * @throws GeneralSecurityException if the tag does not verify: a wrong key, or the resource was altered
     */
    static String decrypt(byte[] apiV3Key, String ciphertext, String nonce, String associatedData)
            throws GeneralSecurityException {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("ciphertext is not base64");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(apiV3Key, "AES"),
                new GCMParameterSpec(TAG_BITS, nonce.getBytes(StandardCharsets.UTF_8)));
        if (associatedData != null) {
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        }
        return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
    }
}
