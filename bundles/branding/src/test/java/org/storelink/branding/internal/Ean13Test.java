package org.storelink.branding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.storelink.model.Gtin;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.FormatException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.EAN13Reader;

class Ean13Test {

    @Test
    void aGtin13HeldAsGtin14LosesItsLeadingZero() {
        Ean13.Result result = Ean13.of(Gtin.parse("6901234567892"));
        assertThat(result.gtin()).isEqualTo("06901234567892");
        assertThat(result.ean13()).contains("6901234567892");
        assertThat(result.reason()).isEmpty();
        // the check digit is the GS1 one: 6 9 0 1 2 3 4 5 6 7 8 9 weighted 1,3,... sums to 98, so 2
        assertThat(Gtin.checkDigit("690123456789")).isEqualTo(2);
        assertThat(Ean13.of(Gtin.parse("06901234567892")).ean13()).contains("6901234567892");
    }

    @Test
    void aUpcAIsPrintedAsEan13WithALeadingZero() {
        assertThat(Ean13.of(Gtin.parse("036000291452")).ean13()).contains("0036000291452");
    }

    @Test
    void caseCodesAndGtin8AreRefusedWithAReason() {
        String caseCode = "1690123456789" + Gtin.checkDigit("1690123456789");
        Ean13.Result refused = Ean13.of(Gtin.parse(caseCode));
        assertThat(refused.ean13()).isEmpty();
        assertThat(refused.reason()).contains("GTIN-14 with packaging indicator 1 identifies a case or pack of trade"
                + " items, which is printed as ITF-14 or GS1-128, not EAN-13");

        assertThat(Ean13.of(Gtin.parse("96385074")).reason())
                .contains("is a GTIN-8 (96385074), printed as an EAN-8 symbol, not EAN-13");

        LabelContent label = LabelContent.of(TestData.item(caseCode, "Tea, case of 24", 8400, null, null),
                PriceFormat.CODE);
        assertThat(label.ean13()).isEmpty();
        assertThat(label.warnings()).containsExactly(caseCode + " (Tea, case of 24): no barcode printed: GTIN-14 with"
                + " packaging indicator 1 identifies a case or pack of trade items, which is printed as ITF-14 or"
                + " GS1-128, not EAN-13");
    }

    @Test
    void theSymbolDecodesBackToTheGtin() throws Exception {
        for (String ean : new String[] {"6901234567892", "0036000291452", TestData.gtin13("400638133393")}) {
            boolean[] modules = Ean13Symbol.modules(ean);
            assertThat(modules).hasSize(95);
            assertThat(decode(image(modules, 3, 80))).isEqualTo(ean);
            assertThat(Gtin.parse(decode(image(modules, 3, 80))).value()).isEqualTo(Gtin.parse(ean).value());
        }
    }

    /** The code modules with GS1 quiet zones, {@code scale} pixels each. */
    static BufferedImage image(boolean[] modules, int scale, int height) {
        int width = (Ean13Symbol.TOTAL_MODULES) * scale;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            int module = x / scale - Ean13Symbol.LEFT_QUIET;
            boolean dark = module >= 0 && module < modules.length && modules[module];
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, dark ? 0x000000 : 0xffffff);
            }
        }
        return image;
    }

    static String decode(BufferedImage image) throws NotFoundException, FormatException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        Result result = new EAN13Reader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return result.getText();
    }
}
