package org.storelink.branding;

import java.util.List;

/**
 * What a rendering wrote.
 *
 * @param labels labels written (0 for a sign)
 * @param pages pages (PDF) or files (SVG) written
 * @param warnings what could not be shown as asked, such as a product without an EAN-13 barcode
 */
public record RenderResult(int labels, int pages, List<String> warnings) {

    public RenderResult {
        warnings = List.copyOf(warnings);
    }
}
