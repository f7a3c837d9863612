package org.storelink.demo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.storelink.model.Gtin;

/**
 * The demo's products: the 169 labels of the Groceries item list ({@code groceries_items.csv}: index, labels,
 * level2, level1) when that file is given, else the built-in {@code catalogue.csv}. Every product gets an EAN-13 in
 * the GS1 China range (690-699) derived from its label, so the same label always has the same GTIN.
 *
 * @param source where the labels came from, for the log
 */
record Catalogue(List<DemoProduct> products, String source) {
    static final String BUILT_IN = "catalogue.csv";

    /** Groceries categories (level2) by the kind of demand they meet; labels in {@link #GROCERIES_LABELS} win. */
    private static final Map<String, ProductKind> GROCERIES_LEVEL2 = Map.ofEntries(
            Map.entry("baby food", ProductKind.PANTRY), Map.entry("bags", ProductKind.HOUSEHOLD),
            Map.entry("bakery improver", ProductKind.PANTRY), Map.entry("bathroom cleaner", ProductKind.HOUSEHOLD),
            Map.entry("beef", ProductKind.MEAT_FISH), Map.entry("beer", ProductKind.ALCOHOL),
            Map.entry("bread and backed goods", ProductKind.BAKERY), Map.entry("candy", ProductKind.SNACKS),
            Map.entry("canned fish", ProductKind.PANTRY), Map.entry("canned fruit/vegetables", ProductKind.PANTRY),
            Map.entry("cheese", ProductKind.DAIRY), Map.entry("chewing gum", ProductKind.SNACKS),
            Map.entry("chocolate", ProductKind.SNACKS), Map.entry("cleaner", ProductKind.HOUSEHOLD),
            Map.entry("coffee", ProductKind.COFFEE_TEA), Map.entry("condiments", ProductKind.PANTRY),
            Map.entry("cosmetics", ProductKind.PERSONAL_CARE), Map.entry("dairy produce", ProductKind.DAIRY),
            Map.entry("delicatessen", ProductKind.READY_MEALS), Map.entry("dental care", ProductKind.PERSONAL_CARE),
            Map.entry("detergent/softener", ProductKind.HOUSEHOLD), Map.entry("eggs", ProductKind.DAIRY),
            Map.entry("fish", ProductKind.MEAT_FISH), Map.entry("frozen foods", ProductKind.FROZEN),
            Map.entry("fruit", ProductKind.FRESH_PRODUCE), Map.entry("games/books/hobby", ProductKind.TRAVEL),
            Map.entry("garden", ProductKind.HOUSEHOLD), Map.entry("hair care", ProductKind.PERSONAL_CARE),
            Map.entry("hard drinks", ProductKind.ALCOHOL), Map.entry("health food", ProductKind.PANTRY),
            Map.entry("jam/sweet spreads", ProductKind.PANTRY), Map.entry("long-life bakery products",
                    ProductKind.SNACKS),
            Map.entry("meat spreads", ProductKind.PANTRY), Map.entry("non-alc. drinks", ProductKind.DRINKS),
            Map.entry("non-food house keeping products", ProductKind.HOUSEHOLD),
            Map.entry("non-food kitchen", ProductKind.HOUSEHOLD),
            Map.entry("packaged fruit/vegetables", ProductKind.FRESH_PRODUCE),
            Map.entry("perfumery", ProductKind.PERSONAL_CARE), Map.entry("personal hygiene",
                    ProductKind.PERSONAL_CARE),
            Map.entry("pet food/care", ProductKind.HOUSEHOLD), Map.entry("pork", ProductKind.MEAT_FISH),
            Map.entry("poultry", ProductKind.MEAT_FISH), Map.entry("pudding powder", ProductKind.PANTRY),
            Map.entry("sausage", ProductKind.MEAT_FISH), Map.entry("seasonal products", ProductKind.SNACKS),
            Map.entry("shelf-stable dairy", ProductKind.DAIRY), Map.entry("snacks", ProductKind.SNACKS),
            Map.entry("soap", ProductKind.PERSONAL_CARE), Map.entry("soups/sauces", ProductKind.PANTRY),
            Map.entry("staple foods", ProductKind.PANTRY), Map.entry("sweetener", ProductKind.PANTRY),
            Map.entry("tea/cocoa drinks", ProductKind.COFFEE_TEA), Map.entry("vegetables", ProductKind.FRESH_PRODUCE),
            Map.entry("vinegar/oils", ProductKind.PANTRY), Map.entry("wine", ProductKind.ALCOHOL));

    /** Labels whose demand differs from their category's. */
    private static final Map<String, ProductKind> GROCERIES_LABELS = Map.ofEntries(
            Map.entry("Instant food products", ProductKind.INSTANT_NOODLES),
            Map.entry("ready soups", ProductKind.INSTANT_NOODLES),
            Map.entry("misc. beverages", ProductKind.ENERGY_DRINKS),
            Map.entry("frozen meals", ProductKind.READY_MEALS),
            Map.entry("finished products", ProductKind.READY_MEALS),
            Map.entry("salty snack", ProductKind.SNACKS),
            Map.entry("newspapers", ProductKind.TRAVEL),
            Map.entry("ice cream", ProductKind.SNACKS));

