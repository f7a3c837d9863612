package org.storelink.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.storelink.model.AreaProfile;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.stores.RegionalConfigCheck;
import org.storelink.stores.StoreRegistry;

class RegionAdminTest {
    private ConfigurationAdmin configurationAdmin;
    private StoreRegistry registry;
    private final Set<String> activePids = new HashSet<>();
    private RegionAdmin admin;

    /** Regions east and north as defined, one store in east. */
    private static StoreRegistry registry() {
        List<Store> stores = List.of(new Store("s1", "s1", "east", AreaProfile.STUDENT, ZoneId.of("Asia/Shanghai"),
                null));
        return new StoreRegistry() {
            @Override
            public Optional<Store> store(String id) {
                return stores.stream().filter(store -> store.id().equals(id)).findFirst();
            }

            @Override
            public List<Store> stores() {
                return stores;
            }

            @Override
            public List<Region> regions() {
                return List.of(new Region("east", "East China"), new Region("north", "North China"));
            }

            @Override
            public Optional<byte[]> secret(String storeId) {
                return Optional.empty();
            }
        };
    }

    /**
     * Stands in for a module's own check (recommend's, say), as its bundle registers it: the region, a lower bound
     * and a rule between two keys, each problem naming its key.
     */
    private final class RecommendLikeCheck implements RegionalConfigCheck {
        @Override
        public String module() {
            return "recommend";
        }

        @Override
        public List<String> problems(String pid, Map<String, Object> properties) {
            List<String> problems = new ArrayList<>();
            Set<String> regions = RegionAdmin.regions(registry);
            String region = String.valueOf(properties.get("region"));
            if (!regions.contains(region)) {
                problems.add("region: \"" + region + "\" is not a region of the store registry (known: "
                        + String.join(", ", regions) + ")");
            }
            int neighbours = Integer.parseInt(String.valueOf(properties.getOrDefault("neighbours", 20)));
            int minStores = Integer.parseInt(String.valueOf(properties.getOrDefault("min.stores", 3)));
            if (neighbours < 1) {
                problems.add("neighbours: " + neighbours + " is below the minimum 1");
            } else if (minStores > neighbours) {
                problems.add("min.stores: " + minStores + " is more than neighbours (" + neighbours
                        + "): no product could ever be recommended");
            }
            return problems;
        }
    }

    /** recommend has its check and metatype here; branding is not installed. */
    private final class Environment implements RegionAdmin.Environment {
        @Override
        public boolean active(String pid) {
            return activePids.contains(pid);
        }

        @Override
        public Optional<RegionalConfigCheck> check(String module) {
            return module.equals("recommend") ? Optional.of(new RecommendLikeCheck()) : Optional.empty();
        }

        @Override
        public Optional<Map<String, RegionAdmin.Key>> keys(String module) {
            if (!module.equals("recommend")) {
                return Optional.empty();
            }
            Map<String, RegionAdmin.Key> keys = new LinkedHashMap<>();
            keys.put("region", new RegionAdmin.Key("region", String.class, true, false, value -> null));
            for (String id : List.of("neighbours", "min.stores", "top")) {
                keys.put(id, new RegionAdmin.Key(id, Integer.class, false, false,
                        value -> value.matches("-?\\d+") && Integer.parseInt(value) < 1 ? "Value is less than 1" : ""));
            }
            keys.put("wholesale.costs", new RegionAdmin.Key("wholesale.costs", String.class, false, true, v -> ""));
            return Optional.of(keys);
        }
    }

    @BeforeEach
    void setUp() {
        configurationAdmin = mock(ConfigurationAdmin.class);
        registry = registry();
        admin = new RegionAdmin(configurationAdmin, registry, new Environment());
    }

    private static Configuration configuration(String pid, Dictionary<String, Object> properties) {
        Configuration configuration = mock(Configuration.class);
        when(configuration.getPid()).thenReturn(pid);
        when(configuration.getProperties()).thenReturn(properties);
        return configuration;
    }

