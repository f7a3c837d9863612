package org.storelink.branding.internal;

import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.storelink.branding.internal.Drawing.Bars;
import org.storelink.branding.internal.Drawing.Box;
import org.storelink.branding.internal.Drawing.Logo;
import org.storelink.branding.internal.Drawing.Shape;
import org.storelink.branding.internal.Drawing.Text;

/**
 * Writes a {@link Drawing} as a standalone SVG document, 1 user unit = 1 mm. All text goes through
 * {@link XMLStreamWriter}, which escapes it; the logo is embedded as a data URI in an {@code <image>}, so markup in a
 * pack's SVG can never become part of the document.
 */
public final class SvgRenderer {
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    /** The JDK's own writer: its escaping is what the tests check, whatever StAX provider the container has. */
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final Pack pack;
    private final String fontFamily;

    public SvgRenderer(Pack pack) {
        this.pack = pack;
        this.fontFamily = "'" + pack.font().family() + "', Helvetica, Arial, sans-serif";
    }

    /** The width estimate SVG layouts use: the viewer's font is unknown, Helvetica's metrics are close enough. */
    public static TextFit.Measure measure() {
        return HelveticaMeasure.INSTANCE;
    }

    public String toString(Drawing drawing) {
        StringWriter out = new StringWriter();
        write(drawing, out);
        return out.toString();
    }

    public void write(Drawing drawing, OutputStream out) {
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            document(drawing, xml);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("SVG could not be written: " + e.getMessage(), e);
        }
    }

    public void write(Drawing drawing, Writer out) {
        try {
            document(drawing, OUTPUT.createXMLStreamWriter(out));
        } catch (XMLStreamException e) {
            throw new IllegalStateException("SVG could not be written: " + e.getMessage(), e);
        }
    }

    private void document(Drawing drawing, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(SVG);
        xml.setPrefix("xlink", XLINK);
        xml.writeStartElement(SVG, "svg");
        xml.writeDefaultNamespace(SVG);
        xml.writeNamespace("xlink", XLINK);
        xml.writeAttribute("version", "1.1");
        xml.writeAttribute("width", num(drawing.width()) + "mm");
        xml.writeAttribute("height", num(drawing.height()) + "mm");
        xml.writeAttribute("viewBox", "0 0 " + num(drawing.width()) + " " + num(drawing.height()));
        xml.writeStartElement(SVG, "title");
        xml.writeCharacters(drawing.title());
        xml.writeEndElement();
        for (Shape shape : drawing.shapes()) {
            if (shape instanceof Box box) {
                box(box, xml);
            } else if (shape instanceof Text text) {
                text(text, xml);
            } else if (shape instanceof Logo logo) {
                logo(logo, xml);
            } else if (shape instanceof Bars bars) {
                bars(bars, xml);
            }
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private static void box(Box box, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEmptyElement(SVG, "rect");
        xml.writeAttribute("x", num(box.x()));
        xml.writeAttribute("y", num(box.y()));
        xml.writeAttribute("width", num(box.w()));
        xml.writeAttribute("height", num(box.h()));
        if (box.radius() > 0) {
            xml.writeAttribute("rx", num(box.radius()));
        }
        xml.writeAttribute("fill", box.fill() == null ? "none" : box.fill());
        if (box.stroke() != null) {
            xml.writeAttribute("stroke", box.stroke());
            xml.writeAttribute("stroke-width", "0.2");
        }
    }

    private void text(Text text, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement(SVG, "text");
        xml.writeAttribute("x", num(text.x()));
        xml.writeAttribute("y", num(text.y()));
        xml.writeAttribute("font-family", fontFamily);
        xml.writeAttribute("font-size", num(text.size()));
        if (text.bold()) {
            xml.writeAttribute("font-weight", "bold");
        }
        xml.writeAttribute("fill", text.fill());
        if (text.anchor() != Drawing.Anchor.START) {
            xml.writeAttribute("text-anchor", text.anchor().name().toLowerCase(Locale.ROOT));
        }
        xml.writeCharacters(text.text());
        xml.writeEndElement();
    }

    private void logo(Logo logo, XMLStreamWriter xml) throws XMLStreamException {
        String uri = pack.logo().svg().map(svg -> "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg))
                .orElseGet(() -> "data:image/png;base64," + Base64.getEncoder().encodeToString(pack.logo().png()
                        .orElseThrow()));
        xml.writeEmptyElement(SVG, "image");
        xml.writeAttribute("x", num(logo.x()));
        xml.writeAttribute("y", num(logo.y()));
        xml.writeAttribute("width", num(logo.w()));
        xml.writeAttribute("height", num(logo.h()));
        xml.writeAttribute("preserveAspectRatio", "xMinYMid meet");
        xml.writeAttribute("href", uri);
        xml.writeAttribute(XLINK, "href", uri);
    }

    private static void bars(Bars bars, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement(SVG, "g");
        xml.writeAttribute("fill", bars.fill());
        xml.writeAttribute("shape-rendering", "crispEdges");
        boolean[] modules = bars.modules();
        int i = 0;
        while (i < modules.length) {
            if (!modules[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < modules.length && modules[i]) {
                i++;
            }
            xml.writeEmptyElement(SVG, "rect");
            xml.writeAttribute("x", num(bars.x() + start * bars.module()));
            xml.writeAttribute("y", num(bars.y()));
            xml.writeAttribute("width", num((i - start) * bars.module()));
            xml.writeAttribute("height", num(bars.height()));
        }
        xml.writeEndElement();
    }

    static String num(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}
