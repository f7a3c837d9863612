package org.storelink.branding.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.storelink.branding.RenderResult;
import org.storelink.branding.internal.Drawing.Anchor;
import org.storelink.branding.internal.Drawing.Bars;
import org.storelink.branding.internal.Drawing.Box;
import org.storelink.branding.internal.Drawing.Logo;
import org.storelink.branding.internal.Drawing.Shape;
import org.storelink.branding.internal.Drawing.Text;

/**
 * Draws {@link Drawing}s into a PDF with PDFBox: labels in an {@link A4Grid}, or a sign on a page of its own size.
 * Text uses the pack's TrueType font (subset embedded) or else Helvetica, whose WinAnsi encoding cannot show every
 * character: those are printed as {@code ?} and reported, never dropped silently.
 */
public final class PdfRenderer implements AutoCloseable {
    private static final float POINTS_PER_MM = 72f / 25.4f;

    private final PDDocument document = new PDDocument();
    private final Pack pack;
    private final PDFont regular;
    private final PDFont bold;
    private final String fontName;
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private final Set<String> missing = new TreeSet<>();
    private final List<String> warnings = new ArrayList<>();
    private PDImageXObject logo;

    public PdfRenderer(Pack pack, String title) throws IOException {
        this.pack = pack;
        if (pack.font().ttf().isPresent()) {
            regular = PDType0Font.load(document, new ByteArrayInputStream(pack.font().ttf().get()), true);
            bold = regular;
            fontName = pack.font().file().orElse(pack.font().family());
        } else {
            regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            fontName = "Helvetica";
        }
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(title);
        information.setCreator("storelink branding (" + pack.name() + ")");
    }

    /** Widths with the fonts this PDF uses, so layouts fit what is printed. */
    public TextFit.Measure measure() {
        return (text, size, isBold) -> HelveticaMeasure.width(isBold ? bold : regular, printable(text, false), size);
    }

    /** Lays out and draws the labels, {@code grid.perPage()} to a page, with a footer naming the page. */
    public RenderResult labels(List<LabelContent> labels, A4Grid grid, Function<LabelContent, Drawing> layout,
                               String footer, OutputStream out) throws IOException {
        int pages = grid.pages(labels.size());
        PDPageContentStream stream = null;
        PDPage page;
        try {
            for (int i = 0; i < labels.size(); i++) {
                if (i % grid.perPage() == 0) {
                    if (stream != null) {
                        stream.close();
                    }
                    page = new PDPage(new PDRectangle(pt(A4Grid.PAGE_WIDTH), pt(A4Grid.PAGE_HEIGHT)));
                    document.addPage(page);
                    stream = new PDPageContentStream(document, page);
                    int number = i / grid.perPage() + 1;
                    draw(stream, new Text(A4Grid.MARGIN, A4Grid.PAGE_HEIGHT - 4, 2.5, Anchor.START, false, "#808080",
                            footer + " - page " + number + " of " + pages), A4Grid.PAGE_HEIGHT, 0, 0);
                }
                LabelContent label = labels.get(i);
                warnings.addAll(label.warnings());
                draw(stream, layout.apply(label), A4Grid.PAGE_HEIGHT, grid.x(i), grid.y(i));
            }
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
        save(out);
        return new RenderResult(labels.size(), pages, warnings());
    }

    /** One page the size of the drawing. */
    public RenderResult single(Drawing drawing, OutputStream out) throws IOException {
        PDPage page = new PDPage(new PDRectangle(pt(drawing.width()), pt(drawing.height())));
        document.addPage(page);
        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
            draw(stream, drawing, drawing.height(), 0, 0);
        }
        save(out);
        return new RenderResult(0, 1, warnings());
    }

    private void save(OutputStream out) throws IOException {
        document.save(out);
    }

