package org.storelink.payments.internal;

import java.nio.charset.Charset;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Alipay's RSA2 notification signature: SHA256withRSA over every parameter except {@code sign} and
 * {@code sign_type} that has a value, sorted by name, written {@code name=value} and joined with {@code &}, with
 * the values as decoded, encoded in the notification's own charset.
 */
final class AlipaySigning {
    static final String SIGN = "sign";
    static final String SIGN_TYPE = "sign_type";
    static final String RSA2 = "RSA2";

    private AlipaySigning() {
    }

    static String content(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream()
                .filter(e -> !SIGN.equals(e.getKey()) && !SIGN_TYPE.equals(e.getKey()))
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    /** Whether {@code sign} (base64) is the signature of the parameters by the holder of the key's private half. */
    static boolean verify(Map<String, String> parameters, String sign, PublicKey key, Charset charset) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(sign.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(content(parameters).getBytes(charset));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A signature of the wrong length or shape does not verify.
            return false;
        }
    }
}
