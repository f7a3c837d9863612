package org.storelink.branding.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.storelink.model.AreaProfile;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and checks a branding pack: {@code pack.json} and the font and logo files it names. Every problem is
 * collected with its field, so one round of fixes is enough.
 *
 * <pre>
 * {
 *   "name": "Campus Fresh",
 *   "colours": {"primary": "#0b6e4f", "secondary": "#f2c14e", "text": "#1b1b1b"},
 *   "font": {"family": "DejaVu Sans", "file": "DejaVuSans.ttf"},
 *   "logo": {"svg": "logo.svg", "png": "logo.png"},
 *   "label": {"template": "standard"},
 *   "sign": {"template": "banner", "tagline": "Fresh every day"},
 *   "eligibility": {"minSourcingShare": 0.35, "areas": ["student", "office"]}
 * }
 * </pre>
 */
public final class PackLoader {
    public static final String PACK_FILE = "pack.json";
    public static final String DEFAULT_PACK = "default";

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    /** Goes into SVG attributes and PDF names: letters, digits, spaces and a few marks only. */
    private static final Pattern FAMILY = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,99}");
    private static final int MAX_NAME = 80;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private PackLoader() {
    }

    /** The pack shipped inside this bundle. */
    public static Pack builtIn() {
        return load(PackSource.builtIn(DEFAULT_PACK));
    }

    /**
     * @throws InvalidPackException with every problem found
     */
    public static Pack load(PackSource source) {
        List<String> problems = new ArrayList<>();
        Pack pack = read(source, problems);
        if (!problems.isEmpty() || pack == null) {
            throw new InvalidPackException(source.describe(), problems);
        }
        return pack;
    }

    private static Pack read(PackSource source, List<String> problems) {
        JsonNode root;
        try {
            Optional<byte[]> bytes = source.read(PACK_FILE);
            if (bytes.isEmpty()) {
                problems.add(PACK_FILE + ": not found in " + source.describe());
                return null;
            }
            root = JSON.readTree(bytes.get());
        } catch (JsonProcessingException e) {
            problems.add(PACK_FILE + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
            return null;
        } catch (IOException | IllegalArgumentException e) {
            problems.add(PACK_FILE + ": cannot be read: " + e.getMessage());
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add(PACK_FILE + ": must be a JSON object");
            return null;
        }
        unknown(root, "", problems, "name", "colours", "font", "logo", "label", "sign", "eligibility");

        String name = text(root, "name", "name", true, MAX_NAME, problems);

        JsonNode colourNode = object(root, "colours", "colours", true, problems);
        String primary = null;
        String secondary = null;
        String textColour = null;
        if (colourNode != null) {
            unknown(colourNode, "colours.", problems, "primary", "secondary", "text");
            primary = colour(colourNode, "primary", problems);
            secondary = colour(colourNode, "secondary", problems);
            textColour = colour(colourNode, "text", problems);
        }

        Pack.Font font = null;
        JsonNode fontNode = object(root, "font", "font", true, problems);
        if (fontNode != null) {
            unknown(fontNode, "font.", problems, "family", "file");
            String family = text(fontNode, "family", "font.family", true, 100, problems);
            if (family != null && !FAMILY.matcher(family).matches()) {
                problems.add("font.family: \"" + family + "\" may hold only letters, digits, spaces, '.', '_' and"
                        + " '-'");
                family = null;
            }
            Optional<String> file = Optional.ofNullable(text(fontNode, "file", "font.file", false, 100, problems));
            Optional<byte[]> ttf = file.flatMap(f -> file(source, f, "font.file", problems))
                    .filter(bytes -> trueType(bytes, file.get(), problems));
            if (family != null && (file.isEmpty() || ttf.isPresent())) {
                font = new Pack.Font(family, file, ttf);
            }
        }

        Pack.Logo logo = null;
        JsonNode logoNode = object(root, "logo", "logo", true, problems);
        if (logoNode != null) {
            unknown(logoNode, "logo.", problems, "svg", "png");
            String svgName = text(logoNode, "svg", "logo.svg", false, 100, problems);
            String pngName = text(logoNode, "png", "logo.png", false, 100, problems);
            if (svgName == null && pngName == null && !logoNode.has("svg") && !logoNode.has("png")) {
                problems.add("logo: needs an svg or a png file (both is best: the PDF output uses the png)");
            }
            Optional<byte[]> svg = Optional.ofNullable(svgName).flatMap(f -> file(source, f, "logo.svg", problems))
                    .filter(bytes -> svg(bytes, svgName, problems));
            Optional<byte[]> png = Optional.ofNullable(pngName).flatMap(f -> file(source, f, "logo.png", problems));
            Optional<BufferedImage> image = png.flatMap(bytes -> png(bytes, pngName, problems));
            logo = new Pack.Logo(svg, image.isPresent() ? png : Optional.empty(), image);
        }

        LabelTemplate label = null;
        JsonNode labelNode = object(root, "label", "label", true, problems);
        if (labelNode != null) {
            unknown(labelNode, "label.", problems, "template");
            label = choice(labelNode, "template", "label.template", LabelTemplate.class, LabelTemplate.choices(),
                    problems);
        }

        SignTemplate sign = null;
        Optional<String> tagline = Optional.empty();
        JsonNode signNode = object(root, "sign", "sign", true, problems);
        if (signNode != null) {
            unknown(signNode, "sign.", problems, "template", "tagline");
            sign = choice(signNode, "template", "sign.template", SignTemplate.class, SignTemplate.choices(),
                    problems);
            tagline = Optional.ofNullable(text(signNode, "tagline", "sign.tagline", false, MAX_NAME, problems));
        }

        Pack.Rules rules = rules(root, problems);

        if (!problems.isEmpty()) {
            return null;
        }
        return new Pack(source.describe(), name, new Pack.Colours(primary, secondary, textColour), font, logo, label,
                sign, tagline, rules);
    }

    private static Pack.Rules rules(JsonNode root, List<String> problems) {
        JsonNode node = object(root, "eligibility", "eligibility", false, problems);
        if (node == null) {
            return new Pack.Rules(Optional.empty(), Set.of());
        }
        unknown(node, "eligibility.", problems, "minSourcingShare", "areas");
        Optional<BigDecimal> share = Optional.empty();
        JsonNode shareNode = node.get("minSourcingShare");
        if (shareNode != null && !shareNode.isNull()) {
            if (!shareNode.isNumber()) {
                problems.add("eligibility.minSourcingShare: " + shareNode + " is not a number");
            } else if (shareNode.decimalValue().signum() < 0 || shareNode.decimalValue().compareTo(BigDecimal.ONE) > 0) {
                problems.add("eligibility.minSourcingShare: " + shareNode.decimalValue().toPlainString()
                        + " is not between 0 and 1");
            } else {
                share = Optional.of(shareNode.decimalValue());
            }
        }
        Set<AreaProfile> areas = EnumSet.noneOf(AreaProfile.class);
        JsonNode areaNode = node.get("areas");
        if (areaNode != null && !areaNode.isNull()) {
            if (!areaNode.isArray()) {
                problems.add("eligibility.areas: must be a list of area profiles");
            } else {
                for (int i = 0; i < areaNode.size(); i++) {
                    JsonNode area = areaNode.get(i);
                    try {
                        areas.add(AreaProfile.parse(area.isTextual() ? area.asText() : area.toString()));
                    } catch (IllegalArgumentException e) {
                        problems.add("eligibility.areas[" + i + "]: " + e.getMessage());
                    }
                }
            }
        }
        return new Pack.Rules(share, Set.copyOf(areas));
    }

    private static void unknown(JsonNode node, String prefix, List<String> problems, String... known) {
        Set<String> allowed = Set.of(known);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!allowed.contains(field)) {
                problems.add(prefix + field + ": unknown field (known: " + String.join(", ", known) + ")");
            }
        }
    }

    private static JsonNode object(JsonNode parent, String field, String path, boolean required,
                                   List<String> problems) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(path + ": is required");
            }
            return null;
        }
        if (!node.isObject()) {
            problems.add(path + ": must be an object");
            return null;
        }
        return node;
    }

    private static String text(JsonNode parent, String field, String path, boolean required, int max,
                               List<String> problems) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(path + ": is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            problems.add(path + ": must be text, not " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            return null;
        }
        String value = node.asText().strip();
        if (value.isEmpty()) {
            problems.add(path + ": must not be blank");
            return null;
        }
        if (value.length() > max) {
            problems.add(path + ": is longer than " + max + " characters");
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(path + ": must not contain control characters");
            return null;
        }
        return value;
    }

    private static String colour(JsonNode node, String field, List<String> problems) {
        String value = text(node, field, "colours." + field, true, 20, problems);
        if (value == null) {
            return null;
        }
        if (!COLOUR.matcher(value).matches()) {
            problems.add("colours." + field + ": \"" + value + "\" is not a colour #rrggbb");
            return null;
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E choice(JsonNode node, String field, String path, Class<E> type,
                                                String choices, List<String> problems) {
        String value = text(node, field, path, true, 40, problems);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        problems.add(path + ": \"" + value + "\" is not one of " + choices);
        return null;
    }

    private static Optional<byte[]> file(PackSource source, String name, String path, List<String> problems) {
        try {
            Optional<byte[]> bytes = source.read(name);
            if (bytes.isEmpty()) {
                problems.add(path + ": \"" + name + "\" not found in " + source.describe());
            }
            return bytes;
        } catch (IOException | IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean trueType(byte[] bytes, String name, List<String> problems) {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
            if (font.getUnicodeCmapLookup(false) == null) {
                problems.add("font.file: \"" + name + "\" has no Unicode character map");
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            problems.add("font.file: \"" + name + "\" is not a TrueType font (" + e.getMessage() + ")");
            return false;
        }
    }

    private static boolean svg(byte[] bytes, String name, List<String> problems) {
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            Element root = builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
            String local = root.getLocalName() == null ? root.getTagName() : root.getLocalName();
            if (!"svg".equals(local)) {
                problems.add("logo.svg: \"" + name + "\" is XML, but its root element is <" + local + ">, not <svg>");
                return false;
            }
            return true;
        } catch (SAXException | IOException e) {
            problems.add("logo.svg: \"" + name + "\" is not well-formed SVG: " + e.getMessage());
            return false;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }

    /** No DTDs and no external entities: a pack's SVG is not trusted to reach the file system or the network. */
    static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static Optional<BufferedImage> png(byte[] bytes, String name, List<String> problems) {
        boolean isPng = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N'
                && bytes[3] == 'G';
        if (!isPng) {
            problems.add("logo.png: \"" + name + "\" is not a PNG file");
            return Optional.empty();
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                problems.add("logo.png: \"" + name + "\" cannot be decoded");
            }
            return Optional.ofNullable(image);
        } catch (IOException | RuntimeException e) {
            problems.add("logo.png: \"" + name + "\" cannot be decoded: " + e.getMessage());
            return Optional.empty();
        }
    }
}
