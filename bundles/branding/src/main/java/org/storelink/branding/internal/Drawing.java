package org.storelink.branding.internal;

import java.util.List;

/**
 * What a label or sign looks like, independent of the output: shapes in mm, y downwards from the top-left corner.
 * {@link SvgRenderer} and {@link PdfRenderer} draw the same drawing, so the two outputs cannot drift apart.
 */
public record Drawing(double width, double height, String title, List<Shape> shapes) {

    public Drawing {
        shapes = List.copyOf(shapes);
    }

    public sealed interface Shape permits Box, Text, Logo, Bars {
    }

    /** A rectangle; {@code stroke} null for none, {@code fill} null for none. */
    public record Box(double x, double y, double w, double h, String fill, String stroke, double radius)
            implements Shape {
    }

    public enum Anchor { START, MIDDLE, END }

    /** One line of text, {@code y} its baseline. */
    public record Text(double x, double y, double size, Anchor anchor, boolean bold, String fill, String text)
            implements Shape {
    }

    /**
     * The pack's logo fitted into the box, keeping its proportions. Where the output has no usable logo file (PDF
     * without a PNG), {@code fallback} is written instead in {@code fallbackFill}.
     */
    public record Logo(double x, double y, double w, double h, String fallback, String fallbackFill)
            implements Shape {
    }

    /**
     * A linear barcode: {@code modules[i]} true is a dark module, drawn from {@code x} with {@code module} mm each.
     */
    public record Bars(double x, double y, double module, double height, boolean[] modules, String fill)
            implements Shape {
    }
}
