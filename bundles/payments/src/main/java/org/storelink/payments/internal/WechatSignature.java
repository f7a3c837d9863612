package org.storelink.payments.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * WeChat Pay v3's response and notification signature: {@code Wechatpay-Signature} is the base64 SHA256withRSA
 * signature, by the platform certificate {@code Wechatpay-Serial} names, of
 * {@code Wechatpay-Timestamp + "\n" + Wechatpay-Nonce + "\n" + raw body + "\n"}.
 */
final class WechatSignature {
    static final String SERIAL = "Wechatpay-Serial";
    static final String SIGNATURE = "Wechatpay-Signature";
    static final String TIMESTAMP = "Wechatpay-Timestamp";
    static final String NONCE = "Wechatpay-Nonce";

    private WechatSignature() {
    }

    static byte[] message(String timestamp, String nonce, byte[] body) {
        ByteArrayOutputStream message = new ByteArrayOutputStream(body.length + 64);
        message.writeBytes((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
        message.writeBytes(body);
        message.write('\n');
        return message.toByteArray();
    }

    static boolean verify(PublicKey key, String timestamp, String nonce, byte[] body, String signature) {
        byte[] signed;
        try {
            signed = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(message(timestamp, nonce, body));
            return verifier.verify(signed);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
