package org.storelink.branding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgRendererTest {
    private static final String NASTY = "Tea <b>\"Milk\"</b> & Co\u0007 <script>alert(1)</script>";

    private static Document parse(String svg) throws Exception {
        return PackLoader.secureFactory().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document document) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void aLabelIsWellFormedSvgWithItsTextEscaped() throws Exception {
        Pack pack = PackLoader.builtIn();
        LabelContent content = LabelContent.of(TestData.item("6901234567892", NASTY, 350, "0.5 L", "2 for 1 & <more>"),
                PriceFormat.CODE);
        // wide enough that the name is not wrapped
        String svg = new SvgRenderer(pack).toString(LabelLayout.layout(content, pack, 190, 60, SvgRenderer.measure()));

        assertThat(svg).doesNotContain("<b>").doesNotContain("<script>").doesNotContain("\u0007")
                .contains("&lt;b&gt;").contains("&amp; Co");
        Document document = parse(svg);
        Element root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("width")).isEqualTo("190mm");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 190 60");
        String cleaned = "Tea <b>\"Milk\"</b> & Co <script>alert(1)</script>";
        assertThat(document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent())
                .isEqualTo(cleaned);
        assertThat(texts(document)).contains(cleaned, "CNY 3.50", "CNY 7.00/L", "6901234567892", "2 for 1 & <more>");
        assertThat(document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "script").getLength()).isZero();
    }

    @Test
    void theLogoIsEmbeddedAsADataUriNotAsMarkup() throws Exception {
        Pack pack = PackLoader.builtIn();
        String svg = new SvgRenderer(pack).toString(LabelLayout.layout(
                LabelContent.of(TestData.item("6901234567892", "Tea", 350, null, null), PriceFormat.CODE), pack, 60, 40,
                SvgRenderer.measure()));
        Element image = (Element) parse(svg).getElementsByTagNameNS("http://www.w3.org/2000/svg", "image").item(0);

        String href = image.getAttribute("href");
        assertThat(href).startsWith("data:image/svg+xml;base64,");
        assertThat(Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1)))
                .isEqualTo(pack.logo().svg().orElseThrow());
        assertThat(image.getAttributeNS("http://www.w3.org/1999/xlink", "href")).isEqualTo(href);
    }

    @Test
    void theBarsAreTheEan13Modules() throws Exception {
        Pack pack = PackLoader.builtIn();
        Drawing drawing = LabelLayout.layout(LabelContent.of(TestData.item("6901234567892", "Tea", 350, null, null),
                PriceFormat.CODE), pack, 60, 40, SvgRenderer.measure());
        Drawing.Bars bars = drawing.shapes().stream().filter(Drawing.Bars.class::isInstance)
                .map(Drawing.Bars.class::cast).findFirst().orElseThrow();

        assertThat(bars.modules()).isEqualTo(Ean13Symbol.modules("6901234567892"));
        // 80% of the nominal size at least, and the quiet zones inside the label
        assertThat(bars.module()).isGreaterThanOrEqualTo(0.8 * Ean13Symbol.NOMINAL_MODULE_MM);
        assertThat(bars.x() - Ean13Symbol.LEFT_QUIET * bars.module()).isGreaterThanOrEqualTo(0);
        assertThat(bars.x() + (95 + Ean13Symbol.RIGHT_QUIET) * bars.module()).isLessThanOrEqualTo(60);
    }

    @Test
    void theSignIsWellFormedSvgAndNamesTheStore() throws Exception {
        Pack pack = PackLoader.builtIn();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SvgRenderer(pack).write(SignLayout.layout("Li's \"Best\" <Corner> & Co", pack, SvgRenderer.measure()),
                out);

        Document document = parse(out.toString(StandardCharsets.UTF_8));
        assertThat(document.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 1000 300");
        assertThat(texts(document)).containsExactly("Li's \"Best\" <Corner> & Co", "Your corner shop, on storelink");
    }

    @Test
    void longNamesWrapAndAreCut() {
        TextFit.Measure measure = SvgRenderer.measure();
        List<String> lines = TextFit.wrap("Organic jasmine green tea with honey and lemon, family size bottle, limited edition", 50,
                3.2, 2, false, measure);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("Organic jasmine green tea with");
        assertThat(lines.get(1)).endsWith("…");
        lines.forEach(line -> assertThat(measure.width(line, 3.2, false)).isLessThanOrEqualTo(50));
        assertThat(TextFit.wrap("绿茶饮料五百毫升装超值家庭装特惠包装", 20, 3, 2, false, measure))
                .allSatisfy(line -> assertThat(measure.width(line, 3, false)).isLessThanOrEqualTo(20));
    }
}