    private List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (!missing.isEmpty()) {
            all.add("the PDF font " + fontName + " has no glyph for " + missing.size() + " character(s) ("
                    + String.join(" ", missing.stream().limit(10).toList()) + (missing.size() > 10 ? " ..." : "")
                    + "), printed as '?': give the pack a TrueType font (font.file) that has them");
        }
        return all;
    }

    private void draw(PDPageContentStream stream, Drawing drawing, double pageHeight, double ox, double oy)
            throws IOException {
        for (Shape shape : drawing.shapes()) {
            draw(stream, shape, pageHeight, ox, oy);
        }
    }

    private void draw(PDPageContentStream stream, Shape shape, double pageHeight, double ox, double oy)
            throws IOException {
        if (shape instanceof Box box) {
            rectangle(stream, ox + box.x(), pageHeight - oy - box.y() - box.h(), box.w(), box.h(), box.radius());
            if (box.fill() != null) {
                stream.setNonStrokingColor(colour(box.fill()));
            }
            if (box.stroke() != null) {
                stream.setStrokingColor(colour(box.stroke()));
                stream.setLineWidth(pt(0.2));
            }
            if (box.fill() != null && box.stroke() != null) {
                stream.fillAndStroke();
            } else if (box.fill() != null) {
                stream.fill();
            } else if (box.stroke() != null) {
                stream.stroke();
            }
        } else if (shape instanceof Text text) {
            String printable = printable(text.text(), true);
            PDFont font = text.bold() ? bold : regular;
            double width = HelveticaMeasure.width(font, printable, text.size());
            double x = ox + text.x() - (text.anchor() == Anchor.END ? width
                    : text.anchor() == Anchor.MIDDLE ? width / 2 : 0);
            stream.beginText();
            stream.setFont(font, pt(text.size()));
            stream.setNonStrokingColor(colour(text.fill()));
            stream.newLineAtOffset(pt(x), pt(pageHeight - oy - text.y()));
            stream.showText(printable);
            stream.endText();
        } else if (shape instanceof Logo box) {
            logo(stream, box, pageHeight, ox, oy);
        } else if (shape instanceof Bars bars) {
            stream.setNonStrokingColor(colour(bars.fill()));
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
                stream.addRect(pt(ox + bars.x() + start * bars.module()),
                        pt(pageHeight - oy - bars.y() - bars.height()), pt((i - start) * bars.module()),
                        pt(bars.height()));
            }
            stream.fill();
        }
    }

    private void logo(PDPageContentStream stream, Logo box, double pageHeight, double ox, double oy)
            throws IOException {
        if (pack.logo().image().isEmpty()) {
            String fallback = "the pack has no PNG logo: the PDF shows the pack's name in its place";
            if (!warnings.contains(fallback)) {
                warnings.add(fallback);
            }
            double size = TextFit.size(box.fallback(), box.w(), 0.6 * box.h(), 0.2 * box.h(), true, measure());
            draw(stream, new Text(box.x(), box.y() + box.h() / 2 + 0.36 * size, size, Anchor.START, true,
                    box.fallbackFill(), TextFit.cut(box.fallback(), box.w(), size, true, measure())), pageHeight, ox,
                    oy);
            return;
        }
        BufferedImage image = pack.logo().image().get();
        if (logo == null) {
            logo = LosslessFactory.createFromImage(document, image);
        }
        double scale = Math.min(box.w() / image.getWidth(), box.h() / image.getHeight());
        double w = image.getWidth() * scale;
        double h = image.getHeight() * scale;
        double y = box.y() + (box.h() - h) / 2;
        stream.drawImage(logo, pt(ox + box.x()), pt(pageHeight - oy - y - h), pt(w), pt(h));
    }

    private static void rectangle(PDPageContentStream stream, double x, double y, double w, double h, double r)
            throws IOException {
        if (r <= 0) {
            stream.addRect(pt(x), pt(y), pt(w), pt(h));
            return;
        }
        // a rounded rectangle from four Bezier quarter circles (k = 0.5523 approximates a circle)
        double k = 0.5523 * r;
        stream.moveTo(pt(x + r), pt(y));
        stream.lineTo(pt(x + w - r), pt(y));
        stream.curveTo(pt(x + w - r + k), pt(y), pt(x + w), pt(y + r - k), pt(x + w), pt(y + r));
        stream.lineTo(pt(x + w), pt(y + h - r));
        stream.curveTo(pt(x + w), pt(y + h - r + k), pt(x + w - r + k), pt(y + h), pt(x + w - r), pt(y + h));
        stream.lineTo(pt(x + r), pt(y + h));
        stream.curveTo(pt(x + r - k), pt(y + h), pt(x), pt(y + h - r + k), pt(x), pt(y + h - r));
        stream.lineTo(pt(x), pt(y + r));
        stream.curveTo(pt(x), pt(y + r - k), pt(x + r - k), pt(y), pt(x + r), pt(y));
        stream.closePath();
    }

    /** The text with each character the font cannot show replaced by '?' (and remembered, when printing). */
    private String printable(String text, boolean remember) {
        StringBuilder printable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (encodable.computeIfAbsent(codePoint, this::canEncode)) {
                printable.appendCodePoint(codePoint);
            } else {
                printable.append('?');
                if (remember) {
                    missing.add(new String(Character.toChars(codePoint)));
                }
            }
        }
        return printable.toString();
    }

    private boolean canEncode(int codePoint) {
        String character = new String(Character.toChars(codePoint));
        try {
            regular.encode(character);
            if (bold != regular) {
                bold.encode(character);
            }
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static Color colour(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }

    private static float pt(double mm) {
        return (float) (mm * POINTS_PER_MM);
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
