package org.storelink.recommend.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.stores.RegionalConfigCheck;
import org.storelink.stores.StoreRegistry;

/**
 * Knows why a region's recommend configuration is not active: the same checks the component runs, plus the reason
 * its last activation failed for anything else (the history's database, say).
 */
@Component(service = {RegionalConfigCheck.class, RecommendModuleStatus.class}, immediate = true,
        property = RegionalConfigCheck.MODULE_PROPERTY + "=recommend")
public final class RecommendModuleStatus implements RegionalConfigCheck {
    private final StoreRegistry stores;
    /** Activation failures by configuration PID; activations run on SCR's threads, commands on the shell's. */
    private final Map<String, String> failures = new ConcurrentHashMap<>();

    @Activate
    public RecommendModuleStatus(@Reference StoreRegistry stores) {
        this.stores = stores;
    }

    @Override
    public String module() {
        return "recommend";
    }

    @Override
    public List<String> problems(String pid, Map<String, Object> properties) {
        List<String> problems = new ArrayList<>(RecommendConfigValidator.problems(properties, regions(stores), pid));
        String failure = pid == null ? null : failures.get(pid);
        if (problems.isEmpty() && failure != null) {
            problems.add(failure);
        }
        return problems;
    }

    /** The ids of every region of the registry, including regions stores name without defining them. */
    public static Set<String> regions(StoreRegistry stores) {
        Set<String> regions = new TreeSet<>();
        stores.regions().stream().map(Region::id).forEach(regions::add);
        stores.stores().stream().map(Store::region).filter(r -> r != null && !r.isBlank()).forEach(regions::add);
        return regions;
    }

    void failed(String pid, String reason) {
        if (pid != null) {
            failures.put(pid, reason);
        }
    }

    void activated(String pid) {
        if (pid != null) {
            failures.remove(pid);
        }
    }
}
