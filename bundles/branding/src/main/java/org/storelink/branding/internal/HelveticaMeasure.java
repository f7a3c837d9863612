package org.storelink.branding.internal;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Text widths from Helvetica's metrics (shipped with PDFBox); a character Helvetica has no glyph for, such as a
 * Chinese one, counts as one em, which is what CJK fonts give it.
 */
final class HelveticaMeasure implements TextFit.Measure {
    static final HelveticaMeasure INSTANCE = new HelveticaMeasure();

    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private HelveticaMeasure() {
    }

    @Override
    public double width(String text, double size, boolean isBold) {
        return width(isBold ? bold : regular, text, size);
    }

    /** Width in the size's unit; unencodable characters count one em. */
    static double width(PDFont font, String text, double size) {
        double units = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            try {
                units += font.getStringWidth(character);
            } catch (IllegalArgumentException | IOException e) {
                units += 1000;
            }
            i += Character.charCount(codePoint);
        }
        return units / 1000 * size;
    }
}
