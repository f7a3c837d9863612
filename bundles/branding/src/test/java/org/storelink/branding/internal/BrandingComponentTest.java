package org.storelink.branding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.storelink.branding.BrandingNotEnabledException;
import org.storelink.branding.RegionalBranding;

class BrandingComponentTest {

    private static Map<String, Object> config(String pid, Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        map.put("service.pid", pid);
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void aStoreOutsideAnEnabledRegionIsToldSo() {
        BrandingModuleStatus status = new BrandingModuleStatus(TestData.stores(), null);
        RegionalBranding east = new RegionalBrandingComponent(config("org.storelink.branding~east", "region", "east"),
                TestData.stores(), storeId -> List.of(TestData.item("6901234567892", "Tea", 350, null, null)), status);
        BrandingComponent branding = new BrandingComponent(TestData.stores());
        branding.bindRegion(east);

        assertThat(branding.enabledRegions()).containsExactly("east");
        assertThat(branding.eligibility("sh-campus-001").eligible()).isTrue();
        assertThatThrownBy(() -> branding.labelsPdf("cd-office-001", new ByteArrayOutputStream()))
                .isInstanceOf(BrandingNotEnabledException.class)
                .hasMessage("branding is not enabled in region west");
        assertThatThrownBy(() -> branding.eligibility("nobody"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown store \"nobody\"");

        branding.unbindRegion(east);
        assertThatThrownBy(() -> branding.labelsSvg("sh-campus-001"))
                .hasMessage("branding is not enabled in region east");
    }

    @Test
    void anInvalidConfigurationIsRefusedAndTheCheckSaysWhy() {
        BrandingModuleStatus status = new BrandingModuleStatus(TestData.stores(), null);
        Map<String, Object> bad = config("org.storelink.branding~east", "region", "east", "min.sourcing.share", "2");

        assertThatThrownBy(() -> new RegionalBrandingComponent(bad, TestData.stores(), storeId -> List.of(), status))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration org.storelink.branding~east refused: min.sourcing.share: 2 is not between"
                        + " 0 and 1");
        BrandingConfigCheck check = new BrandingConfigCheck(status);
        assertThat(check.module()).isEqualTo("branding");
        assertThat(check.problems("org.storelink.branding~east", bad))
                .containsExactly("min.sourcing.share: 2 is not between 0 and 1");
        assertThat(check.problems("org.storelink.branding~east", config("x", "region", "east"))).isEmpty();
    }
}
