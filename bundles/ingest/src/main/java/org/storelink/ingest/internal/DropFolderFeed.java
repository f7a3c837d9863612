package org.storelink.ingest.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.storelink.camel.OsgiCamelContexts;
import org.storelink.ingest.FeedStatus;
import org.storelink.ingest.SaleImporter;
import org.storelink.stores.StoreRegistry;

/** One drop folder, from a factory configuration {@code etc/org.storelink.ingest.folder-<name>.cfg}. */
@Component(service = Feed.class, configurationPid = DropFolderConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DropFolderConfig.class, factory = true)
public final class DropFolderFeed implements Feed {
    private final String store;
    private final String format;
    private final Path folder;
    private final StoreRegistry stores;
    private final SaleImporter importer;
    private final CamelContext camel;
    private final String routeId;
    private final String feedName;

    @Activate
    public DropFolderFeed(BundleContext bundleContext, DropFolderConfig config, @Reference SaleImporter importer,
                          @Reference StoreRegistry stores) throws Exception {
        this.store = FeedSettings.required(config.store(), "store");
        this.format = FeedSettings.required(config.format(), "format");
        this.stores = stores;
        this.importer = importer;
        this.folder = config.path().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "storelink", "inbox", store, format)
                : Path.of(config.path());
        Files.createDirectories(folder);
        FeedRoutes routes = FeedRoutes.dropFolder(folder, store, format, FeedSettings.options(config.options()),
                config.pollMillis(), importer);
        this.routeId = routes.routeId();
        this.feedName = routes.feedName();
        camel = OsgiCamelContexts.create(bundleContext.getBundle(), "storelink-ingest-" + store + "-" + format);
        camel.addRoutes(routes);
        camel.start();
    }

    @Deactivate
    void deactivate() throws Exception {
        camel.close();
    }

    @Override
    public FeedStatus status() {
        String reason;
        boolean online;
        if (stores.store(store).isEmpty()) {
            online = false;
            reason = "store " + store + " is not registered";
        } else if (!importer.formats().contains(format)) {
            online = false;
            reason = "format " + format + " is not installed";
        } else if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
            online = false;
            reason = "folder " + folder + " is missing or not writable";
        } else if (camel.getRouteController().getRouteStatus(routeId) != ServiceStatus.Started) {
            online = false;
            reason = "route " + routeId + " is " + camel.getRouteController().getRouteStatus(routeId);
        } else {
            online = true;
            reason = "watching";
        }
        return new FeedStatus(format, feedName, store, online, reason, null, 0, 0);
    }
}
