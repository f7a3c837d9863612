package org.storelink.branding.command;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.storelink.branding.Branding;
import org.storelink.branding.Eligibility;
import org.storelink.branding.LabelSvg;
import org.storelink.branding.NotEligibleException;
import org.storelink.branding.RegionalBranding;
import org.storelink.branding.RenderResult;

@Service
@Command(scope = "storelink", name = "labels",
        description = "Writes a store's shelf labels (PDF on A4 pages, or one SVG per label) and its storefront sign"
                + " in its region's branding pack.")
public class LabelsCommand implements Action {

    @Argument(index = 0, name = "store", required = true, description = "Store id")
    String store;

    @Option(name = "--out", description = "PDF file for the labels, laid out in a grid on A4 pages")
    String out;

    @Option(name = "--svg", description = "Folder for the labels as SVG, one <GTIN>.svg per label")
    String svg;

    @Option(name = "--sign", description = "File for the storefront sign: .svg or .pdf")
    String sign;

    @Reference
    Branding branding;

    @Override
    public Object execute() throws IOException {
        if (out == null && svg == null && sign == null) {
            throw new IllegalArgumentException("nothing to write: give --out FILE.pdf, --svg DIR and/or"
                    + " --sign FILE.svg|FILE.pdf");
        }
        if (out != null && !out.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            throw new IllegalArgumentException("--out: \"" + out + "\" must name a .pdf file");
        }
        String signType = sign == null ? null : sign.toLowerCase(Locale.ROOT).endsWith(".svg") ? "svg"
                : sign.toLowerCase(Locale.ROOT).endsWith(".pdf") ? "pdf" : null;
        if (sign != null && signType == null) {
            throw new IllegalArgumentException("--sign: \"" + sign + "\" must name a .svg or .pdf file");
        }
        RegionalBranding regional = branding.forStore(store);
        Eligibility eligibility = regional.eligibility(store);
        if (!eligibility.eligible()) {
            throw new NotEligibleException(eligibility);
        }
        System.out.println("Store: " + store + "   Region: " + regional.region() + "   Pack: " + regional.packName());
        System.out.println("Eligible: " + eligibility.reason());
        Set<String> warnings = new LinkedHashSet<>();
        if (out != null) {
            Path file = Path.of(out).toAbsolutePath();
            RenderResult result = write(file, stream -> regional.labelsPdf(store, stream));
            warnings.addAll(result.warnings());
            System.out.println("Labels: " + result.labels() + " on " + result.pages() + " A4 page"
                    + (result.pages() == 1 ? "" : "s") + " -> " + file);
        }
        if (svg != null) {
            Path folder = Path.of(svg).toAbsolutePath();
            Files.createDirectories(folder);
            List<LabelSvg> labels = regional.labelsSvg(store);
            for (LabelSvg label : labels) {
                byte[] bytes = label.svg().getBytes(StandardCharsets.UTF_8);
                write(folder.resolve(label.gtin() + ".svg"), stream -> {
                    stream.write(bytes);
                    return null;
                });
            }
            System.out.println("Labels: " + labels.size() + " SVG file" + (labels.size() == 1 ? "" : "s") + " -> "
                    + folder);
        }
        if (sign != null) {
            Path file = Path.of(sign).toAbsolutePath();
            RenderResult result = write(file, stream -> signType.equals("svg") ? regional.signSvg(store, stream)
                    : regional.signPdf(store, stream));
            warnings.addAll(result.warnings());
            System.out.println("Sign: " + signType.toUpperCase(Locale.ROOT) + " -> " + file);
        }
        for (String warning : warnings) {
            System.out.println("Warning: " + warning);
        }
        return null;
    }

    private interface Writing<T> {
        T to(OutputStream stream) throws IOException;
    }

    /** Written beside the target and moved over it, so a failed run leaves no half-written file. */
    private static <T> T write(Path file, Writing<T> writing) throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path partial = Files.createTempFile(parent, "." + file.getFileName(), ".partial");
        try {
            T result;
            try (OutputStream stream = Files.newOutputStream(partial)) {
                result = writing.to(stream);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
