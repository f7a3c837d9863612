package org.storelink.payments.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The validated form of one {@link WechatConfig}. Every problem is reported at once, each naming its key; the
 * API v3 key is never quoted.
 *
 * @param platformKeys the platform certificates' public keys by serial number
 * @param storeByMchid merchant or sub-merchant id to storelink store id
 */
record WechatMerchant(String mchId, byte[] apiV3Key, Map<BigInteger, PublicKey> platformKeys,
                      Map<String, String> storeByMchid, Duration maxSkew) {

    private static final Pattern MCH_ID = Pattern.compile("[0-9]{6,32}");
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    WechatMerchant {
        apiV3Key = apiV3Key.clone();
        platformKeys = Map.copyOf(platformKeys);
        storeByMchid = Map.copyOf(storeByMchid);
    }

    @Override
    public byte[] apiV3Key() {
        return apiV3Key.clone();
    }

    Optional<PublicKey> platformKey(BigInteger serial) {
        return Optional.ofNullable(platformKeys.get(serial));
    }

    Optional<String> store(String mchid) {
        return mchid == null ? Optional.empty() : Optional.ofNullable(storeByMchid.get(mchid));
    }

    static WechatMerchant from(WechatConfig config) {
        List<String> problems = new ArrayList<>();
        Map<BigInteger, PublicKey> keys = new LinkedHashMap<>();
        List<String> files = Settings.entries(config.platform_certificates());
        if (files.isEmpty()) {
            problems.add("platform.certificates: at least one PEM file is required");
        }
        for (int i = 0; i < files.size(); i++) {
            String key = "platform.certificates[" + i + "]";
            try {
                String pem = Files.readString(Path.of(files.get(i)), StandardCharsets.US_ASCII);
                for (X509Certificate certificate : Keys.certificates(pem)) {
                    keys.put(certificate.getSerialNumber(), certificate.getPublicKey());
                }
            } catch (IOException e) {
                problems.add(key + ": cannot read " + Texts.clip(files.get(i)) + " (" + e.getClass().getSimpleName()
                        + ")");
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + Texts.clip(files.get(i)) + " " + e.getMessage());
            }
        }
        return parse(config.mch_id(), config.api_v3_key(), keys, config.merchants(), config.max_skew_seconds(),
                problems);
    }

    /** @throws IllegalArgumentException naming the PID and every invalid key */
    static WechatMerchant parse(String mchId, String apiV3Key, Map<BigInteger, PublicKey> platformKeys,
                                String[] merchants, int maxSkewSeconds, List<String> earlierProblems) {
        List<String> problems = new ArrayList<>(earlierProblems);
        String id = mchId == null ? "" : mchId.strip();
        if (!MCH_ID.matcher(id).matches()) {
            problems.add("mch.id: \"" + Texts.clip(id) + "\" is not a WeChat Pay merchant id (digits)");
        }
        byte[] key = apiV3Key == null ? new byte[0] : apiV3Key.strip().getBytes(StandardCharsets.UTF_8);
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            problems.add("api.v3.key: must be 32 characters (16 or 24 for tests), not " + key.length);
        }
        Map<String, String> storeByMchid = new LinkedHashMap<>();
        List<String> entries = Settings.entries(merchants);
        if (entries.isEmpty()) {
            problems.add("merchants: at least one mchid=storeId is required");
        }
        for (int i = 0; i < entries.size(); i++) {
            String[] pair = Settings.split(entries.get(i));
            String name = "merchants[" + i + "]";
            if (pair == null) {
                problems.add(name + ": must be mchid=storeId, not \"" + Texts.clip(entries.get(i)) + "\"");
            } else if (!MCH_ID.matcher(pair[0]).matches()) {
                problems.add(name + ": \"" + Texts.clip(pair[0]) + "\" is not a merchant id (digits)");
            } else if (!STORE_ID.matcher(pair[1]).matches()) {
                problems.add(name + ": store id \"" + Texts.clip(pair[1])
                        + "\" must be 1-64 letters, digits, '.', '_' or '-'");
            } else if (storeByMchid.putIfAbsent(pair[0], pair[1]) != null) {
                problems.add(name + ": merchant " + pair[0] + " is listed twice");
            }
        }
        if (maxSkewSeconds < 30 || maxSkewSeconds > 3600) {
            problems.add("max.skew.seconds: " + maxSkewSeconds + " is outside 30..3600");
        }
        if (!problems.isEmpty()) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalArgumentException("Invalid configuration " + WechatConfig.PID
                    + (MCH_ID.matcher(id).matches() ? " (merchant " + id + ")" : "") + ": "
                    + String.join("; ", problems));
        }
        return new WechatMerchant(id, key, platformKeys, storeByMchid, Duration.ofSeconds(maxSkewSeconds));
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "WechatMerchant[" + mchId + ", key=(hidden), certificates="
                + platformKeys.keySet().stream().map(s -> s.toString(16).toUpperCase(java.util.Locale.ROOT)).toList()
                + ", merchants=" + storeByMchid + ", maxSkew=" + maxSkew.toSeconds() + "s]";
    }
}
