package org.storelink.branding.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.storelink.branding.Eligibility;
import org.storelink.branding.LabelSvg;
import org.storelink.branding.NotEligibleException;
import org.storelink.branding.RegionalBranding;
import org.storelink.branding.RenderResult;
import org.storelink.branding.ShelfItem;
import org.storelink.branding.ShelfItems;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

/**
 * One region's branding, without OSGi. The pack is read again for each request, so an edited pack shows on the next
 * label run; a pack broken since activation makes requests fail with its problems.
 */
public final class BrandingEngine implements RegionalBranding {
    private final BrandingSettings settings;
    private final StoreRegistry stores;
    private final ShelfItems shelfItems;

    public BrandingEngine(BrandingSettings settings, StoreRegistry stores, ShelfItems shelfItems) {
        this.settings = settings;
        this.stores = stores;
        this.shelfItems = shelfItems;
    }

    @Override
    public String region() {
        return settings.region();
    }

    public BrandingSettings settings() {
        return settings;
    }

    Pack pack() {
        return PackLoader.load(settings.packSource());
    }

    @Override
    public String packName() {
        return pack().name();
    }

    @Override
    public Eligibility eligibility(String storeId) {
        return EligibilityCheck.check(store(storeId), settings, pack());
    }

    @Override
    public RenderResult labelsPdf(String storeId, OutputStream out) throws IOException {
        Store store = store(storeId);
        Pack pack = eligiblePack(store);
        List<LabelContent> labels = labels(store);
        A4Grid grid = A4Grid.of(settings.labelWidthMm(), settings.labelHeightMm());
        try (PdfRenderer pdf = new PdfRenderer(pack, "Shelf labels: " + store.name() + " (" + store.id() + ")")) {
            TextFit.Measure measure = pdf.measure();
            return pdf.labels(labels, grid, label -> LabelLayout.layout(label, pack, settings.labelWidthMm(),
                    settings.labelHeightMm(), measure), store.id() + " - " + pack.name(), out);
        }
    }

    @Override
    public List<LabelSvg> labelsSvg(String storeId) {
        Store store = store(storeId);
        Pack pack = eligiblePack(store);
        SvgRenderer svg = new SvgRenderer(pack);
        List<LabelSvg> written = new ArrayList<>();
        for (LabelContent label : labels(store)) {
            Drawing drawing = LabelLayout.layout(label, pack, settings.labelWidthMm(), settings.labelHeightMm(),
                    SvgRenderer.measure());
            written.add(new LabelSvg(label.gtin(), label.name(), svg.toString(drawing)));
        }
        return written;
    }

    /** The labels' contents, with what cannot be printed as asked in each one's warnings. */
    List<LabelContent> labels(Store store) {
        List<ShelfItem> items = shelfItems.items(store.id());
        if (items.isEmpty()) {
            throw new IllegalStateException(store.id() + " has no products to label: no shelf items are known for it"
                    + " (from the ledger: no sales with a price in the last " + LedgerShelfItems.DAYS + " days)");
        }
        return items.stream().map(item -> LabelContent.of(item, settings.priceFormat())).toList();
    }

    @Override
    public RenderResult signSvg(String storeId, OutputStream out) {
        Store store = store(storeId);
        Pack pack = eligiblePack(store);
        new SvgRenderer(pack).write(SignLayout.layout(store.name() == null ? store.id() : store.name(), pack,
                SvgRenderer.measure()), out);
        return new RenderResult(0, 1, List.of());
    }

    @Override
    public RenderResult signPdf(String storeId, OutputStream out) throws IOException {
        Store store = store(storeId);
        Pack pack = eligiblePack(store);
        try (PdfRenderer pdf = new PdfRenderer(pack, "Storefront sign: " + store.name() + " (" + store.id() + ")")) {
            return pdf.single(SignLayout.layout(store.name() == null ? store.id() : store.name(), pack,
                    pdf.measure()), out);
        }
    }

    private Pack eligiblePack(Store store) {
        Pack pack = pack();
        Eligibility eligibility = EligibilityCheck.check(store, settings, pack);
        if (!eligibility.eligible()) {
            throw new NotEligibleException(eligibility);
        }
        return pack;
    }

    private Store store(String storeId) {
        Store store = stores.store(storeId)
                .orElseThrow(() -> new IllegalArgumentException("unknown store \"" + storeId + "\""));
        if (!settings.region().equals(store.region())) {
            throw new IllegalArgumentException("store " + storeId + " is in region " + store.region() + ", not "
                    + settings.region());
        }
        return store;
    }
}
