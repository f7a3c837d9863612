package org.storelink.branding.internal;

import java.util.ArrayList;
import java.util.List;

import org.storelink.branding.internal.Drawing.Anchor;
import org.storelink.branding.internal.Drawing.Box;
import org.storelink.branding.internal.Drawing.Logo;
import org.storelink.branding.internal.Drawing.Shape;
import org.storelink.branding.internal.Drawing.Text;

/** Lays out a store's storefront sign in the pack's sign template. */
public final class SignLayout {

    private SignLayout() {
    }

    public static Drawing layout(String storeName, Pack pack, TextFit.Measure measure) {
        SignTemplate template = pack.sign();
        double w = template.widthMm();
        double h = template.heightMm();
        String name = TextFit.clean(storeName);
        String tagline = pack.tagline().orElse(pack.name());
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Box(0, 0, w, h, "#ffffff", null, 0));
        if (template == SignTemplate.BANNER) {
            shapes.add(new Box(0, 0, w, 0.08 * h, pack.colours().primary(), null, 0));
            shapes.add(new Box(0, 0.92 * h, w, 0.08 * h, pack.colours().secondary(), null, 0));
            double logo = 0.68 * h;
            // logos are drawn for the primary colour, as on the labels' band
            shapes.add(new Box(0.04 * w - 0.02 * h, 0.14 * h, logo + 0.04 * h, logo + 0.04 * h,
                    pack.colours().primary(), null, 0.04 * h));
            shapes.add(new Logo(0.04 * w, 0.16 * h, logo, logo, pack.name(), "#ffffff"));
            double left = 0.08 * w + logo;
            double width = w - left - 0.04 * w;
            double size = TextFit.size(name, width, 0.22 * h, 0.08 * h, true, measure);
            shapes.add(new Text(left, 0.52 * h, size, Anchor.START, true, pack.colours().text(),
                    TextFit.cut(name, width, size, true, measure)));
            double tagSize = TextFit.size(tagline, width, 0.09 * h, 0.04 * h, false, measure);
            shapes.add(new Text(left, 0.76 * h, tagSize, Anchor.START, false, pack.colours().primary(),
                    TextFit.cut(tagline, width, tagSize, false, measure)));
        } else {
            shapes.add(new Box(0, 0, w, 0.06 * h, pack.colours().primary(), null, 0));
            shapes.add(new Box(0, 0.94 * h, w, 0.06 * h, pack.colours().secondary(), null, 0));
            shapes.add(new Box(0.08 * w, 0.09 * h, 0.84 * w, 0.37 * h, pack.colours().primary(), null, 0.02 * h));
            shapes.add(new Logo(0.1 * w, 0.1 * h, 0.8 * w, 0.35 * h, pack.name(), "#ffffff"));
            double width = 0.86 * w;
            double size = 0.09 * h;
            List<String> lines = TextFit.wrap(name, width, size, 2, true, measure);
            double baseline = lines.size() == 1 ? 0.62 * h : 0.57 * h;
            for (String line : lines) {
                shapes.add(new Text(w / 2, baseline, size, Anchor.MIDDLE, true, pack.colours().text(), line));
                baseline += 1.15 * size;
            }
            double tagSize = TextFit.size(tagline, width, 0.045 * h, 0.025 * h, false, measure);
            shapes.add(new Text(w / 2, 0.84 * h, tagSize, Anchor.MIDDLE, false, pack.colours().primary(),
                    TextFit.cut(tagline, width, tagSize, false, measure)));
        }
        return new Drawing(w, h, name, shapes);
    }
}
