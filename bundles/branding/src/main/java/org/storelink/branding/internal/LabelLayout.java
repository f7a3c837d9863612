package org.storelink.branding.internal;

import java.util.ArrayList;
import java.util.List;

import org.storelink.branding.internal.Drawing.Anchor;
import org.storelink.branding.internal.Drawing.Bars;
import org.storelink.branding.internal.Drawing.Box;
import org.storelink.branding.internal.Drawing.Logo;
import org.storelink.branding.internal.Drawing.Shape;
import org.storelink.branding.internal.Drawing.Text;

/** Lays out one shelf label in the pack's template; sizes scale with the label. */
public final class LabelLayout {
    private static final String WHITE = "#ffffff";
    private static final String CUT_LINE = "#c8c8c8";

    private LabelLayout() {
    }

    public static Drawing layout(LabelContent content, Pack pack, double w, double h, TextFit.Measure measure) {
        List<Shape> shapes = new ArrayList<>();
        String ink = pack.colours().text();
        double pad = Math.max(1.5, 0.05 * h);
        shapes.add(new Box(0, 0, w, h, WHITE, CUT_LINE, 0));

        boolean standard = pack.label() == LabelTemplate.STANDARD;
        double left = pad;
        double nameTop;
        double nameRight = w - pad;
        double priceLimitLeft = pad;
        if (standard) {
            double band = 0.16 * h;
            shapes.add(new Box(0, 0, w, band, pack.colours().primary(), null, 0));
            shapes.add(new Logo(pad, 0.02 * h, Math.min(0.4 * w, 3 * band), band - 0.04 * h, pack.name(), WHITE));
            content.badge().ifPresent(badge -> badge(shapes, badge, w - pad, true, 0.025 * h, band - 0.05 * h,
                    0.4 * w, pack, measure));
            nameTop = band;
        } else {
            double stripe = 0.06 * w;
            shapes.add(new Box(0, 0, stripe, h, pack.colours().primary(), null, 0));
            left = stripe + pad;
            double logoW = 0.28 * w;
            // logos are drawn for the primary colour, as on the standard template's band
            shapes.add(new Box(w - pad - logoW, pad, logoW, 0.16 * h, pack.colours().primary(), null, 0.02 * h));
            shapes.add(new Logo(w - pad - logoW + 0.01 * h, pad + 0.01 * h, logoW - 0.02 * h, 0.14 * h, pack.name(),
                    WHITE));
            nameRight = w - 2 * pad - logoW;
            nameTop = 0;
            if (content.badge().isPresent()) {
                priceLimitLeft = badge(shapes, content.badge().get(), left, false, 0.44 * h, 0.11 * h, 0.35 * w,
                        pack, measure) + pad;
            } else {
                priceLimitLeft = left;
            }
        }

        double nameSize = 0.08 * h;
        List<String> lines = TextFit.wrap(content.name(), nameRight - left, nameSize, 2, false, measure);
        double baseline = nameTop + 0.10 * h;
        for (String line : lines) {
            shapes.add(new Text(left, baseline, nameSize, Anchor.START, false, ink, line));
            baseline += 0.095 * h;
        }

        double priceWidth = w - pad - priceLimitLeft;
        double priceSize = TextFit.size(content.price(), priceWidth, 0.19 * h, 0.08 * h, true, measure);
        shapes.add(new Text(w - pad, 0.62 * h, priceSize, Anchor.END, true, ink,
                TextFit.cut(content.price(), priceWidth, priceSize, true, measure)));

        double digits = 0.06 * h;
        double symbolWidth = Math.min(w - pad - left, Math.max(0.58 * w, 0.8 * Ean13Symbol.NOMINAL_MODULE_MM
                * Ean13Symbol.TOTAL_MODULES));
        double barsTop = 0.655 * h;
        double barsBottom = h - pad - digits - 0.01 * h;
        if (content.ean13().isPresent()) {
            String ean = content.ean13().get();
            double module = symbolWidth / Ean13Symbol.TOTAL_MODULES;
            double codeLeft = left + Ean13Symbol.LEFT_QUIET * module;
            shapes.add(new Bars(codeLeft, barsTop, module, barsBottom - barsTop, Ean13Symbol.modules(ean), "#000000"));
            shapes.add(new Text(codeLeft + Ean13Symbol.CODE_MODULES * module / 2, h - pad, digits, Anchor.MIDDLE,
                    false, "#000000", ean));
        } else {
            shapes.add(new Text(left, h - pad, digits, Anchor.START, false, ink, "GTIN " + content.gtin()));
        }

        double unitLeft = left + symbolWidth;
        content.unitPrice().ifPresent(unit -> {
            double available = w - pad - unitLeft - 0.5;
            double size = TextFit.size(unit, available, 0.075 * h, 0.045 * h, false, measure);
            shapes.add(new Text(w - pad, 0.8 * h, size, Anchor.END, false, ink,
                    TextFit.cut(unit, available, size, false, measure)));
        });
        return new Drawing(w, h, content.name(), shapes);
    }

    /** A badge ending at {@code edge} ({@code fromRight}) or starting there; returns its right edge. */
    private static double badge(List<Shape> shapes, String badge, double edge, boolean fromRight, double top,
                                double height, double maxWidth, Pack pack, TextFit.Measure measure) {
        double size = 0.62 * height;
        double inner = maxWidth - 0.8 * height;
        size = TextFit.size(badge, inner, size, 0.35 * height, true, measure);
        String text = TextFit.cut(badge, inner, size, true, measure);
        double width = measure.width(text, size, true) + 0.8 * height;
        double x = fromRight ? edge - width : edge;
        shapes.add(new Box(x, top, width, height, pack.colours().secondary(), null, 0.2 * height));
        shapes.add(new Text(x + width / 2, top + height / 2 + 0.36 * size, size, Anchor.MIDDLE, true,
                pack.colours().text(), text));
        return x + width;
    }
}
