package org.storelink.insights.internal;

import java.util.ArrayList;
import java.util.List;

/** The configuration, checked: an invalid value fails activation with every problem named by its key. */
record InsightsSettings(int k, int maxDeliveryAttempts, int concurrentConsumers) {

    static InsightsSettings from(InsightsConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.k() < 2) {
            problems.add("k = " + config.k() + ": must be at least 2, or a single customer's purchases could be"
                    + " shown by age band");
        }
        if (config.maxDeliveryAttempts() < 1) {
            problems.add("maxDeliveryAttempts = " + config.maxDeliveryAttempts() + ": must be at least 1");
        }
        if (config.concurrentConsumers() < 1 || config.concurrentConsumers() > 64) {
            problems.add("concurrentConsumers = " + config.concurrentConsumers() + ": must be from 1 to 64");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid configuration " + InsightsConfig.PID + ": "
                    + String.join("; ", problems));
        }
        return new InsightsSettings(config.k(), config.maxDeliveryAttempts(), config.concurrentConsumers());
    }

    static int checkK(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, is " + k);
        }
        return k;
    }
}
