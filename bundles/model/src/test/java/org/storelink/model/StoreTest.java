package org.storelink.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StoreTest {

    @Test
    void businessDayIsTheDateInTheStoresZone() {
        Instant lateEveningUtc = Instant.parse("2026-11-25T17:30:00Z");
        Store shanghai = new Store("s1", "Wujiaochang", "east", AreaProfile.STUDENT,
                ZoneId.of("Asia/Shanghai"), new Coordinates(31.30, 121.51));
        Store newYork = new Store("nyc-1", "Midtown", "us", AreaProfile.OFFICE,
                ZoneId.of("America/New_York"), null);

        assertThat(shanghai.businessDay(lateEveningUtc)).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(newYork.businessDay(lateEveningUtc)).isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void coordinatesOutsideTheGlobeAreRejected() {
        assertThatThrownBy(() -> new Coordinates(90.5, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> new Coordinates(0, -180.5)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> new Coordinates(Double.NaN, 0)).hasMessageContaining("latitude");
        assertThat(new Coordinates(-90, 180).latitude()).isEqualTo(-90);
    }

    @Test
    void enumLabelsParse() {
        assertThat(AreaProfile.parse("Student")).isEqualTo(AreaProfile.STUDENT);
        assertThat(AreaProfile.TRANSIT.label()).isEqualTo("transit");
        assertThat(TenderType.parse("WECHAT")).isEqualTo(TenderType.WECHAT);
        assertThat(AdjustmentType.parse("coupon")).isEqualTo(AdjustmentType.COUPON);
        assertThat(AgeBand.parse("18-24")).isEqualTo(AgeBand.AGE_18_24);
        assertThat(AgeBand.parse("<18")).isEqualTo(AgeBand.UNDER_18);
        assertThat(AgeBand.AGE_65_PLUS.label()).isEqualTo("65+");
    }

    @Test
    void unknownLabelsSayWhatIsExpected() {
        assertThatThrownBy(() -> AreaProfile.parse("suburb"))
                .hasMessageContaining("student, office, residential, transit, tourist, mixed");
        assertThatThrownBy(() -> TenderType.parse("bitcoin")).hasMessageContaining("cash, alipay");
        assertThatThrownBy(() -> AgeBand.parse("18–24")).hasMessageContaining("<18, 18-24");
        assertThatThrownBy(() -> AreaProfile.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
