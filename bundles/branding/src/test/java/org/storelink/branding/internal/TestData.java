package org.storelink.branding.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.storelink.branding.ShelfItem;
import org.storelink.branding.UnitSize;
import org.storelink.model.AreaProfile;
import org.storelink.model.Gtin;
import org.storelink.model.Money;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

final class TestData {
    static final Store CAMPUS = new Store("sh-campus-001", "Fudan Gate Corner Shop", "east", AreaProfile.STUDENT,
            ZoneId.of("Asia/Shanghai"), null);
    static final Store STATION = new Store("sh-station-002", "Hongqiao Station Kiosk", "east", AreaProfile.TRANSIT,
            ZoneId.of("Asia/Shanghai"), null);
    static final Store WEST = new Store("cd-office-001", "Chengdu Office Corner", "west", AreaProfile.OFFICE,
            ZoneId.of("Asia/Shanghai"), null);

    private TestData() {
    }

    static StoreRegistry stores() {
        List<Store> stores = List.of(WEST, CAMPUS, STATION);
        return new StoreRegistry() {
            @Override
            public Optional<Store> store(String id) {
                return stores.stream().filter(s -> s.id().equals(id)).findFirst();
            }

            @Override
            public List<Store> stores() {
                return stores;
            }

            @Override
            public List<Region> regions() {
                return List.of(new Region("east", "East China"), new Region("west", "West China"));
            }

            @Override
            public Optional<byte[]> secret(String storeId) {
                return Optional.empty();
            }
        };
    }

    static ShelfItem item(String gtin, String name, long minor, String size, String badge) {
        Optional<UnitSize> unitSize = size == null ? Optional.empty() : Optional.of(new UnitSize(
                new BigDecimal(size.split(" ")[0]), UnitSize.Unit.parse(size.split(" ")[1])));
        return new ShelfItem(Gtin.parse(gtin), name, new Money(minor, "CNY"), unitSize, Optional.ofNullable(badge));
    }

    /** A GTIN-13 with a valid check digit for the 12 digits given. */
    static String gtin13(String twelve) {
        return twelve + Gtin.checkDigit(twelve);
    }

    static BrandingSettings settings(BigDecimal minShare, Map<String, BigDecimal> shares, Path packDir) {
        return new BrandingSettings("east", "org.storelink.branding~east", Optional.ofNullable(packDir), minShare,
                shares, 60, 40, PriceFormat.CODE);
    }

    static void write(Path folder, String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    static void copyBuiltIn(Path folder, String file) throws IOException {
        Files.write(folder.resolve(file), PackSource.builtIn("default").read(file).orElseThrow());
    }
}