    /** Packs by Groceries label where the kind's default would read oddly; the rest take the kind's. */
    private static final Map<String, String> GROCERIES_PACKS = Map.ofEntries(
            Map.entry("whole milk", "1 l"), Map.entry("UHT-milk", "1 l"), Map.entry("butter milk", "500 ml"),
            Map.entry("yogurt", "4 x 100 g"), Map.entry("domestic eggs", "10 pieces"), Map.entry("butter", "250 g"),
            Map.entry("bottled water", "1.5 l"), Map.entry("soda", "330 ml"), Map.entry("canned beer", "500 ml"),
            Map.entry("bottled beer", "600 ml"), Map.entry("coffee", "250 g"), Map.entry("instant coffee", "100 g"),
            Map.entry("tea", "25 bags"), Map.entry("newspapers", "1 piece"), Map.entry("rice", "5 kg"),
            Map.entry("flour", "1 kg"), Map.entry("sugar", "1 kg"), Map.entry("oil", "1.8 l"),
            Map.entry("pasta", "500 g"), Map.entry("shopping bags", "1 piece"), Map.entry("napkins", "3 packs"),
            Map.entry("chocolate", "100 g"), Map.entry("ice cream", "1 piece"), Map.entry("curd", "250 g"),
            Map.entry("dessert", "1 cup"), Map.entry("whipped/sour cream", "200 ml"), Map.entry("cream", "200 ml"),
            Map.entry("condensed milk", "400 g"));

    /** Packs by Groceries category (level2) where the kind's default would read oddly. */
    private static final Map<String, String> GROCERIES_CATEGORY_PACKS = Map.of(
            "cheese", "200 g", "canned fish", "1 can", "canned fruit/vegetables", "1 can", "sausage", "per kg",
            "soups/sauces", "1 pack", "wine", "750 ml", "hard drinks", "500 ml");

    /**
     * The Groceries labels when {@code file} is given and readable, else the built-in catalogue. An unreadable or
     * empty file falls back with the reason in {@code source}.
     */
    static Catalogue load(Path file) {
        if (file != null) {
            if (!Files.isReadable(file)) {
                return builtIn("built-in (" + file + " is not readable)");
            }
            try {
                List<DemoProduct> products = groceries(Files.readAllLines(file, StandardCharsets.UTF_8));
                if (!products.isEmpty()) {
                    return new Catalogue(products, file.toString());
                }
                return builtIn("built-in (" + file + " has no labels)");
            } catch (IOException | RuntimeException e) {
                return builtIn("built-in (" + file + " cannot be read: " + e.getMessage() + ")");
            }
        }
        return builtIn("built-in");
    }

    static Catalogue builtIn(String source) {
        try (InputStream in = Catalogue.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the bundle resource " + BUILT_IN + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<DemoProduct> products = new ArrayList<>();
            Set<Gtin> taken = new HashSet<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("kind,")) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                ProductKind kind = ProductKind.valueOf(fields[0]);
                String name = fields[1] + " " + fields[2];
                products.add(new DemoProduct(gtin(name, taken), name, kind.label(), kind, fields[2],
                        Long.parseLong(fields[3])));
            }
            return new Catalogue(List.copyOf(products), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Products from the Groceries item list: a header naming {@code labels} and {@code level2}, fields quoted and
     * split on commas (no label holds one). Labels keep their spelling for the GTIN; the shelf name is trimmed.
     */
    static List<DemoProduct> groceries(List<String> lines) {
        List<DemoProduct> products = new ArrayList<>();
        if (lines.isEmpty()) {
            return products;
        }
        List<String> header = new ArrayList<>();
        for (String column : lines.get(0).split(",", -1)) {
            header.add(unquote(column).trim().toLowerCase(Locale.ROOT));
        }
        int labelColumn = header.indexOf("labels");
        int categoryColumn = header.indexOf("level2");
        if (labelColumn < 0 || categoryColumn < 0) {
            throw new IllegalArgumentException("the header must name the columns labels and level2");
        }
        Set<Gtin> taken = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            if (fields.length <= Math.max(labelColumn, categoryColumn) || fields[labelColumn].isBlank()) {
                continue;
            }
            String label = unquote(fields[labelColumn]);
            String category = unquote(fields[categoryColumn]).trim();
            String shelf = label.trim();
            ProductKind kind = GROCERIES_LABELS.getOrDefault(shelf,
                    GROCERIES_LEVEL2.getOrDefault(category, ProductKind.PANTRY));
            String pack = GROCERIES_PACKS.getOrDefault(shelf,
                    GROCERIES_CATEGORY_PACKS.getOrDefault(category, kind.pack()));
            long price = price(kind, label);
            products.add(new DemoProduct(gtin(label, taken), shelf + " " + pack, category, kind, pack, price));
        }
        return List.copyOf(products);
    }

    /** A price within the kind's range, from the label: cheap goods are common, so the spread leans low. */
    private static long price(ProductKind kind, String label) {
        double u = (Long.remainderUnsigned(digest(label + "/price"), 1_000_000)) / 1_000_000.0;
        double fen = kind.minPrice() + (kind.maxPrice() - kind.minPrice()) * u * u;
        return Math.max(10, Math.round(fen / 10) * 10 - (u < 0.5 ? 10 : 0));
    }

    /**
     * An EAN-13 in the GS1 China range 690-699, from the label's SHA-256: "69", one digit, nine digits, the check
     * digit. A label whose number is taken (never seen for these lists) takes the next digest.
     */
    static Gtin gtin(String label, Set<Gtin> taken) {
        for (int attempt = 0; ; attempt++) {
            long bits = digest(attempt == 0 ? label : label + "#" + attempt);
            String digits = "69" + String.format(Locale.ROOT, "%010d", Long.remainderUnsigned(bits, 10_000_000_000L));
            Gtin gtin = Gtin.parse(digits + Gtin.checkDigit(digits));
            if (taken.add(gtin)) {
                return gtin;
            }
        }
    }

    private static long digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                bits = (bits << 8) | (hash[i] & 0xff);
            }
            return bits;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String unquote(String field) {
        return field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
                ? field.substring(1, field.length() - 1) : field;
    }
}
