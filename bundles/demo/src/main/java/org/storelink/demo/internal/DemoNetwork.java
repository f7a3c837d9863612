package org.storelink.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.storelink.model.AreaProfile;
import org.storelink.model.Coordinates;
import org.storelink.model.Region;

/**
 * The demo's stores, drawn from a seed: three regions of their own, area profiles in fixed shares, sizes, places,
 * assortments drawn from the area's preferences and the region's taste, and shelf prices varied by region (within
 * +-15% of the base price) and a little by store. The same seed, store count and catalogue give the same network.
 */
final class DemoNetwork {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<AreaProfile> AREAS =
            List.of(AreaProfile.STUDENT, AreaProfile.OFFICE, AreaProfile.RESIDENTIAL, AreaProfile.TRANSIT);
    /** A typical city mix of corner shops: mostly residential, then offices, then campuses and stations. */
    static final double[] AREA_SHARES = {0.15, 0.25, 0.45, 0.15};
    static final double REGIONAL_PRICE_SPREAD = 0.15;
    static final int MIN_ASSORTMENT = 40;
    static final int MAX_ASSORTMENT = 70;

    record City(String name, double latitude, double longitude) {
    }

    record DemoRegion(String id, String name, List<City> cities) {
    }

    static final List<DemoRegion> REGIONS = List.of(
            new DemoRegion("demo-east", "Demo East China", List.of(new City("Shanghai", 31.2304, 121.4737),
                    new City("Hangzhou", 30.2741, 120.1551), new City("Nanjing", 32.0603, 118.7969),
                    new City("Suzhou", 31.2990, 120.5853))),
            new DemoRegion("demo-south", "Demo South China", List.of(new City("Guangzhou", 23.1291, 113.2644),
                    new City("Shenzhen", 22.5431, 114.0579), new City("Xiamen", 24.4798, 118.0894),
                    new City("Foshan", 23.0215, 113.1214))),
            new DemoRegion("demo-west", "Demo West China", List.of(new City("Chengdu", 30.5728, 104.0668),
                    new City("Chongqing", 29.5630, 106.5516), new City("Kunming", 24.8801, 102.8329),
                    new City("Xi'an", 34.3416, 108.9398))));

    private final long seed;
    private final Catalogue catalogue;
    private final List<DemoStore> stores;

    private DemoNetwork(long seed, Catalogue catalogue, List<DemoStore> stores) {
        this.seed = seed;
        this.catalogue = catalogue;
        this.stores = stores;
    }

    static DemoNetwork generate(long seed, int storeCount, Catalogue catalogue) {
        if (storeCount < 1) {
            throw new IllegalArgumentException("stores must be at least 1, was " + storeCount);
        }
        Random random = new Random(seed);
        List<DemoProduct> products = catalogue.products();
        int n = products.size();
        double[] popularity = new double[n];
        double[][] areaTaste = new double[AREAS.size()][n];
        double[][] regionalTaste = new double[REGIONS.size()][n];
        double[][] regionalPrice = new double[REGIONS.size()][n];
        for (int p = 0; p < n; p++) {
            popularity[p] = Math.exp(0.8 * random.nextGaussian());
            for (double[] taste : areaTaste) {
                taste[p] = Math.exp(0.3 * random.nextGaussian());
            }
            for (int r = 0; r < REGIONS.size(); r++) {
                regionalTaste[r][p] = Math.exp(0.35 * random.nextGaussian());
                regionalPrice[r][p] = 1 + REGIONAL_PRICE_SPREAD * (2 * random.nextDouble() - 1);
            }
        }
        List<DemoStore> stores = new ArrayList<>();
        for (int r = 0; r < REGIONS.size(); r++) {
            DemoRegion region = REGIONS.get(r);
            int count = storeCount / REGIONS.size() + (r < storeCount % REGIONS.size() ? 1 : 0);
            List<AreaProfile> areas = quota(count);
            Collections.shuffle(areas, random);
            for (int i = 0; i < count; i++) {
                AreaProfile area = areas.get(i);
                int a = AREAS.indexOf(area);
                City city = region.cities().get(random.nextInt(region.cities().size()));
                Coordinates at = new Coordinates(round4(city.latitude() + 0.05 * random.nextGaussian()),
                        round4(city.longitude() + 0.05 * random.nextGaussian()));
                // lognormal with mean 1, so that sales.per.store.day is the network's mean
                double size = Math.exp(0.35 * random.nextGaussian() - 0.35 * 0.35 / 2);
                double priceLevel = Math.exp(0.03 * random.nextGaussian());
                int assortment = Math.min(n, MIN_ASSORTMENT + random.nextInt(MAX_ASSORTMENT - MIN_ASSORTMENT + 1));
                double[] weight = new double[n];
                Integer[] order = new Integer[n];
                double[] key = new double[n];
                for (int p = 0; p < n; p++) {
                    weight[p] = popularity[p] * products.get(p).kind().affinity(area) * areaTaste[a][p]
                            * regionalTaste[r][p] * Math.exp(0.3 * random.nextGaussian());
                    // Efraimidis-Spirakis: the largest log(u)/w are a weighted sample without replacement
                    key[p] = Math.log(random.nextDouble()) / weight[p];
                    order[p] = p;
                }
                Arrays.sort(order, Comparator.comparingDouble((Integer p) -> key[p]).reversed()
                        .thenComparing(Function.identity()));
                int[] carried = new int[assortment];
                double[] cumulative = new double[assortment];
                long[] prices = new long[assortment];
                double total = 0;
                for (int j = 0; j < assortment; j++) {
                    int p = order[j];
                    carried[j] = p;
                    total += weight[p];
                    cumulative[j] = total;
                    prices[j] = roundPrice(products.get(p).basePrice() * regionalPrice[r][p] * priceLevel);
                }
                for (int j = 0; j < assortment; j++) {
                    cumulative[j] /= total;
                }
                cumulative[assortment - 1] = 1.0;
                String id = String.format(Locale.ROOT, "%s-%04d", region.id(), i + 1);
                String name = String.format(Locale.ROOT, "%s %s %d", city.name(), shopName(area), i + 1);
                int tills = area == AreaProfile.OFFICE || area == AreaProfile.TRANSIT ? 2 : 1;
                stores.add(new DemoStore(id, name, region.id(), city.name(), area, ZONE, at, size, tills, carried,
                        cumulative, prices));
            }
        }
        return new DemoNetwork(seed, catalogue, List.copyOf(stores));
    }

