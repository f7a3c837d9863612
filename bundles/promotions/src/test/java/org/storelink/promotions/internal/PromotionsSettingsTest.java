package org.storelink.promotions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class PromotionsSettingsTest {

    private static PromotionsConfig config(int minutes, int attempts, int consumers) {
        return new PromotionsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PromotionsConfig.class;
            }

            @Override
            public int report_minutes() {
                return minutes;
            }

            @Override
            public int maxDeliveryAttempts() {
                return attempts;
            }

            @Override
            public int concurrentConsumers() {
                return consumers;
            }
        };
    }

    @Test
    void aValidConfigurationIsTaken() {
        assertThat(PromotionsSettings.from(config(60, 5, 1)))
                .isEqualTo(new PromotionsSettings(Duration.ofHours(1), 5, 1));
    }

    @Test
    void everyBadKeyIsNamed() {
        assertThatThrownBy(() -> PromotionsSettings.from(config(0, 0, 65)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("org.storelink.promotions: report.minutes must be from 1 to 10080, is 0;"
                        + " maxDeliveryAttempts must be from 1 to 1000, is 0; concurrentConsumers must be from 1 to 64,"
                        + " is 65");
    }
}
