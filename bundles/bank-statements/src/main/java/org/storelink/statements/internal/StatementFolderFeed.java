package org.storelink.statements.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.storelink.camel.OsgiCamelContexts;
import org.storelink.statements.StatementImporter;

/** One statement drop folder, from a factory configuration {@code etc/org.storelink.statements.folder-<name>.cfg}. */
@Component(configurationPid = StatementFolderConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = StatementFolderConfig.class, factory = true)
public final class StatementFolderFeed {
    private final CamelContext camel;

    @Activate
    public StatementFolderFeed(BundleContext bundleContext, StatementFolderConfig config,
                               Map<String, Object> properties, @Reference StatementImporter importer)
            throws Exception {
        if (config.path() == null || config.path().isBlank()) {
            throw new IllegalArgumentException("path: is required (the folder to watch)");
        }
        if (config.delay() < StatementFolderRoutes.MIN_DELAY) {
            throw new IllegalArgumentException("delay: " + config.delay() + " ms is below the minimum of "
                    + StatementFolderRoutes.MIN_DELAY + " ms");
        }
        Path folder = Files.createDirectories(Path.of(config.path().strip()));
        StatementFolderRoutes routes = new StatementFolderRoutes(folder, config.delay(), importer);
        // Context names must be unique in the JVM (JMX): take the configuration's own name.
        camel = OsgiCamelContexts.create(bundleContext.getBundle(),
                "storelink-bank-statements-folder-" + configName(properties));
        camel.addRoutes(routes);
        camel.start();
    }

    /** {@code bank1} of the PID {@code org.storelink.statements.folder~bank1} that Karaf gives the file's config. */
    static String configName(Map<String, Object> properties) {
        String pid = String.valueOf(properties.getOrDefault("service.pid", "unnamed"));
        int tilde = pid.lastIndexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid.substring(pid.lastIndexOf('.') + 1);
    }

    @Deactivate
    void deactivate() throws Exception {
        camel.close();
    }
}
