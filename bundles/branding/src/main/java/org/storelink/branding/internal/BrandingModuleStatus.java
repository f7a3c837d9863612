package org.storelink.branding.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

/**
 * Knows why a region's branding configuration is not active: the checks the component runs, including loading its
 * pack. Activation can fail for no other reason, so a valid configuration without an instance is waiting for a
 * service ({@code region-list} says "pending"). Needs nothing from the recommend module.
 */
@Component(service = BrandingModuleStatus.class)
public final class BrandingModuleStatus {
    private final StoreRegistry stores;
    private final Path karafEtc;

    @Activate
    public BrandingModuleStatus(@Reference StoreRegistry stores) {
        this(stores, karafEtc());
    }

    BrandingModuleStatus(StoreRegistry stores, Path karafEtc) {
        this.stores = stores;
        this.karafEtc = karafEtc;
    }

    private static Path karafEtc() {
        String etc = System.getProperty("karaf.etc");
        return etc == null || etc.isBlank() ? null : Path.of(etc);
    }

    public BrandingConfigValidator.Checked check(String pid, Map<String, ?> properties) {
        return BrandingConfigValidator.check(properties, regions(stores), pid, karafEtc);
    }

    /** The check a running instance makes: its region's stores may not be registered yet. */
    public BrandingConfigValidator.Checked checkForActivation(String pid, Map<String, ?> properties) {
        return BrandingConfigValidator.check(properties, regions(stores), pid, karafEtc, false);
    }

    public List<String> problems(String pid, Map<String, ?> properties) {
        return check(pid, properties).problems();
    }

    /** The ids of every region of the registry, including regions stores name without defining them. */
    static Set<String> regions(StoreRegistry stores) {
        Set<String> regions = new TreeSet<>();
        stores.regions().stream().map(Region::id).forEach(regions::add);
        stores.stores().stream().map(Store::region).filter(r -> r != null && !r.isBlank()).forEach(regions::add);
        return regions;
    }
}
