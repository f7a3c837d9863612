package org.storelink.console.command;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;
import org.storelink.console.internal.OsgiRegionEnvironment;
import org.storelink.console.internal.RegionAdmin;
import org.storelink.stores.RegionAccess;
import org.storelink.stores.StoreRegistry;

@Service
@Command(scope = "storelink", name = "region-enable",
        description = "Enables a regional module in a region, or changes its settings there: writes"
                + " etc/org.storelink.<module>-<region>.cfg through ConfigurationAdmin.")
public class RegionEnableCommand implements Action {

    @Argument(index = 0, name = "module", required = true, description = "Regional module: recommend, branding")
    String module;

    @Argument(index = 1, name = "region", required = true, description = "Region id from the store registry")
    String region;

    @Argument(index = 2, name = "settings", multiValued = true, description = "key=value settings, e.g. top=5")
    List<String> settings;

    @Reference
    ConfigurationAdmin configurations;

    @Reference
    StoreRegistry stores;

    @Reference
    BundleContext bundleContext;

    @Reference(optional = true)
    MetaTypeService metatype;

    @Override
    public Object execute() throws Exception {
        RegionAccess.current().checkRegion(region);
        RegionAdmin admin = new RegionAdmin(configurations, stores, new OsgiRegionEnvironment(bundleContext, metatype));
        RegionAdmin.Enabled enabled = admin.enable(module, region, settings == null ? List.of() : settings);
        System.out.println((enabled.created() ? "Enabled " : "Updated ") + module + " in region " + region + " ("
                + enabled.pid() + "): " + (enabled.values().isEmpty() ? "defaults"
                : enabled.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "))));
        System.out.println("storelink:region-list shows whether it is active.");
        return null;
    }
}
