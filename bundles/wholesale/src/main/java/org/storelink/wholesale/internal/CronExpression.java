package org.storelink.wholesale.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Quartz-style cron expression, {@code second minute hour day-of-month month day-of-week [year]}, evaluated in a
 * time zone. Supported: numbers, {@code *}, {@code ?}, ranges {@code a-b}, steps {@code * / n}, {@code a/n},
 * {@code a-b/n}, lists, month names {@code JAN}-{@code DEC}, day names {@code SUN}-{@code SAT} (as in Quartz,
 * 1 = Sunday … 7 = Saturday) and {@code L} (last day of the month) in the day-of-month field. As in Quartz,
 * exactly one of day-of-month and day-of-week must be {@code ?}. {@code W}, {@code #} and {@code L} in other
 * positions are refused by name.
 *
 * <p>Time-zone changes: a local time that does not exist (spring forward) fires at the same offset shifted forward
 * by the gap, and a local time that occurs twice (fall back) fires once, at the earlier instant.
 */
public final class CronExpression {
    private static final int MIN_YEAR = 1970;
    private static final int MAX_YEAR = 2199;
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
        "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final String text;
    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final boolean lastDayOfMonth;
    private final boolean anyDayOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfWeek;
    private final BitSet years;

    private CronExpression(String text, List<String> fields) {
        this.text = text;
        List<String> problems = new ArrayList<>();
        seconds = field("second", fields.get(0), 0, 59, null, problems);
        minutes = field("minute", fields.get(1), 0, 59, null, problems);
        hours = field("hour", fields.get(2), 0, 23, null, problems);
        String dom = fields.get(3).toUpperCase(Locale.ROOT);
        String dow = fields.get(5).toUpperCase(Locale.ROOT);
        anyDayOfMonth = dom.equals("?");
        anyDayOfWeek = dow.equals("?");
        if (anyDayOfMonth == anyDayOfWeek) {
            problems.add("exactly one of day-of-month and day-of-week must be '?'");
        }
        lastDayOfMonth = dom.equals("L");
        daysOfMonth = anyDayOfMonth || lastDayOfMonth ? new BitSet() : field("day-of-month", dom, 1, 31, null,
                problems);
        months = field("month", fields.get(4), 1, 12, MONTHS, problems);
        daysOfWeek = anyDayOfWeek ? new BitSet() : field("day-of-week", dow, 1, 7, DAYS, problems);
        years = fields.size() == 7 ? field("year", fields.get(6), MIN_YEAR, MAX_YEAR, null, problems)
                : all(MIN_YEAR, MAX_YEAR);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cron \"" + text + "\": " + String.join("; ", problems));
        }
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException naming every field that is wrong
     */
    public static CronExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("cron: is required, such as \"0 0 18 ? * MON-FRI\"");
        }
        List<String> fields = List.of(expression.strip().split("\\s+"));
        if (fields.size() < 6 || fields.size() > 7) {
            throw new IllegalArgumentException("cron \"" + expression + "\": must have 6 or 7 fields (second minute"
                    + " hour day-of-month month day-of-week [year]), has " + fields.size());
        }
        return new CronExpression(expression.strip(), fields);
    }

    /** The first time strictly after {@code after} that the expression matches, in {@code zone}. */
    public Optional<ZonedDateTime> next(ZonedDateTime after, ZoneId zone) {
        LocalDateTime start = after.withZoneSameInstant(zone).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS)
                .plusSeconds(1);
        LocalDate day = start.toLocalDate();
        LocalTime from = start.toLocalTime();
        while (day.getYear() <= MAX_YEAR) {
            if (!years.get(day.getYear())) {
                int year = years.nextSetBit(day.getYear());
                if (year < 0) {
                    return Optional.empty();
                }
                day = LocalDate.of(year, 1, 1);
                from = LocalTime.MIDNIGHT;
                continue;
            }
            if (!months.get(day.getMonthValue())) {
                day = day.with(TemporalAdjusters.firstDayOfNextMonth());
                from = LocalTime.MIDNIGHT;
                continue;
            }
            if (dayMatches(day)) {
                Optional<LocalTime> time = firstTime(from);
                if (time.isPresent()) {
                    ZonedDateTime candidate = ZonedDateTime.ofLocal(day.atTime(time.get()), zone, null);
                    if (candidate.toInstant().isAfter(after.toInstant())) {
                        return Optional.of(candidate);
                    }
                    // a shifted time in a gap that falls before "after": keep searching from the next second
                    LocalDateTime again = day.atTime(time.get()).plusSeconds(1);
                    day = again.toLocalDate();
                    from = again.toLocalTime();
                    continue;
                }
            }
            day = day.plusDays(1);
            from = LocalTime.MIDNIGHT;
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate day) {
        if (anyDayOfMonth) {
            return daysOfWeek.get(quartzDayOfWeek(day.getDayOfWeek()));
        }
        if (lastDayOfMonth) {
            return day.getDayOfMonth() == day.lengthOfMonth();
        }
        return daysOfMonth.get(day.getDayOfMonth());
    }

    /** Quartz numbers days 1 = Sunday to 7 = Saturday. */
    static int quartzDayOfWeek(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }

    private Optional<LocalTime> firstTime(LocalTime from) {
        for (int hour = hours.nextSetBit(from.getHour()); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
            int minuteFrom = hour == from.getHour() ? from.getMinute() : 0;
            for (int minute = minutes.nextSetBit(minuteFrom); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                int secondFrom = hour == from.getHour() && minute == from.getMinute() ? from.getSecond() : 0;
                int second = seconds.nextSetBit(secondFrom);
                if (second >= 0) {
                    return Optional.of(LocalTime.of(hour, minute, second));
                }
            }
        }
        return Optional.empty();
    }

    private static BitSet field(String name, String text, int min, int max, String[] names, List<String> problems) {
        BitSet bits = new BitSet();
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.equals("?")) {
            problems.add(name + ": '?' is only allowed for day-of-month or day-of-week");
            return bits;
        }
        for (String part : upper.split(",", -1)) {
            try {
                part(part, min, max, names, bits);
            } catch (IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        return bits;
    }

    private static void part(String part, int min, int max, String[] names, BitSet bits) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("empty list item");
        }
        if (part.contains("#") || names == null && (part.contains("W") || part.contains("L"))) {
            throw new IllegalArgumentException("'" + part + "' is not supported (only plain values, ranges, steps,"
                    + " lists, names and L as the whole day-of-month)");
        }
        int step = 1;
        String range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            range = part.substring(0, slash);
            step = number(part.substring(slash + 1), 1, max, null);
        }
        int low;
        int high;
        if (range.equals("*")) {
            low = min;
            high = max;
        } else {
            int dash = range.indexOf('-');
            if (dash >= 0) {
                low = number(range.substring(0, dash), min, max, names);
                high = number(range.substring(dash + 1), min, max, names);
                if (high < low) {
                    throw new IllegalArgumentException("range '" + range + "' ends before it starts");
                }
            } else {
                low = number(range, min, max, names);
                high = slash >= 0 ? max : low;
            }
        }
        for (int value = low; value <= high; value += step) {
            bits.set(value);
        }
    }

    private static int number(String text, int min, int max, String[] names) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(text)) {
                    return min + i;
                }
            }
        }
        if (!text.matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException("'" + text + "' is not a number" + (names == null ? ""
                    : " or a name " + names[0] + "-" + names[names.length - 1]));
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is outside " + min + "-" + max);
        }
        return value;
    }

    private static BitSet all(int min, int max) {
        BitSet bits = new BitSet();
        bits.set(min, max + 1);
        return bits;
    }

    @Override
    public String toString() {
        return text;
    }
}
