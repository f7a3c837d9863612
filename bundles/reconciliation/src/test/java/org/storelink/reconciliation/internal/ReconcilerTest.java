package org.storelink.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service's answers to bad input, and the configuration's validation. */
class ReconcilerTest {
    private final org.h2.jdbcx.JdbcDataSource database = TestData.newDatabase();

    @AfterEach
    void shutdown() throws Exception {
        TestData.shutdown(database);
    }

    @Test
    void anUnknownStoreIsRefusedByName() {
        ReconciliationSchema.migrate(database, getClass().getClassLoader());
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
        var store = new JdbcReconciliationStore(database, id -> Optional.empty(), clock);
        var reconciler = new Reconciler(store, id -> Optional.empty(), discrepancy -> {
        }, new Reconciler.Settings(Duration.ofMinutes(10), 3, 14, Duration.ofHours(1), 7), clock);

        assertThatThrownBy(() -> reconciler.reconcile("nowhere", TestData.NOV_26))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown store \"nowhere\"");
        assertThatThrownBy(() -> reconciler.report("nowhere", TestData.NOV_26))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown store \"nowhere\"");
    }

    @Test
    void theDefaultsAreValidAndABadConfigurationNamesEveryBadKey() {
        var defaults = ReconciliationComponent.settings(config(10, 3, 15, 60, 1));
        assertThat(defaults.window()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.lagDays()).isEqualTo(3);
        assertThat(defaults.closeGrace()).isEqualTo(Duration.ofMinutes(60));

        assertThatThrownBy(() -> ReconciliationComponent.settings(config(-1, 3, 0, 60, 100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("match.window.minutes must be at least 0, is -1")
                .hasMessageContaining("schedule.minutes must be at least 1, is 0")
                .hasMessageContaining("concurrentConsumers must be at most 64, is 100");
    }

    private static ReconciliationConfig config(int window, int lag, int schedule, int grace, int consumers) {
        return new ReconciliationConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ReconciliationConfig.class;
            }

            @Override
            public int match_window_minutes() {
                return window;
            }

            @Override
            public int settlement_lag_days() {
                return lag;
            }

            @Override
            public int settlement_horizon_days() {
                return 14;
            }

            @Override
            public int schedule_minutes() {
                return schedule;
            }

            @Override
            public int close_grace_minutes() {
                return grace;
            }

            @Override
            public int lookback_days() {
                return 7;
            }

            @Override
            public int maxDeliveryAttempts() {
                return 5;
            }

            @Override
            public int concurrentConsumers() {
                return consumers;
            }
        };
    }
}
