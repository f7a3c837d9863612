package org.storelink.console.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.storelink.console.command.Shell.EAST_ADMIN;
import static org.storelink.console.command.Shell.PLATFORM_ADMIN;
import static org.storelink.console.command.Shell.STORES;
import static org.storelink.console.command.Shell.run;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.storelink.stores.RegionalConfigCheck;

class RegionCommandsTest {

    private static RegionEnableCommand enable(ConfigurationAdmin configurations, BundleContext context, String module,
            String region, String... settings) {
        RegionEnableCommand command = new RegionEnableCommand();
        command.configurations = configurations;
        command.stores = STORES;
        command.bundleContext = context;
        command.module = module;
        command.region = region;
        command.settings = List.of(settings);
        return command;
    }

    private static RegionDisableCommand disable(ConfigurationAdmin configurations, BundleContext context,
            String module, String region) {
        RegionDisableCommand command = new RegionDisableCommand();
        command.configurations = configurations;
        command.stores = STORES;
        command.bundleContext = context;
        command.module = module;
        command.region = region;
        return command;
    }

    private static RegionListCommand list(ConfigurationAdmin configurations, BundleContext context) {
        RegionListCommand command = new RegionListCommand();
        command.configurations = configurations;
        command.stores = STORES;
        command.bundleContext = context;
        return command;
    }

    /** A framework where only the branding bundle runs: its check is the one service found by module. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static BundleContext brandingOnly(RegionalConfigCheck check) throws Exception {
        BundleContext context = mock(BundleContext.class);
        ServiceReference reference = mock(ServiceReference.class);
        when(context.getServiceReferences(RegionalConfigCheck.class.getName(), "(storelink.module=branding)"))
                .thenReturn(new ServiceReference[] {reference});
        when(context.getService(reference)).thenReturn(check);
        return context;
    }

    @Test
    void aRegionalAdminCannotSwitchModulesInAnotherRegion() {
        ConfigurationAdmin configurations = mock(ConfigurationAdmin.class);
        BundleContext context = mock(BundleContext.class);

        String refused = "user carol administers region east only; region north is not one of them";
        assertThatThrownBy(() -> run(EAST_ADMIN, enable(configurations, context, "recommend", "north", "top=3")))
                .isInstanceOf(SecurityException.class).hasMessage(refused);
        assertThatThrownBy(() -> run(EAST_ADMIN, disable(configurations, context, "recommend", "north")))
                .isInstanceOf(SecurityException.class).hasMessage(refused);
        verifyNoInteractions(configurations, context);
    }

    @Test
    void regionListShowsARegionalAdminItsOwnRegionsOnly() throws Exception {
        ConfigurationAdmin configurations = mock(ConfigurationAdmin.class);
        BundleContext context = mock(BundleContext.class);

        String east = run(EAST_ADMIN, list(configurations, context));
        String all = run(PLATFORM_ADMIN, list(configurations, context));

        assertThat(east).contains("East China", "branding", "recommend", "disabled").doesNotContain("north")
                .doesNotContain("North China");
        assertThat(all).contains("East China", "North China");
    }

    @Test
    void brandingAloneIsEnabledCheckedThroughItsOwnServiceAndDisabled() throws Exception {
        RegionalConfigCheck check = mock(RegionalConfigCheck.class);
        when(check.problems(anyString(), any())).thenReturn(List.of());
        when(check.problems(eq("org.storelink.branding~east"), eq(Map.of("region", "east",
                "min.sourcing.share", "2")))).thenReturn(List.of("min.sourcing.share: 2 is not between 0 and 1"));
        BundleContext context = brandingOnly(check);
        ConfigurationAdmin configurations = mock(ConfigurationAdmin.class);
        Configuration east = mock(Configuration.class);
        when(east.getPid()).thenReturn("org.storelink.branding~east");
        when(configurations.getFactoryConfiguration("org.storelink.branding", "east", "?")).thenReturn(east);

        assertThatThrownBy(() -> run(EAST_ADMIN, enable(configurations, context, "branding", "east",
                "min.sourcing.share=2"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("branding in region east not enabled: min.sourcing.share: 2 is not between 0 and 1");
        verify(east, never()).update(any());

        String out = run(EAST_ADMIN, enable(configurations, context, "branding", "east", "min.sourcing.share=0.35"));
        assertThat(out).isEqualTo("Enabled branding in region east (org.storelink.branding~east):"
                + " min.sourcing.share=0.35\nstorelink:region-list shows whether it is active.\n"
                .replace("\n", System.lineSeparator()));
        verify(east).update(any());

        Dictionary<String, Object> written = new Hashtable<>(Map.of("region", "east", "min.sourcing.share", "0.35"));
        when(east.getProperties()).thenReturn(written);
        when(configurations.listConfigurations("(service.factoryPid=org.storelink.branding)"))
                .thenReturn(new Configuration[] {east});
        assertThat(run(EAST_ADMIN, list(configurations, context))).contains("pending (valid");
        when(context.getServiceReferences((String) null, "(service.pid=org.storelink.branding~east)"))
                .thenReturn(new ServiceReference<?>[] {mock(ServiceReference.class)});
        assertThat(run(EAST_ADMIN, list(configurations, context))).contains("active", "min.sourcing.share=0.35");

        assertThat(run(EAST_ADMIN, disable(configurations, context, "branding", "east")))
                .startsWith("Disabled branding in region east (deleted org.storelink.branding~east)");
        verify(east).delete();
    }
}
