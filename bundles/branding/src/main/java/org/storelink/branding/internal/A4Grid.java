package org.storelink.branding.internal;

/**
 * Labels in a grid on A4 portrait pages, 10 mm margins, no gutter (labels are cut along shared lines), centred.
 */
public record A4Grid(double labelWidth, double labelHeight, int columns, int rows, double left, double top) {
    public static final double PAGE_WIDTH = 210;
    public static final double PAGE_HEIGHT = 297;
    public static final double MARGIN = 10;
    public static final double USABLE_WIDTH = PAGE_WIDTH - 2 * MARGIN;
    public static final double USABLE_HEIGHT = PAGE_HEIGHT - 2 * MARGIN;

    public static A4Grid of(double labelWidth, double labelHeight) {
        int columns = (int) Math.floor(USABLE_WIDTH / labelWidth + 1e-9);
        int rows = (int) Math.floor(USABLE_HEIGHT / labelHeight + 1e-9);
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("a " + labelWidth + "x" + labelHeight + " mm label does not fit on A4");
        }
        return new A4Grid(labelWidth, labelHeight, columns, rows, (PAGE_WIDTH - columns * labelWidth) / 2,
                (PAGE_HEIGHT - rows * labelHeight) / 2);
    }

    public int perPage() {
        return columns * rows;
    }

    public int pages(int labels) {
        return (labels + perPage() - 1) / perPage();
    }

    /** Top-left corner of the label at {@code index} on its page, in mm from the page's top-left. */
    public double x(int index) {
        return left + (index % perPage()) % columns * labelWidth;
    }

    public double y(int index) {
        return top + (index % perPage()) / columns * labelHeight;
    }
}