    /** The area profiles of {@code count} stores in {@link #AREA_SHARES}, by largest remainder. */
    static List<AreaProfile> quota(int count) {
        int[] seats = new int[AREAS.size()];
        double[] remainder = new double[AREAS.size()];
        int given = 0;
        for (int a = 0; a < seats.length; a++) {
            double exact = AREA_SHARES[a] * count;
            seats[a] = (int) Math.floor(exact);
            remainder[a] = exact - seats[a];
            given += seats[a];
        }
        while (given < count) {
            int best = 0;
            for (int a = 1; a < seats.length; a++) {
                if (remainder[a] > remainder[best]) {
                    best = a;
                }
            }
            seats[best]++;
            remainder[best] = -1;
            given++;
        }
        List<AreaProfile> areas = new ArrayList<>();
        for (int a = 0; a < seats.length; a++) {
            areas.addAll(Collections.nCopies(seats[a], AREAS.get(a)));
        }
        return areas;
    }

    private static String shopName(AreaProfile area) {
        return switch (area) {
            case STUDENT -> "Campus Corner";
            case OFFICE -> "Office Tower Mart";
            case TRANSIT -> "Station Kiosk";
            default -> "Neighbourhood Store";
        };
    }

    /** Shelf prices are whole jiao (10 fen). */
    static long roundPrice(double fen) {
        return Math.max(10, Math.round(fen / 10) * 10);
    }

    private static double round4(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    long seed() {
        return seed;
    }

    Catalogue catalogue() {
        return catalogue;
    }

    List<DemoStore> stores() {
        return stores;
    }

    List<Region> regions() {
        return REGIONS.stream().map(region -> new Region(region.id(), region.name())).toList();
    }

    /**
     * The stores fragment ({@code etc/storelink-stores.d/demo-network.json}) in the stores file's form. Field order
     * and number formats are fixed, so the same network and secrets always give the same bytes.
     */
    ObjectNode fragment(Function<String, String> secrets) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("_comment", "The storelink demo network (seed " + seed + ", " + stores.size() + " stores),"
                + " written by the storelink-demo bundle at each start: do not edit, configure org.storelink.demo"
                + " instead. The secrets are derived from this installation's data/storelink/demo.key.");
        ArrayNode regionNodes = root.putArray("regions");
        for (Region region : regions()) {
            regionNodes.addObject().put("id", region.id()).put("name", region.name());
        }
        ArrayNode storeNodes = root.putArray("stores");
        for (DemoStore store : stores) {
            storeNodes.addObject()
                    .put("id", store.id())
                    .put("name", store.name())
                    .put("region", store.region())
                    .put("area", store.area().label())
                    .put("zone", store.zone().getId())
                    .put("secret", secrets.apply(store.id()))
                    .put("latitude", BigDecimal.valueOf(store.coordinates().latitude()))
                    .put("longitude", BigDecimal.valueOf(store.coordinates().longitude()));
        }
        return root;
    }
}
