package org.storelink.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

    private static DeliveryConfig config(String fleets, int interval, int attempts, int skew) {
        return new DeliveryConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DeliveryConfig.class;
            }

            @Override
            public String fleets() {
                return fleets;
            }

            @Override
            public int dispatch_interval_seconds() {
                return interval;
            }

            @Override
            public int maxDeliveryAttempts() {
                return attempts;
            }

            @Override
            public int clock_skew_seconds() {
                return skew;
            }
        };
    }

    @Test
    void regionsMapToTheirDefaultFleets() {
        DeliverySettings settings = DeliverySettings.from(config(" east = swift-riders , west=zoom,", 5, 5, 300));

        assertThat(settings.fleets()).isEqualTo(Map.of("east", "swift-riders", "west", "zoom"));
        assertThat(settings.dispatchInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.clockSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(DeliverySettings.from(config("", 5, 5, 300)).fleets()).isEmpty();
    }

    @Test
    void everyBadKeyIsNamedAtOnce() {
        assertThatThrownBy(() -> DeliverySettings.from(config("east=Swift,west,east=zoom,north=ok,north=ok2", 0, 0,
                -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("org.storelink.delivery: fleets: east: partner must be lowercase letters a-z, digits and"
                        + " '-', starting and ending with a letter or digit, got 'Swift'; fleets: 'west' must be"
                        + " region=partnerId; fleets: region 'north' is given twice;"
                        + " dispatch.interval.seconds must be at least 1, is 0; maxDeliveryAttempts must be at"
                        + " least 1, is 0; clock.skew.seconds must be at least 0, is -1");
    }

    @Test
    void aRegionMustBeAnId() {
        List<String> problems = new ArrayList<>();
        DeliverySettings.fleets("ea st=swift", problems);
        assertThat(problems).containsExactly("fleets: region 'ea st' must be 1 to 64 letters, digits, '.', '_' or"
                + " '-'");
    }
}
