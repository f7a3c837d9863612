package org.storelink.benchmarks.recommend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.storelink.recommend.Elasticity;
import org.storelink.recommend.internal.AssortmentRanker;
import org.storelink.recommend.internal.ElasticityFit;
import org.storelink.recommend.internal.StoreMix;

/**
 * Offline evaluation of the recommend module's assortment ranking, with the bundle's own classes, on a synthetic
 * but deterministic (seeded) demo network: stores in regions with area profiles, a catalogue in categories with
 * area-specific and regional preferences, store assortments drawn from those preferences, and four weeks of
 * Poisson weekly sales.
 *
 * <p>Protocol: 20% of every store's assortment is hidden at once; each store's top-10 recommendations, computed from
 * what remains in its own and the other stores' sales, are scored against its hidden products with recall@10 and
 * NDCG@10 (binary relevance), averaged over stores. Baselines: the region's (and the network's) best sellers that
 * the store lacks. A second part checks that the elasticity fit recovers known elasticities from store-week sales at
 * regionally varied prices.
 *
 * <pre>java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' org.storelink.benchmarks.recommend.OfflineEvaluation
 *     [--seed N] [--stores 300] [--holdout 0.2] [--catalogue path/to/groceries_items.csv]</pre>
 */
public final class OfflineEvaluation {
    static final String[] AREAS = {"student", "office", "residential", "transit"};
    static final double[] AREA_SHARE = {0.2, 0.25, 0.35, 0.2};
    static final String[] REGIONS = {"east", "north", "south"};
    static final double[] REGION_PRICE = {1.10, 0.95, 1.00};
    static final int WEEKS = 4;
    static final int K = 10;

    record Product(String gtin, String name, String category, double popularity, double[] areaAffinity,
            long basePrice, double elasticity) {
    }

    record Store(String id, String region, int regionIndex, String area, int areaIndex, double size,
            Map<String, Double> weeklyUnits, Map<String, Long> prices) {
    }

