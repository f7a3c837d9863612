package org.storelink.branding.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.storelink.branding.Branding;
import org.storelink.branding.BrandingNotEnabledException;
import org.storelink.branding.Eligibility;
import org.storelink.branding.LabelSvg;
import org.storelink.branding.RegionalBranding;
import org.storelink.branding.RenderResult;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

/** Sends each request to the store's region's {@link RegionalBranding}, or says the region has none. */
@Component(service = Branding.class)
public final class BrandingComponent implements Branding {
    private final StoreRegistry stores;
    /** Bound and unbound by SCR while commands read it. */
    private final Map<String, RegionalBranding> regions = new ConcurrentHashMap<>();

    @Activate
    public BrandingComponent(@Reference StoreRegistry stores) {
        this.stores = stores;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindRegion(RegionalBranding branding) {
        regions.put(branding.region(), branding);
    }

    void unbindRegion(RegionalBranding branding) {
        regions.remove(branding.region(), branding);
    }

    @Override
    public RegionalBranding forStore(String storeId) {
        Store store = stores.store(storeId)
                .orElseThrow(() -> new IllegalArgumentException("unknown store \"" + storeId + "\""));
        RegionalBranding branding = regions.get(store.region());
        if (branding == null) {
            throw new BrandingNotEnabledException(store.region());
        }
        return branding;
    }

    @Override
    public Eligibility eligibility(String storeId) {
        return forStore(storeId).eligibility(storeId);
    }

    @Override
    public RenderResult labelsPdf(String storeId, OutputStream out) throws IOException {
        return forStore(storeId).labelsPdf(storeId, out);
    }

    @Override
    public List<LabelSvg> labelsSvg(String storeId) {
        return forStore(storeId).labelsSvg(storeId);
    }

    @Override
    public RenderResult signSvg(String storeId, OutputStream out) throws IOException {
        return forStore(storeId).signSvg(storeId, out);
    }

    @Override
    public RenderResult signPdf(String storeId, OutputStream out) throws IOException {
        return forStore(storeId).signPdf(storeId, out);
    }

    @Override
    public Optional<RegionalBranding> region(String regionId) {
        return Optional.ofNullable(regions.get(regionId));
    }

    @Override
    public Set<String> enabledRegions() {
        return new TreeSet<>(regions.keySet());
    }
}