    private static Dictionary<String, Object> properties(Object... keyValues) {
        Hashtable<String, Object> table = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            table.put((String) keyValues[i], keyValues[i + 1]);
        }
        return table;
    }

    @SuppressWarnings("unchecked")
    private static Dictionary<String, Object> written(Configuration configuration) throws Exception {
        ArgumentCaptor<Dictionary<String, ?>> captor = ArgumentCaptor.forClass(Dictionary.class);
        verify(configuration).update(captor.capture());
        return (Dictionary<String, Object>) captor.getValue();
    }

    @Test
    void enableCreatesTheNamedFactoryConfigurationWithTypedValues() throws Exception {
        Configuration created = configuration("org.storelink.recommend~east", null);
        when(configurationAdmin.getFactoryConfiguration("org.storelink.recommend", "east", "?")).thenReturn(created);

        RegionAdmin.Enabled enabled = admin.enable("recommend", "east", List.of("top=5", "wholesale.costs=6901234567892=210"));

        assertThat(enabled.created()).isTrue();
        assertThat(enabled.pid()).isEqualTo("org.storelink.recommend~east");
        Dictionary<String, Object> written = written(created);
        assertThat(written.get("region")).isEqualTo("east");
        assertThat(written.get("top")).isEqualTo(5);
        assertThat((String[]) written.get("wholesale.costs")).containsExactly("6901234567892=210");
        assertThat(written.size()).isEqualTo(3);
    }

    @Test
    void enableUpdatesAnExistingConfigurationKeepingWhatItHad() throws Exception {
        Configuration existing = configuration("org.storelink.recommend~east", properties("region", "east",
                "neighbours", "30", "felix.fileinstall.filename", "file:/opt/etc/org.storelink.recommend-east.cfg",
                "service.pid", "org.storelink.recommend~east"));
        when(configurationAdmin.getFactoryConfiguration("org.storelink.recommend", "east", "?")).thenReturn(existing);

        RegionAdmin.Enabled enabled = admin.enable("recommend", "east", List.of("min.stores=4"));

        assertThat(enabled.created()).isFalse();
        Dictionary<String, Object> written = written(existing);
        assertThat(written.get("neighbours")).isEqualTo("30");
        assertThat(written.get("min.stores")).isEqualTo(4);
        assertThat(written.get("felix.fileinstall.filename")).asString().endsWith("org.storelink.recommend-east.cfg");
        assertThat(written.get("service.pid")).isNull();
    }

    @Test
    void enableRefusesUnknownKeysBadValuesUnknownModulesAndRegionsWithoutWriting() throws Exception {
        assertThatThrownBy(() -> admin.enable("recommend", "east", List.of("colour=blue", "neighbours=-3", "top")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("recommend in region east not enabled: colour: not a key of module recommend"
                        + " (keys: min.stores, neighbours, region, top, wholesale.costs)")
                .hasMessageContaining("neighbours: Value is less than 1")
                .hasMessageContaining("\"top\" is not key=value");
        assertThatThrownBy(() -> admin.enable("recommend", "east", List.of("top=many")))
                .hasMessage("recommend in region east not enabled: top: \"many\" is not a whole number");
        assertThatThrownBy(() -> admin.enable("pricing", "east", List.of()))
                .hasMessage("unknown regional module \"pricing\": the regional modules are branding, recommend");
        assertThatThrownBy(() -> admin.enable("recommend", "mars", List.of()))
                .hasMessage("unknown region \"mars\": the store registry's regions are east, north");
        verify(configurationAdmin, never()).getFactoryConfiguration(anyString(), anyString(), anyString());
    }

    @Test
    void enableRefusesWhatTheModulesOwnCheckRefusesBeforeWriting() throws Exception {
        Configuration created = configuration("org.storelink.recommend~east", null);
        when(configurationAdmin.getFactoryConfiguration("org.storelink.recommend", "east", "?")).thenReturn(created);

        assertThatThrownBy(() -> admin.enable("recommend", "east", List.of("neighbours=2", "min.stores=3")))
                .hasMessage("recommend in region east not enabled: min.stores: 3 is more than neighbours (2): no"
                        + " product could ever be recommended");
        verify(created, never()).update(any());
    }

    @Test
    void aModuleWithoutMetatypeTakesValuesAsText() throws Exception {
        Configuration created = configuration("org.storelink.branding~north", null);
        when(configurationAdmin.getFactoryConfiguration("org.storelink.branding", "north", "?")).thenReturn(created);

        admin.enable("branding", "north", List.of("theme=spring"));

        Dictionary<String, Object> written = written(created);
        assertThat(written.get("theme")).isEqualTo("spring");
        assertThat(written.get("region")).isEqualTo("north");
    }

    @Test
    void disableDeletesTheRegionsConfiguration() throws Exception {
        Configuration east = configuration("org.storelink.recommend~east", properties("region", "east"));
        Configuration north = configuration("org.storelink.recommend~north", properties("region", "north"));
        when(configurationAdmin.listConfigurations("(service.factoryPid=org.storelink.recommend)"))
                .thenReturn(new Configuration[] {east, north});

        assertThat(admin.disable("recommend", "east")).containsExactly("org.storelink.recommend~east");

        verify(east).delete();
        verify(north, never()).delete();
    }

    @Test
    void disablingWhatIsNotEnabledOrUnknownIsAClearError() throws Exception {
        assertThatThrownBy(() -> admin.disable("recommend", "east")).hasMessage(
                "recommend is not enabled in region east: there is no org.storelink.recommend-east.cfg configuration");
        assertThatThrownBy(() -> admin.disable("recommend", "mars"))
                .hasMessage("unknown region \"mars\": the store registry's regions are east, north");
        assertThatThrownBy(() -> admin.disable("weather", "east")).hasMessageStartingWith("unknown regional module");
    }

    @Test
    void listShowsEveryRegionAndModuleWithItsState() throws Exception {
        Configuration east = configuration("org.storelink.recommend~east", properties("region", "east", "top", "5",
                "service.pid", "org.storelink.recommend~east"));
        Configuration north = configuration("org.storelink.recommend~north", properties("region", "north",
                "neighbours", "-1"));
        Configuration west = configuration("org.storelink.recommend~west", properties("region", "west"));
        when(configurationAdmin.listConfigurations("(service.factoryPid=org.storelink.recommend)"))
                .thenReturn(new Configuration[] {east, north, west});
        activePids.add("org.storelink.recommend~east");

        List<RegionAdmin.Row> rows = admin.list();

        assertThat(rows).extracting(RegionAdmin.Row::region, RegionAdmin.Row::module, RegionAdmin.Row::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("east", "branding", "disabled"),
                        org.assertj.core.groups.Tuple.tuple("east", "recommend", "active"),
                        org.assertj.core.groups.Tuple.tuple("north", "branding", "disabled"),
                        org.assertj.core.groups.Tuple.tuple("north", "recommend",
                                "invalid (neighbours: -1 is below the minimum 1)"),
                        org.assertj.core.groups.Tuple.tuple("west", "branding", "disabled"),
                        org.assertj.core.groups.Tuple.tuple("west", "recommend",
                                "invalid (region: \"west\" is not a region of the store registry (known: east, north))"));
        assertThat(rows.get(1).values()).isEqualTo(Map.of("top", "5"));
        assertThat(rows.get(1).regionName()).isEqualTo("East China");
        assertThat(rows.get(5).regionName()).isEqualTo("(not in the store registry)");
    }
}
