package org.storelink.payments.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** RSA public keys and certificates as operators paste them: PEM text, or the bare base64 of the DER. */
final class Keys {
    private static final int MIN_RSA_BITS = 2048;

    private Keys() {
    }

    /**
     * A public key from PEM ({@code BEGIN PUBLIC KEY} or {@code BEGIN CERTIFICATE}) or from the base64 of an
     * X.509 SubjectPublicKeyInfo, as Alipay's console shows it.
     *
     * @throws IllegalArgumentException saying what is wrong, never quoting the text
     */
    static PublicKey rsaPublicKey(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        if (text.contains("BEGIN CERTIFICATE")) {
            return checked(certificates(text).get(0).getPublicKey());
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.replaceAll("-----(BEGIN|END) (RSA )?PUBLIC KEY-----", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is neither PEM nor base64");
        }
        if (text.contains("BEGIN RSA PUBLIC KEY")) {
            throw new IllegalArgumentException("is a PKCS#1 key; give the X.509 form (BEGIN PUBLIC KEY)");
        }
        try {
            return checked(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("is not an X.509 RSA public key");
        }
    }

    /** Every certificate in PEM text, at least one. */
    static List<X509Certificate> certificates(String pem) {
        try {
            List<X509Certificate> found = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toList();
            if (found.isEmpty()) {
                throw new IllegalArgumentException("holds no certificate");
            }
            found.forEach(certificate -> checked(certificate.getPublicKey()));
            return found;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("is not a PEM X.509 certificate");
        }
    }

    /** A certificate serial number as WeChat Pay writes it in {@code Wechatpay-Serial}: upper-case hex. */
    static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }

    /** The serial a header names, or null when it is not hex. Leading zeros and case do not matter. */
    static BigInteger parseSerial(String header) {
        if (header == null || header.isBlank() || header.length() > 64
                || !header.strip().chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        return new BigInteger(header.strip(), 16);
    }

    private static PublicKey checked(PublicKey key) {
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new IllegalArgumentException("is not an RSA key");
        }
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("is an RSA key of " + rsa.getModulus().bitLength()
                    + " bits; at least " + MIN_RSA_BITS + " are required");
        }
        return key;
    }
}
