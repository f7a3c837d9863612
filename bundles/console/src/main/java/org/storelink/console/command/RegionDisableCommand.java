package org.storelink.console.command;

import java.util.List;

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
@Command(scope = "storelink", name = "region-disable",
        description = "Disables a regional module in a region: deletes its configuration there, which removes it.")
public class RegionDisableCommand implements Action {

    @Argument(index = 0, name = "module", required = true, description = "Regional module: recommend, branding")
    String module;

    @Argument(index = 1, name = "region", required = true, description = "Region id")
    String region;

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
        List<String> deleted = admin.disable(module, region);
        System.out.println("Disabled " + module + " in region " + region + " (deleted " + String.join(", ", deleted)
                + ")");
        return null;
    }
}
