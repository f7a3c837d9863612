package org.storelink.delivery.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.storelink.partners.Partner;

/**
 * The checked configuration. Every bad key is named at once and activation fails, rather than running with a
 * configuration that was meant differently.
 *
 * @param fleets region id → default fleet partner id
 */
record DeliverySettings(Map<String, String> fleets, Duration dispatchInterval, int maxDeliveryAttempts,
                        Duration clockSkew) {
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    DeliverySettings {
        fleets = Collections.unmodifiableMap(new LinkedHashMap<>(fleets));
    }

    static DeliverySettings from(DeliveryConfig config) {
        List<String> problems = new ArrayList<>();
        Map<String, String> fleets = fleets(config.fleets(), problems);
        if (config.dispatch_interval_seconds() < 1) {
            problems.add("dispatch.interval.seconds must be at least 1, is " + config.dispatch_interval_seconds());
        }
        if (config.maxDeliveryAttempts() < 1) {
            problems.add("maxDeliveryAttempts must be at least 1, is " + config.maxDeliveryAttempts());
        }
        if (config.clock_skew_seconds() < 0) {
            problems.add("clock.skew.seconds must be at least 0, is " + config.clock_skew_seconds());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(DeliveryConfig.PID + ": " + String.join("; ", problems));
        }
        return new DeliverySettings(fleets, Duration.ofSeconds(config.dispatch_interval_seconds()),
                config.maxDeliveryAttempts(), Duration.ofSeconds(config.clock_skew_seconds()));
    }

    static Map<String, String> fleets(String text, List<String> problems) {
        Map<String, String> fleets = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return fleets;
        }
        for (String entry : text.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                problems.add("fleets: '" + Texts.clip(trimmed) + "' must be region=partnerId");
                continue;
            }
            String region = trimmed.substring(0, equals).strip();
            String partner = trimmed.substring(equals + 1).strip();
            if (!REGION.matcher(region).matches()) {
                problems.add("fleets: region '" + Texts.clip(region) + "' must be 1 to 64 letters, digits, '.', '_'"
                        + " or '-'");
                continue;
            }
            try {
                Partner.checkId(partner);
            } catch (IllegalArgumentException e) {
                problems.add("fleets: " + region + ": partner " + e.getMessage().replaceFirst("^id: ", ""));
                continue;
            }
            if (fleets.putIfAbsent(region, partner) != null) {
                problems.add("fleets: region '" + region + "' is given twice");
            }
        }
        return fleets;
    }
}
