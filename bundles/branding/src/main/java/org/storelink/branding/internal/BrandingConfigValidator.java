package org.storelink.branding.internal;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a branding configuration as it is written (strings from a {@code .cfg} file, or typed values from
 * ConfigAdmin), naming the key of every problem, and loads the pack it points at, whose problems count as the
 * configuration's. The component refuses to activate on any; {@code region-list} shows the same problems. Defaults
 * come from {@link BrandingConfig} itself, so they are written once.
 */
public final class BrandingConfigValidator {
    public static final String FACTORY_PID = "org.storelink.branding";

    static final double MIN_LABEL_WIDTH = 40;
    static final double MIN_LABEL_HEIGHT = 30;
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d{1,3}(?:\\.\\d{1,2})?)\\s*[xX×]\\s*(\\d{1,3}(?:\\.\\d{1,2})?)\\s*");
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The result: every problem, or the settings when there are none. */
    public record Checked(List<String> problems, Optional<BrandingSettings> settings, Optional<Pack> pack) {
    }

    private BrandingConfigValidator() {
    }

    /**
     * @param regions the regions of the store registry
     * @param pid the configuration's PID, {@code org.storelink.branding~<region>} for a named one; may be null
     * @param karafEtc Karaf's {@code etc} folder, where {@code branding/<region>} is looked for; may be null
     */
    public static Checked check(Map<String, ?> properties, Collection<String> regions, String pid, Path karafEtc) {
        return check(properties, regions, pid, karafEtc, true);
    }

    /**
     * As {@link #check(Map, Collection, String, Path)}; with {@code requireKnownRegion} false a region the store
     * registry does not hold (yet) is no problem, as a running module's configuration may arrive before its stores.
     */
    public static Checked check(Map<String, ?> properties, Collection<String> regions, String pid, Path karafEtc,
            boolean requireKnownRegion) {
        List<String> problems = new ArrayList<>();
        Object region = properties.get("region");
        String regionId = region == null ? "" : String.valueOf(region).trim();
        if (regionId.isEmpty()) {
            problems.add("region: is required");
        } else if (requireKnownRegion && !regions.contains(regionId)) {
            problems.add("region: \"" + regionId + "\" is not a region of the store registry (known: "
                    + (regions.isEmpty() ? "none" : String.join(", ", regions.stream().sorted().toList())) + ")");
        }
        Optional<String> name = configurationName(pid);
        if (!regionId.isEmpty() && name.isPresent() && !name.get().equals(regionId)) {
            problems.add("region: \"" + regionId + "\" does not match the configuration's name \"" + name.get()
                    + "\" (" + FACTORY_PID + "-" + name.get() + ".cfg)");
        }

        Optional<Path> packDir = packDir(properties.get("pack.dir"), regionId, karafEtc, problems);

        BigDecimal minShare = share(properties.get("min.sourcing.share"), "min.sourcing.share",
                BigDecimal.valueOf(((Number) defaultValue("min_sourcing_share")).doubleValue()), problems);

        Map<String, BigDecimal> shares = shares(properties.get("sourcing.shares"), problems);

        Object rawSize = properties.get("label.size.mm");
        String size = rawSize == null ? (String) defaultValue("label_size_mm") : String.valueOf(rawSize);
        double[] label = labelSize(size, problems);

        Object rawFormat = properties.get("currency.display");
        PriceFormat format = null;
        try {
            format = PriceFormat.parse(rawFormat == null ? (String) defaultValue("currency_display")
                    : String.valueOf(rawFormat));
        } catch (IllegalArgumentException e) {
            problems.add("currency.display: " + e.getMessage());
        }

        Optional<Pack> pack = Optional.empty();
        if (packDir != null) {
            PackSource source = packDir.map(PackSource::folder)
                    .orElseGet(() -> PackSource.builtIn(PackLoader.DEFAULT_PACK));
            try {
                pack = Optional.of(PackLoader.load(source));
            } catch (InvalidPackException e) {
                String key = properties.get("pack.dir") == null || String.valueOf(properties.get("pack.dir")).isBlank()
                        ? "pack" : "pack.dir";
                e.problems().forEach(problem -> problems.add(key + ": " + e.origin() + ": " + problem));
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(List.copyOf(problems), Optional.empty(), Optional.empty());
        }
        return new Checked(List.of(), Optional.of(new BrandingSettings(regionId, pid, packDir, minShare, shares,
                label[0], label[1], format)), pack);
    }

    public static List<String> problems(Map<String, ?> properties, Collection<String> regions, String pid,
                                        Path karafEtc) {
        return check(properties, regions, pid, karafEtc).problems();
    }

    /** The name of a named factory configuration ({@code east} of {@code org.storelink.branding~east}). */
    static Optional<String> configurationName(String pid) {
        if (pid == null || !pid.startsWith(FACTORY_PID + "~")) {
            return Optional.empty();
        }
        return Optional.of(pid.substring(FACTORY_PID.length() + 1));
    }

    /** Empty for the built-in pack; null when {@code pack.dir} is wrong (a problem was added). */
    private static Optional<Path> packDir(Object raw, String region, Path karafEtc, List<String> problems) {
        String value = raw == null ? "" : String.valueOf(raw).trim();
        if (value.isEmpty()) {
            if (karafEtc != null && !region.isEmpty()) {
                Path regional = karafEtc.resolve("branding").resolve(region);
                if (Files.isDirectory(regional)) {
                    return Optional.of(regional);
                }
            }
            return Optional.empty();
        }
        try {
            Path dir = Path.of(value);
            if (!dir.isAbsolute() && karafEtc != null && karafEtc.getParent() != null) {
                // relative to Karaf's home, as etc/ and data/ are
                dir = karafEtc.getParent().resolve(dir);
            }
            if (!Files.isDirectory(dir)) {
                problems.add("pack.dir: \"" + value + "\" is not a folder (" + dir.toAbsolutePath().normalize() + ")");
                return null;
            }
            return Optional.of(dir);
        } catch (InvalidPathException e) {
            problems.add("pack.dir: \"" + value + "\" is not a path: " + e.getReason());
            return null;
        }
    }

    private static BigDecimal share(Object raw, String key, BigDecimal fallback, List<String> problems) {
        if (raw == null || String.valueOf(raw).isBlank()) {
            return fallback;
        }
        BigDecimal value;
        try {
            // a double from ConfigAdmin is read through its shortest decimal form: 0.35, not 0.34999...
            value = raw instanceof Double || raw instanceof Float ? new BigDecimal(String.valueOf(raw))
                    : new BigDecimal(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
            problems.add(key + ": \"" + raw + "\" is not a number");
            return null;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            problems.add(key + ": " + value.toPlainString() + " is not between 0 and 1");
            return null;
        }
        return value.stripTrailingZeros();
    }

    private static Map<String, BigDecimal> shares(Object raw, List<String> problems) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        if (raw == null) {
            return shares;
        }
        List<String> entries = new ArrayList<>();
        // a .cfg file may hold the list as one comma-separated value
        for (String value : strings(raw)) {
            if (value != null) {
                entries.addAll(List.of(value.split(",")));
            }
        }
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 0) {
                problems.add("sourcing.shares: \"" + entry.trim() + "\" is not storeId=share");
                continue;
            }
            String store = entry.substring(0, equals).trim();
            if (!STORE_ID.matcher(store).matches()) {
                problems.add("sourcing.shares: \"" + store + "\" is not a store id");
                continue;
            }
            BigDecimal share = share(entry.substring(equals + 1).trim(), "sourcing.shares: " + store, null, problems);
            if (share != null) {
                if (shares.put(store, share) != null) {
                    problems.add("sourcing.shares: " + store + " is listed twice");
                }
            }
        }
        return shares;
    }

    private static double[] labelSize(String size, List<String> problems) {
        Matcher matcher = SIZE.matcher(size);
        if (!matcher.matches()) {
            problems.add("label.size.mm: \"" + size + "\" is not WIDTHxHEIGHT in mm, such as 60x40");
            return new double[] {0, 0};
        }
        double width = Double.parseDouble(matcher.group(1));
        double height = Double.parseDouble(matcher.group(2));
        if (width < MIN_LABEL_WIDTH || height < MIN_LABEL_HEIGHT) {
            problems.add("label.size.mm: " + size.trim() + " is smaller than " + (int) MIN_LABEL_WIDTH + "x"
                    + (int) MIN_LABEL_HEIGHT + ", too small for a scannable EAN-13");
        } else if (width > A4Grid.USABLE_WIDTH || height > A4Grid.USABLE_HEIGHT) {
            problems.add("label.size.mm: " + size.trim() + " does not fit on an A4 page within its margins ("
                    + (int) A4Grid.USABLE_WIDTH + "x" + (int) A4Grid.USABLE_HEIGHT + " at most)");
        }
        return new double[] {width, height};
    }

    private static String[] strings(Object value) {
        if (value instanceof String[] array) {
            return array;
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toArray(String[]::new);
        }
        if (value instanceof Object[] array) {
            String[] strings = new String[array.length];
            for (int i = 0; i < array.length; i++) {
                strings[i] = String.valueOf(array[i]);
            }
            return strings;
        }
        return new String[] {String.valueOf(value)};
    }

    private static Object defaultValue(String method) {
        try {
            Method accessor = BrandingConfig.class.getMethod(method);
            return accessor.getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("BrandingConfig has no " + method + "()", e);
        }
    }
}
