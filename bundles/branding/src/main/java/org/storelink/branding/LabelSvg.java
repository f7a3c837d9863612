package org.storelink.branding;

/**
 * One shelf label as a standalone SVG document.
 *
 * @param gtin the product's 14-digit GTIN, unique per store, usable as a file name
 */
public record LabelSvg(String gtin, String name, String svg) {
}
