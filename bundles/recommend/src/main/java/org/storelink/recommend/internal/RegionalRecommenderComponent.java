package org.storelink.recommend.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.recommend.AssortmentRecommendation;
import org.storelink.recommend.PriceSuggestion;
import org.storelink.recommend.RegionalRecommender;
import org.storelink.recommend.WholesaleCosts;
import org.storelink.stores.StoreRegistry;

/**
 * The recommend module of one region, one instance per {@code etc/org.storelink.recommend-<region>.cfg}: dropping
 * the file enables the region, deleting it removes the instance. The configuration's {@code region} becomes the
 * service property that {@link RegionalRecommender} consumers filter on. An invalid configuration is refused with
 * every problem named by its key, and the instance does not activate.
 */
@Component(service = RegionalRecommender.class, configurationPid = RecommendConfigValidator.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RecommendConfig.class, factory = true)
public final class RegionalRecommenderComponent implements RegionalRecommender {
    private static final Logger LOG = LoggerFactory.getLogger(RegionalRecommenderComponent.class);

    private final RegionalEngine engine;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<WholesaleCosts> wholesaleCosts = new CopyOnWriteArrayList<>();

    @Activate
    public RegionalRecommenderComponent(RecommendConfig config, Map<String, Object> properties,
                                        @Reference StoreRegistry stores, @Reference SalesHistory history,
                                        @Reference RecommendModuleStatus status) {
        String pid = (String) properties.get(Constants.SERVICE_PID);
        Collection<String> regions = RecommendModuleStatus.regions(stores);
        List<String> problems = RecommendConfigValidator.problems(properties, regions, pid, false);
        if (!problems.isEmpty()) {
            String reason = String.join("; ", problems);
            status.failed(pid, reason);
            LOG.error("Recommend configuration {} refused, the region is not enabled: {}", pid, reason);
            throw new IllegalArgumentException("configuration " + pid + " refused: " + reason);
        }
        RecommendSettings settings = RecommendSettings.of(config);
        if (!regions.contains(settings.region())) {
            LOG.warn("Recommend configuration {}: region {} has no stores in the store registry yet", pid,
                    settings.region());
        }
        engine = new RegionalEngine(settings, stores, history, () -> wholesaleCosts, Clock.systemUTC());
        status.activated(pid);
        LOG.info("Recommend enabled in region {} ({}): {}", settings.region(), pid, settings);
    }

    @Override
    public String region() {
        return engine.region();
    }

    @Override
    public List<AssortmentRecommendation> recommend(String storeId, int top) {
        return engine.recommend(storeId, top);
    }

    @Override
    public List<PriceSuggestion> suggestPrices(String storeId, Optional<String> gtin) {
        return engine.suggestPrices(storeId, gtin);
    }
}
