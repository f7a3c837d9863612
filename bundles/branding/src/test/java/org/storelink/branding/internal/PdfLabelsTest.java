package org.storelink.branding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.storelink.branding.NotEligibleException;
import org.storelink.branding.RenderResult;
import org.storelink.branding.ShelfItem;
import org.storelink.branding.ShelfItems;

class PdfLabelsTest {
    private static final int DPI = 300;

    /** 20 products: one more page than the 18 labels of 60x40 mm an A4 page holds. */
    private static List<ShelfItem> twentyItems() {
        List<ShelfItem> items = new ArrayList<>();
        items.add(TestData.item("6901234567892", "Green tea 500ml", 350, "0.5 L", "2 for 1"));
        for (int i = 1; i < 20; i++) {
            String gtin = TestData.gtin13(String.format("69012345%04d", i));
            items.add(TestData.item(gtin, "Product " + i, 100 + i, null, null));
        }
        return items;
    }

    private static BrandingEngine engine(List<ShelfItem> items) {
        ShelfItems source = storeId -> items;
        return new BrandingEngine(TestData.settings(BigDecimal.ZERO, Map.of(), null), TestData.stores(), source);
    }

    @Test
    void labelsFillA4PagesInAGridWithTheirText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderResult result = engine(twentyItems()).labelsPdf("sh-campus-001", out);

        assertThat(result.labels()).isEqualTo(20);
        assertThat(result.pages()).isEqualTo(2);
        assertThat(result.warnings()).isEmpty();
        assertThat(A4Grid.of(60, 40)).satisfies(grid -> {
            assertThat(grid.columns()).isEqualTo(3);
            assertThat(grid.rows()).isEqualTo(6);
        });
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(pdf);
            assertThat(first).contains("Green tea 500ml", "CNY 3.50", "CNY 7.00/L", "2 for 1", "6901234567892",
                    "Product 17", "sh-campus-001 - storelink corner shop - page 1 of 2");
            assertThat(first).doesNotContain("Product 18");
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(pdf)).contains("Product 18", "Product 19", "CNY 1.19", "page 2 of 2");
        }
    }

    @Test
    void theRenderedBarcodeScansBackToTheGtin() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine(twentyItems()).labelsPdf("sh-campus-001", out);

        A4Grid grid = A4Grid.of(60, 40);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, DPI, ImageType.RGB);
            // the first label (Green tea) and the fifth (Product 4), each decoded from its own cell
            assertThat(Ean13Test.decode(cell(page, grid, 0))).isEqualTo("6901234567892");
            assertThat(Ean13Test.decode(cell(page, grid, 4))).isEqualTo(TestData.gtin13("690123450004"));
        }
    }

    private static BufferedImage cell(BufferedImage page, A4Grid grid, int index) {
        return page.getSubimage(px(grid.x(index)), px(grid.y(index)), px(grid.labelWidth()), px(grid.labelHeight()));
    }

    private static int px(double mm) {
        return (int) Math.round(mm / 25.4 * DPI);
    }

    @Test
    void charactersHelveticaCannotShowAreReportedNotDropped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderResult result = engine(List.of(TestData.item("6901234567892", "绿茶 500ml", 350, "0.5 L", null)))
                .labelsPdf("sh-campus-001", out);

        assertThat(result.pages()).isEqualTo(1);
        assertThat(result.warnings()).containsExactly("the PDF font Helvetica has no glyph for 2 character(s) (绿 茶),"
                + " printed as '?': give the pack a TrueType font (font.file) that has them");
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("?? 500ml");
        }
    }

    @Test
    void theSignIsOnePageOfItsOwnSize() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderResult result = engine(List.of()).signPdf("sh-campus-001", out);

        assertThat(result.pages()).isEqualTo(1);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(1000 / 25.4f * 72,
                    org.assertj.core.data.Offset.offset(0.1f));
            assertThat(new PDFTextStripper().getText(pdf)).contains("Fudan Gate Corner Shop",
                    "Your corner shop, on storelink");
        }
    }

    @Test
    void noProductsIsAClearErrorNotAnEmptyPdf() {
        assertThatThrownBy(() -> engine(List.of()).labelsPdf("sh-campus-001", new ByteArrayOutputStream()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sh-campus-001 has no products to label: no shelf items are known for it (from the"
                        + " ledger: no sales with a price in the last 28 days)");
    }

    @Test
    void anIneligibleStoreGetsNoLabels() {
        BrandingEngine strict = new BrandingEngine(TestData.settings(new BigDecimal("0.35"),
                Map.of("sh-campus-001", new BigDecimal("0.2")), null), TestData.stores(), storeId -> twentyItems());

        assertThatThrownBy(() -> strict.labelsPdf("sh-campus-001", new ByteArrayOutputStream()))
                .isInstanceOf(NotEligibleException.class)
                .hasMessage("sh-campus-001 sources 20% through the platform, region east requires 35%");
        assertThatThrownBy(() -> strict.labelsSvg("sh-campus-001")).isInstanceOf(NotEligibleException.class);
        assertThatThrownBy(() -> strict.signSvg("sh-campus-001", new ByteArrayOutputStream()))
                .isInstanceOf(NotEligibleException.class);
        assertThatThrownBy(() -> strict.eligibility("cd-office-001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store cd-office-001 is in region west, not east");
    }

    @Test
    void svgLabelsAreOnePerProduct() {
        assertThat(engine(twentyItems()).labelsSvg("sh-campus-001")).hasSize(20)
                .first().satisfies(label -> {
                    assertThat(label.gtin()).isEqualTo("06901234567892");
                    assertThat(label.svg()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg");
                });
    }
}
