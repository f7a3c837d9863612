package org.storelink.wholesale.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class CronExpressionTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static ZonedDateTime next(String cron, String after, ZoneId zone) {
        return CronExpression.parse(cron).next(ZonedDateTime.parse(after), zone).orElseThrow();
    }

    @Test
    void dailyAtSixInTheEveningInTheConfiguredZone() {
        assertThat(next("0 0 18 * * ?", "2026-11-26T09:00:00+08:00[Asia/Shanghai]", SHANGHAI))
                .isEqualTo(ZonedDateTime.parse("2026-11-26T18:00:00+08:00[Asia/Shanghai]"));
        // strictly after: at 18:00:00 itself, the next is tomorrow's
        assertThat(next("0 0 18 * * ?", "2026-11-26T18:00:00+08:00[Asia/Shanghai]", SHANGHAI))
                .isEqualTo(ZonedDateTime.parse("2026-11-27T18:00:00+08:00[Asia/Shanghai]"));
        // "after" given in UTC is read in the cron's zone
        assertThat(next("0 0 18 * * ?", "2026-11-26T10:30:00Z", SHANGHAI))
                .isEqualTo(ZonedDateTime.parse("2026-11-27T18:00:00+08:00[Asia/Shanghai]"));
    }

    @Test
    void weekdaysByNameAndQuartzNumbersWhereOneIsSunday() {
        // 2026-11-27 is a Friday
        assertThat(next("0 30 17 ? * MON-FRI", "2026-11-27T18:00:00+08:00", SHANGHAI))
                .isEqualTo(ZonedDateTime.parse("2026-11-30T17:30:00+08:00[Asia/Shanghai]"));
        assertThat(next("0 0 9 ? * 1", "2026-11-27T18:00:00+08:00", SHANGHAI).getDayOfWeek())
                .isEqualTo(java.time.DayOfWeek.SUNDAY);
        assertThat(next("0 0 9 ? * 2,4", "2026-11-27T18:00:00+08:00", SHANGHAI))
                .isEqualTo(ZonedDateTime.parse("2026-11-30T09:00:00+08:00[Asia/Shanghai]"));
    }

    @Test
    void stepsRangesListsLastDayAndYears() {
        assertThat(next("0 */15 * * * ?", "2026-11-26T10:07:13+08:00", SHANGHAI))
                .isEqualTo(ZonedDateTime.parse("2026-11-26T10:15:00+08:00[Asia/Shanghai]"));
        assertThat(next("0 5/20 8-9 * * ?", "2026-11-26T09:46:00+08:00", SHANGHAI))
                .isEqualTo(ZonedDateTime.parse("2026-11-27T08:05:00+08:00[Asia/Shanghai]"));
        assertThat(next("0 0 12 L * ?", "2027-02-01T00:00:00+08:00", SHANGHAI))
                .isEqualTo(ZonedDateTime.parse("2027-02-28T12:00:00+08:00[Asia/Shanghai]"));
        assertThat(next("0 0 0 1 JAN,JUL ? 2028", "2026-11-26T00:00:00+08:00", SHANGHAI))
                .isEqualTo(ZonedDateTime.parse("2028-01-01T00:00:00+08:00[Asia/Shanghai]"));
        assertThat(CronExpression.parse("0 0 0 1 1 ? 2020").next(ZonedDateTime.parse("2026-01-01T00:00:00Z"),
                SHANGHAI)).isEmpty();
    }

    @Test
    void aTimeInTheSpringGapFiresShiftedAndAnOverlapFiresOnce() {
        // 2026-03-08 02:30 does not exist in New York: fires at 03:30 EDT
        assertThat(next("0 30 2 * * ?", "2026-03-08T00:00:00-05:00", NEW_YORK))
                .isEqualTo(ZonedDateTime.parse("2026-03-08T03:30:00-04:00[America/New_York]"));
        // 2026-11-01 01:30 happens twice: fires at the first, then the next day
        ZonedDateTime first = next("0 30 1 * * ?", "2026-11-01T00:00:00-04:00", NEW_YORK);
        assertThat(first.toOffsetDateTime().toString()).isEqualTo("2026-11-01T01:30-04:00");
        assertThat(CronExpression.parse("0 30 1 * * ?").next(first, NEW_YORK).orElseThrow().toLocalDate())
                .isEqualTo(java.time.LocalDate.of(2026, 11, 2));
    }

    @Test
    void everyProblemIsNamed() {
        assertThatThrownBy(() -> CronExpression.parse("0 0 25 * * *"))
                .hasMessageContaining("hour: 25 is outside 0-23")
                .hasMessageContaining("exactly one of day-of-month and day-of-week must be '?'");
        assertThatThrownBy(() -> CronExpression.parse("0 0 18 * *"))
                .hasMessageContaining("must have 6 or 7 fields");
        assertThatThrownBy(() -> CronExpression.parse("0 0 18 ? * 6#3"))
                .hasMessageContaining("day-of-week: '6#3' is not supported");
        assertThatThrownBy(() -> CronExpression.parse("0 0 18 15W * ?"))
                .hasMessageContaining("day-of-month: '15W' is not supported");
        assertThatThrownBy(() -> CronExpression.parse("0 0 18 ? FOO MON"))
                .hasMessageContaining("month: 'FOO' is not a number or a name JAN-DEC");
    }
}
