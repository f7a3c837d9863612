package org.storelink.wholesale.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The checked configuration; {@link #from} names every invalid key at once. */
record WholesaleSettings(BigDecimal serviceLevel, BigDecimal z, int reviewPeriodDays, int historyDays,
                         String buyerId, String buyerName, CronExpression cutoffCron, ZoneId cutoffZone,
                         boolean cutoffEnabled, Path suppliersFile, Path sourcingFile, int maxDeliveryAttempts,
                         int concurrentConsumers) {

    static WholesaleSettings from(WholesaleConfig config, Path etc) {
        List<String> problems = new ArrayList<>();
        BigDecimal serviceLevel = null;
        BigDecimal z = null;
        try {
            serviceLevel = new BigDecimal(config.serviceLevel().strip());
            z = ServiceLevel.z(serviceLevel);
        } catch (NumberFormatException e) {
            problems.add("serviceLevel: '" + config.serviceLevel() + "' is not a decimal such as 0.95");
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (config.reviewPeriodDays() < 0 || config.reviewPeriodDays() > 90) {
            problems.add("reviewPeriodDays: must be from 0 to 90, is " + config.reviewPeriodDays());
        }
        if (config.historyDays() < 7 || config.historyDays() > 366) {
            problems.add("historyDays: must be from 7 to 366, is " + config.historyDays());
        }
        if (config.buyer_id().isBlank() || !config.buyer_id().matches("[A-Za-z0-9.-]{1,35}")) {
            problems.add("buyer.id: must be 1 to 35 letters, digits, '.' or '-', is '" + config.buyer_id() + "'");
        }
        if (config.buyer_name().isBlank()) {
            problems.add("buyer.name: must not be blank");
        }
        CronExpression cron = null;
        boolean enabled = !config.cutoff_cron().isBlank() && !"off".equalsIgnoreCase(config.cutoff_cron().strip());
        if (enabled) {
            try {
                cron = CronExpression.parse(config.cutoff_cron());
            } catch (IllegalArgumentException e) {
                problems.add("cutoff.cron: " + e.getMessage());
            }
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(config.cutoff_zone().strip());
        } catch (RuntimeException e) {
            problems.add("cutoff.zone: '" + config.cutoff_zone() + "' is not a time zone id such as Asia/Shanghai");
        }
        if (config.maxDeliveryAttempts() < 1) {
            problems.add("maxDeliveryAttempts: must be at least 1, is " + config.maxDeliveryAttempts());
        }
        if (config.concurrentConsumers() < 1 || config.concurrentConsumers() > 64) {
            problems.add("concurrentConsumers: must be from 1 to 64, is " + config.concurrentConsumers());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid configuration " + WholesaleConfig.PID + ": "
                    + String.join("; ", problems));
        }
        return new WholesaleSettings(serviceLevel, z, config.reviewPeriodDays(), config.historyDays(),
                config.buyer_id(), config.buyer_name(), cron, zone, enabled, resolve(etc, config.suppliersFile()),
                resolve(etc, config.sourcingFile()), config.maxDeliveryAttempts(), config.concurrentConsumers());
    }

    private static Path resolve(Path etc, String file) {
        Path path = Path.of(file);
        return path.isAbsolute() || etc == null ? path : etc.resolve(path);
    }
}
