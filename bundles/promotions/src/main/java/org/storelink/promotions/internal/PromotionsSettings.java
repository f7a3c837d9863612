package org.storelink.promotions.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The configuration, checked: every bad key is named, and activation fails. */
record PromotionsSettings(Duration reportPeriod, int maxDeliveryAttempts, int concurrentConsumers) {

    static PromotionsSettings from(PromotionsConfig config) {
        List<String> problems = new ArrayList<>();
        within(problems, "report.minutes", config.report_minutes(), 1, 10_080);
        within(problems, "maxDeliveryAttempts", config.maxDeliveryAttempts(), 1, 1000);
        within(problems, "concurrentConsumers", config.concurrentConsumers(), 1, 64);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(PromotionsConfig.PID + ": " + String.join("; ", problems));
        }
        return new PromotionsSettings(Duration.ofMinutes(config.report_minutes()), config.maxDeliveryAttempts(),
                config.concurrentConsumers());
    }

    private static void within(List<String> problems, String key, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(key + " must be from " + min + " to " + max + ", is " + value);
        }
    }
}
