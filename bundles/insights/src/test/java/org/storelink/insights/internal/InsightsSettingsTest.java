package org.storelink.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class InsightsSettingsTest {

    private static InsightsConfig config(int k, int maxDeliveryAttempts, int concurrentConsumers) {
        return new InsightsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return InsightsConfig.class;
            }

            @Override
            public int k() {
                return k;
            }

            @Override
            public int maxDeliveryAttempts() {
                return maxDeliveryAttempts;
            }

            @Override
            public int concurrentConsumers() {
                return concurrentConsumers;
            }
        };
    }

    @Test
    void theDefaultsAreValid() throws Exception {
        InsightsConfig defaults = config(
                (int) InsightsConfig.class.getMethod("k").getDefaultValue(),
                (int) InsightsConfig.class.getMethod("maxDeliveryAttempts").getDefaultValue(),
                (int) InsightsConfig.class.getMethod("concurrentConsumers").getDefaultValue());

        assertThat(InsightsSettings.from(defaults)).isEqualTo(new InsightsSettings(5, 5, 1));
    }

    @Test
    void kBelowTwoIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> InsightsSettings.from(config(1, 5, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid configuration org.storelink.insights: k = 1: must be at least 2");
        assertThat(InsightsSettings.from(config(2, 5, 1)).k()).isEqualTo(2);
    }

    @Test
    void everyProblemIsNamed() {
        assertThatThrownBy(() -> InsightsSettings.from(config(0, 0, 65)))
                .hasMessageContaining("k = 0")
                .hasMessageContaining("maxDeliveryAttempts = 0")
                .hasMessageContaining("concurrentConsumers = 65");
    }
}
