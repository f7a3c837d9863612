package org.storelink.recommend.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import javax.security.auth.Subject;

import org.apache.karaf.shell.api.action.Action;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.storelink.recommend.Recommendations;

class RecommendCommandsTest {

    /** Recommends nothing: empty lists, no region. */
    private static final Recommendations NOTHING = mock(Recommendations.class);

    private static String printed(Subject subject, Action command) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            AsUser.run(subject, command);
        } finally {
            System.setOut(console);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void recommendationsAndPricesOnlyForStoresOfTheOwnRegion() throws Exception {
        RecommendCommand recommend = new RecommendCommand();
        recommend.recommendations = NOTHING;
        recommend.stores = AsUser.STORES;
        recommend.store = "bj-transit-004";
        PriceSuggestCommand prices = new PriceSuggestCommand();
        prices.recommendations = NOTHING;
        prices.stores = AsUser.STORES;
        prices.store = "bj-transit-004";

        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, recommend)).isInstanceOf(SecurityException.class)
                .hasMessage(AsUser.REFUSED_NORTH);
        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, prices)).isInstanceOf(SecurityException.class)
                .hasMessage(AsUser.REFUSED_NORTH);
        assertThat(printed(AsUser.PLATFORM_ADMIN, recommend)).contains("Store: bj-transit-004");
        recommend.store = "sh-campus-001";
        prices.store = "sh-campus-001";
        assertThat(printed(AsUser.EAST_ADMIN, recommend)).contains("Store: sh-campus-001");
        assertThat(printed(AsUser.EAST_ADMIN, prices)).contains("Store: sh-campus-001");
    }

    @Test
    void aRegionalAdminCannotSwitchModulesInAnotherRegion() {
        ConfigurationAdmin configurations = mock(ConfigurationAdmin.class);
        RegionEnableCommand enable = new RegionEnableCommand();
        enable.configurations = configurations;
        enable.stores = AsUser.STORES;
        enable.module = "recommend";
        enable.region = "north";
        RegionDisableCommand disable = new RegionDisableCommand();
        disable.configurations = configurations;
        disable.stores = AsUser.STORES;
        disable.module = "recommend";
        disable.region = "north";

        String refused = "user carol administers region east only; region north is not one of them";
        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, enable)).isInstanceOf(SecurityException.class)
                .hasMessage(refused);
        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, disable)).isInstanceOf(SecurityException.class)
                .hasMessage(refused);
        verifyNoInteractions(configurations);
    }

    @Test
    void regionListShowsARegionalAdminItsOwnRegionsOnly() throws Exception {
        RegionListCommand list = new RegionListCommand();
        list.configurations = mock(ConfigurationAdmin.class);
        list.stores = AsUser.STORES;
        list.bundleContext = mock(BundleContext.class);

        String east = printed(AsUser.EAST_ADMIN, list);
        String all = printed(AsUser.PLATFORM_ADMIN, list);

        assertThat(east).contains("East China").doesNotContain("north").doesNotContain("North China");
        assertThat(all).contains("East China", "North China");
    }
}
