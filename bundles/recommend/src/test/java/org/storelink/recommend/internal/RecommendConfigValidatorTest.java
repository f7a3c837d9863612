package org.storelink.recommend.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.storelink.model.AreaProfile;

class RecommendConfigValidatorTest {
    private static final Set<String> REGIONS = Set.of("east", "west");
    private static final String PID = "org.storelink.recommend~east";

    private static Map<String, Object> config(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void aMinimalConfigurationIsValidWithTheDefaults() {
        assertThat(RecommendConfigValidator.problems(config("region", "east"), REGIONS, PID)).isEmpty();
        assertThat(RecommendConfigValidator.problems(config("region", "east", "neighbours", "30", "min.stores", 5,
                "wholesale.costs", new String[] {"6901234567892=210", ""}), REGIONS, PID)).isEmpty();
    }

    @Test
    void everyProblemNamesItsKey() {
        List<String> problems = RecommendConfigValidator.problems(config("region", "nowhere", "neighbours", "-2",
                "min.stores", "0", "top", "ten", "horizon.weeks", 53, "elasticity.min.price.points", "2",
                "wholesale.costs", "6901234567891=210,6901234567892=-1,nonsense"), REGIONS, null);

        assertThat(problems).containsExactly(
                "region: \"nowhere\" is not a region of the store registry (known: east, west)",
                "neighbours: -2 is below the minimum 1",
                "min.stores: 0 is below the minimum 1",
                "horizon.weeks: 53 is above the maximum 52",
                "top: \"ten\" is not a whole number",
                "elasticity.min.price.points: 2 is below the minimum 3",
                "wholesale.costs: \"6901234567891\" check digit is 1, expected 2",
                "wholesale.costs: 6901234567892: \"-1\" is not a positive whole number of minor units",
                "wholesale.costs: \"nonsense\" is not GTIN=minor units");
    }

    @Test
    void aRunningInstanceMayComeBeforeItsRegionsStoresButAnAdminMayNotEnableAnUnknownRegion() {
        Map<String, Object> demo = config("region", "demo-east");

        assertThat(RecommendConfigValidator.problems(demo, REGIONS, "org.storelink.recommend~demo-east"))
                .containsExactly("region: \"demo-east\" is not a region of the store registry (known: east, west)");
        assertThat(RecommendConfigValidator.problems(demo, REGIONS, "org.storelink.recommend~demo-east", false))
                .isEmpty();
        assertThat(RecommendConfigValidator.problems(config(), REGIONS, PID, false))
                .containsExactly("region: is required");
    }

    @Test
    void regionIsRequiredMustMatchTheFileNameAndMinStoresCannotExceedNeighbours() {
        assertThat(RecommendConfigValidator.problems(config(), REGIONS, PID)).containsExactly("region: is required");
        assertThat(RecommendConfigValidator.problems(config("region", "west"), REGIONS, PID)).containsExactly(
                "region: \"west\" does not match the configuration's name \"east\" (org.storelink.recommend-east.cfg)");
        assertThat(RecommendConfigValidator.problems(config("region", "east", "min.stores", "25"), REGIONS, PID))
                .containsExactly("min.stores: 25 is more than neighbours (20): no product could ever be recommended");
    }

    @Test
    void settingsReadCostsWrittenAsOneCommaSeparatedValue() {
        Map<String, Object> properties = config("region", "east",
                "wholesale.costs", new String[] {"6901234567892=210, 4006381333931=90"});

        assertThat(RecommendConfigValidator.problems(properties, REGIONS, PID)).isEmpty();
        assertThat(RecommendSettings.of(typed(properties)).wholesaleCosts())
                .isEqualTo(Map.of("06901234567892", 210L, "04006381333931", 90L));
        assertThat(RecommendSettings.of(typed(config("region", "east"))).neighbours()).isEqualTo(20);
    }

    /** The annotation interface DS would hand over, from a map and the annotation's defaults. */
    static RecommendConfig typed(Map<String, Object> properties) {
        return (RecommendConfig) Proxy.newProxyInstance(RecommendConfig.class.getClassLoader(),
                new Class<?>[] {RecommendConfig.class}, (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.');
                    Object value = properties.get(key);
                    if (value == null) {
                        return method.getDefaultValue();
                    }
                    if (method.getReturnType() == int.class) {
                        return Integer.valueOf(String.valueOf(value));
                    }
                    if (method.getReturnType() == String[].class) {
                        return value instanceof String[] array ? array : String.valueOf(value).split(",");
                    }
                    return value;
                });
    }

    @Test
    void theComponentRefusesAnInvalidConfigurationAndTheStatusSaysWhy() {
        TestData.Registry registry = new TestData.Registry().region("east", "East")
                .store(TestData.store("s1", "east", AreaProfile.STUDENT));
        RecommendModuleStatus status = new RecommendModuleStatus(registry);
        Map<String, Object> bad = config("region", "east", "neighbours", -5, "service.pid", PID);

        assertThatThrownBy(() -> new RegionalRecommenderComponent(typed(bad), bad, registry, null, status))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration org.storelink.recommend~east refused: neighbours: -5 is below the minimum 1");
        assertThat(status.problems(PID, bad)).containsExactly("neighbours: -5 is below the minimum 1");

        Map<String, Object> good = config("region", "east", "top", "5", "service.pid", PID,
                "wholesale.costs", "6901234567892=210");
        RegionalRecommenderComponent component = new RegionalRecommenderComponent(typed(good), good, registry, null,
                status);
        assertThat(component.region()).isEqualTo("east");
        assertThat(status.problems(PID, good)).isEmpty();
    }
}
