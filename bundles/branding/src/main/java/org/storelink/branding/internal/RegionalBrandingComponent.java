package org.storelink.branding.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.branding.Eligibility;
import org.storelink.branding.LabelSvg;
import org.storelink.branding.RegionalBranding;
import org.storelink.branding.RenderResult;
import org.storelink.branding.ShelfItems;
import org.storelink.stores.StoreRegistry;

/**
 * The branding module of one region, one instance per {@code etc/org.storelink.branding-<region>.cfg}: dropping the
 * file enables the region, deleting it removes the instance. The configuration's {@code region} becomes the service
 * property that {@link RegionalBranding} consumers filter on. An invalid configuration, or a pack with problems, is
 * refused with every problem named by its key, and the instance does not activate.
 */
@Component(service = RegionalBranding.class, configurationPid = BrandingConfigValidator.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BrandingConfig.class, factory = true)
public final class RegionalBrandingComponent implements RegionalBranding {
    private static final Logger LOG = LoggerFactory.getLogger(RegionalBrandingComponent.class);

    private final BrandingEngine engine;

    @Activate
    public RegionalBrandingComponent(Map<String, Object> properties, @Reference StoreRegistry stores,
                                     @Reference(policyOption = ReferencePolicyOption.GREEDY) ShelfItems shelfItems,
                                     @Reference BrandingModuleStatus status) {
        String pid = (String) properties.get(Constants.SERVICE_PID);
        BrandingConfigValidator.Checked checked = status.checkForActivation(pid, properties);
        if (!checked.problems().isEmpty()) {
            String reason = String.join("; ", checked.problems());
            LOG.error("Branding configuration {} refused, the region is not enabled: {}", pid, reason);
            throw new IllegalArgumentException("configuration " + pid + " refused: " + reason);
        }
        BrandingSettings settings = checked.settings().orElseThrow();
        engine = new BrandingEngine(settings, stores, shelfItems);
        LOG.info("Branding enabled in region {} ({}): pack \"{}\" from {}, labels {}x{} mm", settings.region(), pid,
                checked.pack().map(Pack::name).orElse("?"), settings.packSource().describe(), settings.labelWidthMm(),
                settings.labelHeightMm());
    }

    @Override
    public String region() {
        return engine.region();
    }

    @Override
    public String packName() {
        return engine.packName();
    }

    @Override
    public Eligibility eligibility(String storeId) {
        return engine.eligibility(storeId);
    }

    @Override
    public RenderResult labelsPdf(String storeId, OutputStream out) throws IOException {
        return engine.labelsPdf(storeId, out);
    }

    @Override
    public List<LabelSvg> labelsSvg(String storeId) {
        return engine.labelsSvg(storeId);
    }

    @Override
    public RenderResult signSvg(String storeId, OutputStream out) throws IOException {
        return engine.signSvg(storeId, out);
    }

    @Override
    public RenderResult signPdf(String storeId, OutputStream out) throws IOException {
        return engine.signPdf(storeId, out);
    }
}
