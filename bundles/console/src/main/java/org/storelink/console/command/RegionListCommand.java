package org.storelink.console.command;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;
import org.storelink.console.internal.OsgiRegionEnvironment;
import org.storelink.console.internal.RegionAdmin;
import org.storelink.stores.RegionAccess;
import org.storelink.stores.StoreRegistry;

@Service
@Command(scope = "storelink", name = "region-list",
        description = "Regions and, per regional module (recommend, branding), its configuration there: active,"
                + " invalid (why), pending or disabled, with the configured values.")
public class RegionListCommand implements Action {

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
        RegionAccess access = RegionAccess.current();
        RegionAdmin admin = new RegionAdmin(configurations, stores, new OsgiRegionEnvironment(bundleContext, metatype));
        ShellTable table = new ShellTable();
        table.column("Region");
        table.column("Name");
        table.column("Module");
        table.column("State");
        table.column("Configuration");
        for (RegionAdmin.Row row : admin.list()) {
            if (!access.mayAccessRegion(row.region())) {
                continue;
            }
            table.addRow().addContent(row.region(), row.regionName() == null ? "" : row.regionName(), row.module(),
                    row.state(), row.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", ")));
        }
        table.print(System.out);
        return null;
    }
}
