package org.storelink.demo.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import org.storelink.model.AgeBand;
import org.storelink.model.AreaProfile;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;

/**
 * The demo's sales. A store's sales on a day depend only on the seed, the store and the day: how many (Poisson, by
 * the store's size and the area's week), when (by the area's hours), and each basket (lines drawn from the store's
 * assortment by its preferences). So a restart, even on a later day, produces the same sales with the same receipt
 * numbers for the days it shares with the first run, and the platform stores each once.
 */
final class SaleGenerator {
    static final String CURRENCY = "CNY";
    static final int OPENING_HOUR = 7;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Sales per hour from 07:00 to 22:00, relative. */
    private static final double[][] HOURS = {
            {1, 2, 2, 2, 3, 5, 4, 3, 3, 3, 4, 4, 4, 5, 5, 4},   // student: lunch and late evening
            {4, 6, 5, 3, 3, 7, 5, 3, 3, 3, 5, 4, 2, 1, 1, 1},   // office: breakfast, lunch, leaving
            {3, 4, 3, 3, 3, 3, 3, 3, 3, 4, 6, 6, 5, 4, 3, 2},   // residential: after work
            {5, 8, 6, 4, 3, 4, 4, 3, 3, 4, 6, 8, 6, 4, 3, 2}};  // transit: the rush hours
    /** Monday to Sunday, relative, mean 1. */
    private static final double[][] WEEK = {
            {1.05, 1.05, 1.05, 1.05, 1.0, 0.9, 0.9},
            {1.2, 1.2, 1.2, 1.2, 1.15, 0.55, 0.5},
            {0.9, 0.9, 0.9, 0.9, 1.0, 1.2, 1.2},
            {1.1, 1.1, 1.1, 1.1, 1.15, 0.75, 0.7}};
    private static final int MAX_LINES = 8;
    private static final double PROMOTION_WEEKS = 0.12;
    private static final double PROMOTION_PRICE = 0.85;

    private final DemoNetwork network;
    private final long seed;
    private final double salesPerStoreDay;
    private final double[][] cumulativeHours = new double[HOURS.length][];

    SaleGenerator(DemoNetwork network, double salesPerStoreDay) {
        if (!(salesPerStoreDay > 0)) {
            throw new IllegalArgumentException("sales per store and day must be above 0, was " + salesPerStoreDay);
        }
        this.network = network;
        this.seed = network.seed();
        this.salesPerStoreDay = salesPerStoreDay;
        for (int a = 0; a < HOURS.length; a++) {
            double[] cumulative = HOURS[a].clone();
            Arrays.parallelPrefix(cumulative, Double::sum);
            double total = cumulative[cumulative.length - 1];
            for (int h = 0; h < cumulative.length; h++) {
                cumulative[h] /= total;
            }
            cumulativeHours[a] = cumulative;
        }
    }

    /** The store's sales on its business day {@code day} that happened before {@code until}, in till time order. */
    List<Sale> day(DemoStore store, LocalDate day, Instant until) {
        SplittableRandom random = new SplittableRandom(mix(seed, store.id().hashCode(), day.toEpochDay()));
        List<LocalTime> times = times(store, day, random);
        List<Sale> sales = new ArrayList<>(times.size());
        for (int i = 0; i < times.size(); i++) {
            ZonedDateTime at = day.atTime(times.get(i)).atZone(store.zone());
            // every basket is drawn, kept or not, so a sale's content never depends on the time of the run
            Sale sale = sale(store, "till-" + (1 + i % store.tills()),
                    "D" + DAY.format(day) + "-" + String.format(Locale.ROOT, "%04d", i + 1),
                    at.toOffsetDateTime(), random);
            if (at.toInstant().isBefore(until)) {
                sales.add(sale);
            }
        }
        return sales;
    }

    /** How many sales {@link #day} gives, without drawing the baskets. */
    int count(DemoStore store, LocalDate day, Instant until) {
        SplittableRandom random = new SplittableRandom(mix(seed, store.id().hashCode(), day.toEpochDay()));
        int count = 0;
        for (LocalTime time : times(store, day, random)) {
            if (day.atTime(time).atZone(store.zone()).toInstant().isBefore(until)) {
                count++;
            }
        }
        return count;
    }

    /** A sale happening now, for the live trickle; {@code receiptNo} must be new. */
    Sale live(DemoStore store, Instant now, String receiptNo, SplittableRandom random) {
        return sale(store, "till-" + (1 + random.nextInt(store.tills())), receiptNo,
                now.atZone(store.zone()).toOffsetDateTime().withNano(0), random);
    }

    /**
     * The history: every store's sales on the {@code weeks} x 7 business days up to its today (in its zone), before
     * {@code now}; by day, then by store. Counted up front for progress, generated while iterated.
     */
    History history(int weeks, Instant now) {
        return new History(weeks * 7, now);
    }

    final class History implements Iterable<Sale> {
        private final int days;
        private final Instant now;
        private final long total;

        private History(int days, Instant now) {
            this.days = days;
            this.now = now;
            long sum = 0;
            for (int d = 0; d < days; d++) {
                for (DemoStore store : network.stores()) {
                    sum += count(store, dayOf(store, d), now);
                }
            }
            this.total = sum;
        }

        long total() {
            return total;
        }

        private LocalDate dayOf(DemoStore store, int d) {
            return LocalDate.ofInstant(now, store.zone()).minusDays(days - 1L - d);
        }

