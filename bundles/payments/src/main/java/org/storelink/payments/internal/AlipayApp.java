package org.storelink.payments.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The validated form of one {@link AlipayConfig}. Every problem is collected and reported at once, each naming
 * its key; no message quotes a key's text.
 *
 * @param storeBySeller Alipay seller_id to storelink store id
 * @param ageBandParameter the notification parameter holding an age band label, or empty
 */
record AlipayApp(String appId, PublicKey publicKey, Map<String, String> storeBySeller, ZoneId zone,
                 Optional<String> ageBandParameter) {

    private static final Pattern APP_ID = Pattern.compile("[0-9]{8,32}");
    private static final Pattern SELLER_ID = Pattern.compile("[0-9]{8,32}");
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    AlipayApp {
        storeBySeller = Map.copyOf(storeBySeller);
    }

    Optional<String> store(String sellerId) {
        return sellerId == null ? Optional.empty() : Optional.ofNullable(storeBySeller.get(sellerId));
    }

    static AlipayApp from(AlipayConfig config) {
        return parse(config.app_id(), config.alipay_public_key(), config.alipay_public_key_file(), config.sellers(),
                config.zone(), config.age_band_parameter());
    }

    /** @throws IllegalArgumentException naming the PID and every invalid key */
    static AlipayApp parse(String appId, String publicKeyText, String publicKeyFile, String[] sellers, String zone,
                           String ageBandParameter) {
        List<String> problems = new ArrayList<>();
        String id = appId == null ? "" : appId.strip();
        if (!APP_ID.matcher(id).matches()) {
            problems.add("app.id: \"" + Texts.clip(id) + "\" is not an Alipay app id (digits)");
        }
        PublicKey key = publicKey(publicKeyText, publicKeyFile, problems);
        Map<String, String> storeBySeller = new LinkedHashMap<>();
        List<String> entries = Settings.entries(sellers);
        if (entries.isEmpty()) {
            problems.add("sellers: at least one sellerId=storeId is required");
        }
        for (int i = 0; i < entries.size(); i++) {
            String[] pair = Settings.split(entries.get(i));
            String key1 = "sellers[" + i + "]";
            if (pair == null) {
                problems.add(key1 + ": must be sellerId=storeId, not \"" + Texts.clip(entries.get(i)) + "\"");
            } else if (!SELLER_ID.matcher(pair[0]).matches()) {
                problems.add(key1 + ": seller id \"" + Texts.clip(pair[0]) + "\" is not an Alipay seller id (digits)");
            } else if (!STORE_ID.matcher(pair[1]).matches()) {
                problems.add(key1 + ": store id \"" + Texts.clip(pair[1])
                        + "\" must be 1-64 letters, digits, '.', '_' or '-'");
            } else if (storeBySeller.putIfAbsent(pair[0], pair[1]) != null) {
                problems.add(key1 + ": seller " + pair[0] + " is listed twice");
            }
        }
        ZoneId zoneId = null;
        try {
            zoneId = ZoneId.of(zone == null ? "" : zone.strip());
        } catch (DateTimeException e) {
            problems.add("zone: \"" + Texts.clip(zone) + "\" is not a time zone id such as Asia/Shanghai");
        }
        String parameter = ageBandParameter == null ? "" : ageBandParameter.strip();
        if (!parameter.isEmpty() && !PARAMETER.matcher(parameter).matches()) {
            problems.add("age.band.parameter: \"" + Texts.clip(parameter) + "\" is not a parameter name");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid configuration " + AlipayConfig.PID
                    + (APP_ID.matcher(id).matches() ? " (app " + id + ")" : "") + ": " + String.join("; ", problems));
        }
        return new AlipayApp(id, key, storeBySeller, zoneId,
                parameter.isEmpty() ? Optional.empty() : Optional.of(parameter));
    }

    private static PublicKey publicKey(String text, String file, List<String> problems) {
        boolean hasText = text != null && !text.isBlank();
        boolean hasFile = file != null && !file.isBlank();
        if (hasText == hasFile) {
            problems.add("alipay.public.key: give either alipay.public.key or alipay.public.key.file, "
                    + (hasText ? "not both" : "one is required"));
            return null;
        }
        String keyName = hasText ? "alipay.public.key" : "alipay.public.key.file";
        try {
            String pem = hasText ? text : Files.readString(Path.of(file.strip()), StandardCharsets.US_ASCII);
            return Keys.rsaPublicKey(pem);
        } catch (IOException e) {
            problems.add(keyName + ": cannot read " + file.strip() + " (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            problems.add(keyName + ": " + e.getMessage());
        }
        return null;
    }

    @Override
    public String toString() {
        return "AlipayApp[" + appId + ", sellers=" + storeBySeller + ", zone=" + zone
                + ageBandParameter.map(p -> ", ageBand=" + p).orElse("") + "]";
    }
}