    private OfflineEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        long seed = 20261126L;
        int storeCount = 300;
        double holdout = 0.2;
        Path catalogue = Path.of("../shared/data/groceries/groceries_items.csv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--stores" -> storeCount = Integer.parseInt(args[++i]);
                case "--holdout" -> holdout = Double.parseDouble(args[++i]);
                case "--catalogue" -> catalogue = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --seed N --stores N --holdout F --catalogue FILE");
            }
        }
        Random random = new Random(seed);
        List<String[]> labels = Catalogue.load(catalogue);
        List<Product> products = products(labels, random);
        List<Store> stores = stores(storeCount, products, random);
        Map<String, Product> byGtin = new HashMap<>();
        products.forEach(p -> byGtin.put(p.gtin(), p));

        System.out.printf(Locale.ROOT, "recommend-eval: seed=%d stores=%d regions=%d products=%d categories=%d"
                        + " catalogue=%s holdout=%.0f%% k=%d weeks=%d%n", seed, stores.size(), REGIONS.length,
                products.size(), products.stream().map(Product::category).distinct().count(), Catalogue.source,
                holdout * 100, K, WEEKS);
        System.out.printf(Locale.ROOT, "recommend-eval: mean assortment %.1f products per store%n",
                stores.stream().mapToInt(s -> s.weeklyUnits().size()).average().orElse(0));

        // hide 20% of every store's assortment at once
        Map<String, StoreMix> training = new HashMap<>();
        Map<String, Set<String>> hidden = new HashMap<>();
        for (Store store : stores) {
            List<String> carried = new ArrayList<>(store.weeklyUnits().keySet());
            Collections.sort(carried);
            Collections.shuffle(carried, random);
            int hide = (int) Math.round(carried.size() * holdout);
            Set<String> held = new HashSet<>(carried.subList(0, hide));
            Map<String, Double> kept = new HashMap<>(store.weeklyUnits());
            kept.keySet().removeAll(held);
            hidden.put(store.id(), held);
            training.put(store.id(), new StoreMix(store.id(), store.area(), kept));
        }

        Map<String, Evaluation> results = new LinkedHashMap<>();
        AssortmentRanker bundle = new AssortmentRanker(20, 3);
        AssortmentRanker meanAmongCarriers = new AssortmentRanker(20, 3, AssortmentRanker.Ranking.MEAN_AMONG_CARRIERS);
        results.put("similar stores (bundle: neighbours=20, min.stores=3)", new Evaluation());
        results.put("similar stores, ranked by mean among carriers", new Evaluation());
        results.put("baseline: best sellers of the region the store lacks", new Evaluation());
        results.put("baseline: best sellers of the network the store lacks", new Evaluation());
        List<Evaluation> evaluations = new ArrayList<>(results.values());

        Map<String, Map<String, Double>> regionTotals = new HashMap<>();
        Map<String, Double> networkTotals = new HashMap<>();
        for (Store store : stores) {
            training.get(store.id()).weeklyUnits().forEach((gtin, units) -> {
                regionTotals.computeIfAbsent(store.region(), r -> new HashMap<>()).merge(gtin, units, Double::sum);
                networkTotals.merge(gtin, units, Double::sum);
            });
        }
        for (Store store : stores) {
            StoreMix target = training.get(store.id());
            List<StoreMix> region = stores.stream().filter(s -> s.region().equals(store.region()))
                    .map(s -> training.get(s.id())).toList();
            Set<String> relevant = hidden.get(store.id());
            evaluations.get(0).add(bundle.rank(target, region, K).stream().map(AssortmentRanker.Candidate::gtin)
                    .toList(), relevant);
            evaluations.get(1).add(meanAmongCarriers.rank(target, region, K).stream()
                    .map(AssortmentRanker.Candidate::gtin).toList(), relevant);
            evaluations.get(2).add(popular(regionTotals.get(store.region()), target), relevant);
            evaluations.get(3).add(popular(networkTotals, target), relevant);
        }
        System.out.printf(Locale.ROOT, "%-56s %10s %10s %8s%n", "model", "recall@10", "ndcg@10", "stores");
        results.forEach((name, evaluation) -> System.out.printf(Locale.ROOT, "%-56s %10.4f %10.4f %8d%n", name,
                evaluation.recall(), evaluation.ndcg(), evaluation.count));
        Evaluation ours = evaluations.get(0);
        Evaluation baseline = evaluations.get(2);
        System.out.printf(Locale.ROOT, "recommend-eval: recall@10 %.4f vs %.4f (x%.2f), ndcg@10 %.4f vs %.4f (x%.2f)"
                        + " against the regional popularity baseline%n", ours.recall(), baseline.recall(),
                ours.recall() / baseline.recall(), ours.ndcg(), baseline.ndcg(), ours.ndcg() / baseline.ndcg());

        elasticity(stores, products, random);
    }

    /** The region's (or network's) best sellers the store does not carry in its training data. */
    static List<String> popular(Map<String, Double> totals, StoreMix target) {
        return totals.entrySet().stream().filter(e -> !target.carries(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(K).map(Map.Entry::getKey).toList();
    }

    static final class Evaluation {
        double recall;
        double ndcg;
        int count;

        void add(List<String> ranked, Set<String> relevant) {
            if (relevant.isEmpty()) {
                return;
            }
            int hits = 0;
            double dcg = 0;
            for (int i = 0; i < Math.min(K, ranked.size()); i++) {
                if (relevant.contains(ranked.get(i))) {
                    hits++;
                    dcg += 1 / log2(i + 2);
                }
            }
            double ideal = 0;
            for (int i = 0; i < Math.min(K, relevant.size()); i++) {
                ideal += 1 / log2(i + 2);
            }
            recall += (double) hits / relevant.size();
            ndcg += dcg / ideal;
            count++;
        }

        double recall() {
            return recall / count;
        }

        double ndcg() {
            return ndcg / count;
        }

        private static double log2(double x) {
            return Math.log(x) / Math.log(2);
        }
    }

    /** Products from the catalogue labels: popularity long-tailed, area preference by category and product. */
    static List<Product> products(List<String[]> labels, Random random) {
        Map<String, double[]> categoryAffinity = new HashMap<>();
        Map<String, Double> categoryElasticity = new HashMap<>();
        List<Product> products = new ArrayList<>();
        int index = 0;
        for (String[] label : labels) {
            String category = label[1];
            double[] byCategory = categoryAffinity.computeIfAbsent(category, c -> {
                double[] affinity = new double[AREAS.length];
                for (int a = 0; a < AREAS.length; a++) {
                    affinity[a] = Math.exp(0.8 * random.nextGaussian());
                }
                return affinity;
            });
            double elasticity = categoryElasticity.computeIfAbsent(category, c -> -0.6 - 2.0 * random.nextDouble());
            double[] affinity = new double[AREAS.length];
            for (int a = 0; a < AREAS.length; a++) {
                affinity[a] = byCategory[a] * Math.exp(0.4 * random.nextGaussian());
            }
            double popularity = Math.exp(1.0 * random.nextGaussian());
            long basePrice = 10L * Math.round((150 + 1200 * Math.pow(random.nextDouble(), 2)) / 10);
            products.add(new Product(gtin(++index), label[0], category, popularity, affinity, basePrice, elasticity));
        }
        return products;
    }

    /**
     * Stores: region, area profile, size and a taste of their own; each carries 45-80 products drawn without
     * replacement with weights popularity x area preference x regional taste x store taste (Efraimidis-Spirakis
     * keys), and sells Poisson units per week, with a constant-elasticity response to its own price.
     */
    static List<Store> stores(int count, List<Product> products, Random random) {
        double[][] regionalTaste = new double[REGIONS.length][products.size()];
        for (double[] taste : regionalTaste) {
            for (int p = 0; p < taste.length; p++) {
                taste[p] = Math.exp(0.5 * random.nextGaussian());
            }
        }
        List<Store> stores = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int region = s % REGIONS.length;
            int area = pick(AREA_SHARE, random);
            double size = Math.exp(0.4 * random.nextGaussian());
            int assortment = 45 + random.nextInt(36);
            double priceLevel = REGION_PRICE[region] * Math.exp(0.08 * random.nextGaussian());
            List<double[]> keys = new ArrayList<>();
            double[] weight = new double[products.size()];
            for (int p = 0; p < products.size(); p++) {
                Product product = products.get(p);
                weight[p] = product.popularity() * product.areaAffinity()[area] * regionalTaste[region][p]
                        * Math.exp(0.3 * random.nextGaussian());
                keys.add(new double[] {Math.log(random.nextDouble()) / weight[p], p});
            }
            keys.sort(Comparator.comparingDouble((double[] k) -> k[0]).reversed());
            Map<String, Double> weekly = new HashMap<>();
            Map<String, Long> prices = new HashMap<>();
            for (int i = 0; i < Math.min(assortment, keys.size()); i++) {
                int p = (int) keys.get(i)[1];
                Product product = products.get(p);
                long price = 10L * Math.max(1, Math.round(product.basePrice() * priceLevel
                        * Math.exp(0.06 * random.nextGaussian()) / 10));
                double relative = (double) price / product.basePrice();
                double lambda = 4 * size * weight[p] * Math.pow(relative, product.elasticity());
                int units = 0;
                for (int week = 0; week < WEEKS; week++) {
                    units += poisson(lambda, random);
                }
                if (units > 0) { // a product that sold nothing in the horizon is not carried, as far as sales show
                    weekly.put(product.gtin(), (double) units / WEEKS);
                    prices.put(product.gtin(), price);
                }
            }
            stores.add(new Store(String.format(Locale.ROOT, "%s-%s-%03d", REGIONS[region], AREAS[area], s),
                    REGIONS[region], region, AREAS[area], area, size, weekly, prices));
        }
        return stores;
    }

    /**
     * Elasticity recovery: for the 5 best-selling products of each region, store-week sales at the stores' own
     * (regionally varied) prices are simulated with the product's true elasticity and a store size effect, and
     * fitted with the bundle's log-log least squares.
     */
    static void elasticity(List<Store> stores, List<Product> products, Random random) {
        System.out.printf(Locale.ROOT, "%-8s %-34s %6s %8s %6s %6s %5s %6s%n", "region", "product", "true", "fitted",
                "se", "R2", "n", "prices");
        int within2se = 0;
        int fits = 0;
        for (String region : REGIONS) {
            Map<String, Double> totals = new HashMap<>();
            stores.stream().filter(s -> s.region().equals(region))
                    .forEach(s -> s.weeklyUnits().forEach((g, u) -> totals.merge(g, u, Double::sum)));
            List<String> best = totals.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5).map(Map.Entry::getKey)
                    .toList();
            for (String gtin : best) {
                Product product = products.stream().filter(p -> p.gtin().equals(gtin)).findFirst().orElseThrow();
                List<ElasticityFit.Observation> observations = new ArrayList<>();
                for (Store store : stores) {
                    Long price = store.prices().get(gtin);
                    if (!store.region().equals(region) || price == null) {
                        continue;
                    }
                    for (int week = 0; week < WEEKS; week++) {
                        // a promotion week now and then moves the price within the store, too
                        long weekPrice = random.nextDouble() < 0.15 ? 10L * Math.round(price * 0.85 / 10) : price;
                        double lambda = 30 * Math.pow((double) weekPrice / product.basePrice(), product.elasticity())
                                * Math.exp(0.25 * random.nextGaussian());
                        int units = poisson(lambda, random);
                        if (units > 0) {
                            observations.add(new ElasticityFit.Observation(weekPrice, units));
                        }
                    }
                }
                ElasticityFit.fit(observations, 3).ifPresent(fit -> print(region, product, fit));
                Elasticity fit = ElasticityFit.fit(observations, 3).orElse(null);
                if (fit != null) {
                    fits++;
                    within2se += Math.abs(fit.slope() - product.elasticity()) <= 2 * fit.standardError() ? 1 : 0;
                }
            }
        }
        System.out.printf(Locale.ROOT, "recommend-eval: elasticity fits within 2 se of the true value: %d of %d%n",
                within2se, fits);
    }

    private static void print(String region, Product product, Elasticity fit) {
        String name = product.name().length() > 34 ? product.name().substring(0, 34) : product.name();
        System.out.printf(Locale.ROOT, "%-8s %-34s %6.2f %8.2f %6.2f %6.2f %5d %6d%n", region, name,
                product.elasticity(), fit.slope(), fit.standardError(), fit.rSquared(), fit.observations(),
                fit.distinctPrices());
    }

    static int pick(double[] shares, Random random) {
        double r = random.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            r -= shares[i];
            if (r < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    static int poisson(double lambda, Random random) {
        if (lambda > 50) {
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** A valid EAN-13 in the 200-299 "in-store" range, so it cannot be mistaken for a real product. */
    static String gtin(int index) {
        String digits = String.format(Locale.ROOT, "200%09d", index);
        int sum = 0;
        int weight = 3;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum += (digits.charAt(i) - '0') * weight;
            weight = 4 - weight;
        }
        return "0" + digits + (10 - sum % 10) % 10;
    }

    /** Product labels and categories: the Groceries item list when present, else a built-in list. */
    static final class Catalogue {
        static String source = "built-in";

        static List<String[]> load(Path file) throws IOException {
            if (Files.isReadable(file)) {
                List<String[]> items = fromCsv(Files.readAllLines(file, StandardCharsets.UTF_8));
                if (!items.isEmpty()) {
                    source = file.toString();
                    return items;
                }
            }
            return builtIn();
        }

        /** A header naming {@code labels} and {@code level2} (or {@code level1}); fields split on commas only. */
        static List<String[]> fromCsv(List<String> lines) {
            List<String[]> items = new ArrayList<>();
            if (lines.isEmpty()) {
                return items;
            }
            List<String> header = new ArrayList<>();
            for (String column : lines.get(0).split(",", -1)) {
                header.add(unquote(column).trim().toLowerCase(Locale.ROOT));
            }
            int label = header.contains("labels") ? header.indexOf("labels") : 0;
            int category = header.contains("level2") ? header.indexOf("level2")
                    : header.contains("level1") ? header.indexOf("level1") : -1;
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",", -1);
                if (fields.length > label && !fields[label].isBlank()) {
                    String name = unquote(fields[label]);
                    String group = category >= 0 && fields.length > category ? unquote(fields[category]) : "groceries";
                    items.add(new String[] {name, group});
                }
            }
            return items;
        }

        private static String unquote(String field) {
            return field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
                    ? field.substring(1, field.length() - 1) : field;
        }

        static List<String[]> builtIn() {
            Map<String, String> categories = new LinkedHashMap<>();
            categories.put("instant food", "instant noodles beef,instant noodles spicy,cup noodles seafood,"
                    + "instant rice,instant porridge,self-heating hotpot,instant soup,microwave dumplings,"
                    + "frozen buns,canned congee");
            categories.put("snacks", "potato chips,shrimp crackers,spicy gluten strips,sunflower seeds,"
                    + "beef jerky,seaweed snack,popcorn,biscuits,wafer bars,chocolate bar");
            categories.put("soft drinks", "cola 330ml,cola 1.5l,lemon soda,orange soda,sparkling water,"
                    + "iced tea lemon,herbal tea can,sports drink,vitamin water,coconut milk drink");
            categories.put("tea and coffee", "green tea 500ml,black tea 500ml,oolong tea,milk tea bottle,"
                    + "canned coffee,cold brew coffee,latte bottle,instant coffee sachets,tea bags,espresso pods");
            categories.put("energy", "energy drink 250ml,energy drink 500ml,caffeine shot,protein bar,"
                    + "electrolyte sachet,energy gel,glucose drink,ginseng drink,taurine drink,guarana soda");
            categories.put("dairy", "whole milk 1l,skimmed milk,yogurt plain,yogurt strawberry,drinking yogurt,"
                    + "soy milk,cheese slices,butter,fresh cream,milk powder");
            categories.put("bakery", "white toast,whole wheat bread,croissant,red bean bun,egg tart,sandwich ham,"
                    + "sandwich tuna,sponge cake,baguette,rice cake");
            categories.put("fresh produce", "bananas,apples,oranges,tomatoes,cucumbers,lettuce,potatoes,onions,"
                    + "carrots,eggs dozen");
            categories.put("household", "toilet paper,kitchen towels,dish soap,laundry detergent,trash bags,"
                    + "light bulbs,batteries AA,sponges,cling film,air freshener");
            categories.put("personal care", "toothpaste,toothbrush,shampoo,body wash,hand cream,face masks,"
                    + "razors,deodorant,tissues pocket,sanitary pads");
            categories.put("ready meals", "bento chicken rice,bento beef rice,onigiri salmon,onigiri tuna,"
                    + "fried noodles box,salad bowl,sushi set,steamed dumplings,hot dog,oden cup");
            categories.put("alcohol", "lager can,lager bottle,craft beer,rice wine,baijiu small,red wine,"
                    + "white wine,cider,highball can,plum wine");
            categories.put("travel", "umbrella,phone charger,power bank,earphones,face masks box,"
                    + "bottled water 550ml,bottled water 1.5l,chewing gum,mints,newspaper");
            categories.put("pantry", "rice 5kg,cooking oil,soy sauce,vinegar,salt,sugar,flour,dried noodles,"
                    + "canned tuna,chili sauce");
            categories.put("frozen", "ice cream cone,ice cream tub,popsicle,frozen dumplings,frozen pizza,"
                    + "frozen fries,frozen vegetables,frozen chicken wings,ice cubes,frozen fish balls");
            List<String[]> items = new ArrayList<>();
            categories.forEach((category, names) -> {
                for (String name : names.split(",")) {
                    items.add(new String[] {name, category});
                }
            });
            return items;
        }
    }
}