        @Override
        public Iterator<Sale> iterator() {
            return new Iterator<>() {
                private int d;
                private int s;
                private Iterator<Sale> current = List.<Sale>of().iterator();

                @Override
                public boolean hasNext() {
                    while (!current.hasNext() && d < days) {
                        DemoStore store = network.stores().get(s);
                        current = day(store, dayOf(store, d), now).iterator();
                        if (++s == network.stores().size()) {
                            s = 0;
                            d++;
                        }
                    }
                    return current.hasNext();
                }

                @Override
                public Sale next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return current.next();
                }
            };
        }
    }

    private List<LocalTime> times(DemoStore store, LocalDate day, SplittableRandom random) {
        int area = Math.max(0, DemoNetwork.AREAS.indexOf(store.area()));
        double mean = salesPerStoreDay * store.size() * WEEK[area][day.getDayOfWeek().getValue()
                - DayOfWeek.MONDAY.getValue()];
        int count = poisson(mean, random);
        List<LocalTime> times = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int hour = OPENING_HOUR + pick(cumulativeHours[area], random.nextDouble());
            times.add(LocalTime.of(hour, random.nextInt(60), random.nextInt(60)));
        }
        times.sort(null);
        return times;
    }

    private Sale sale(DemoStore store, String posId, String receiptNo, OffsetDateTime at, SplittableRandom random) {
        // a corner shop basket: 2.4 lines on average, one in five a single item
        int wanted = 1;
        while (wanted < MAX_LINES && random.nextDouble() < 0.6) {
            wanted++;
        }
        List<Integer> picked = new ArrayList<>(wanted);
        for (int draw = 0; draw < wanted * 3 && picked.size() < wanted; draw++) {
            int j = pick(store.weights(), random.nextDouble());
            if (!picked.contains(j)) {
                picked.add(j);
            }
        }
        int week = at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + 100 * at.get(IsoFields.WEEK_BASED_YEAR);
        List<SaleLine> lines = new ArrayList<>(picked.size());
        long total = 0;
        for (int j : picked) {
            DemoProduct product = network.catalogue().products().get(store.assortment()[j]);
            BigDecimal quantity = product.byWeight()
                    ? BigDecimal.valueOf(200 + random.nextInt(1301), 3)
                    : BigDecimal.valueOf(quantity(random));
            long price = store.prices()[j];
            // some weeks a store runs a product at a special price, which is what an elasticity is fitted from
            SplittableRandom promotion = new SplittableRandom(mix(seed, store.id().hashCode(),
                    product.gtin().value().hashCode(), week));
            if (promotion.nextDouble() < PROMOTION_WEEKS) {
                price = DemoNetwork.roundPrice(price * PROMOTION_PRICE);
            }
            SaleLine line = new SaleLine(lines.size() + 1, product.gtin(), product.name(), quantity, price, 0, null,
                    null);
            lines.add(line);
            total += line.amount();
        }
        List<Tender> tenders;
        long change = 0;
        double way = random.nextDouble();
        String reference = HexFormat.of().toHexDigits(random.nextLong());
        if (way < 0.45) {
            tenders = List.of(new Tender(TenderType.WECHAT, total, "4200" + reference));
        } else if (way < 0.80) {
            tenders = List.of(new Tender(TenderType.ALIPAY, total, "2026" + reference));
        } else {
            long handed = cash(total, random);
            change = handed - total;
            tenders = List.of(new Tender(TenderType.CASH, handed, null));
        }
        return new Sale(store.id(), posId, receiptNo, at, CURRENCY, lines, 0, 0, List.of(), tenders, change, total,
                null, ageBand(store.area(), random));
    }

    private static int quantity(SplittableRandom random) {
        double q = random.nextDouble();
        return q < 0.8 ? 1 : q < 0.95 ? 2 : 3;
    }

    /** What a customer paying cash hands over: the exact amount, or the smallest note or two that covers it. */
    private static long cash(long total, SplittableRandom random) {
        if (random.nextDouble() < 0.3) {
            return total;
        }
        for (long note : new long[] {1000, 2000, 5000, 10000}) {
            if (note >= total) {
                return note;
            }
        }
        return (total + 9999) / 10000 * 10000;
    }

    /** Asked at some tills only; who shops where. */
    private static AgeBand ageBand(AreaProfile area, SplittableRandom random) {
        if (random.nextDouble() < 0.4) {
            return null;
        }
        double r = random.nextDouble();
        return switch (area) {
            case STUDENT -> r < 0.8 ? AgeBand.AGE_18_24 : r < 0.9 ? AgeBand.UNDER_18 : AgeBand.AGE_25_34;
            case OFFICE -> r < 0.45 ? AgeBand.AGE_25_34 : r < 0.8 ? AgeBand.AGE_35_44 : r < 0.9 ? AgeBand.AGE_18_24
                    : AgeBand.AGE_45_54;
            case TRANSIT -> r < 0.3 ? AgeBand.AGE_18_24 : r < 0.6 ? AgeBand.AGE_25_34 : r < 0.8 ? AgeBand.AGE_35_44
                    : AgeBand.AGE_45_54;
            default -> r < 0.2 ? AgeBand.AGE_25_34 : r < 0.4 ? AgeBand.AGE_35_44 : r < 0.6 ? AgeBand.AGE_45_54
                    : r < 0.8 ? AgeBand.AGE_55_64 : AgeBand.AGE_65_PLUS;
        };
    }

    /** The first index whose cumulative share exceeds {@code u}. */
    static int pick(double[] cumulative, double u) {
        int index = Arrays.binarySearch(cumulative, u);
        index = index >= 0 ? index + 1 : -index - 1;
        return Math.min(index, cumulative.length - 1);
    }

    static int poisson(double mean, SplittableRandom random) {
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian in Java 17
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** A well-spread 64-bit seed from several values (SplitMix64's finaliser over each in turn). */
    static long mix(long... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (long value : values) {
            h ^= value;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
            h *= 0x94D049BB133111EBL;
            h ^= h >>> 29;
        }
        return h;
    }
}
