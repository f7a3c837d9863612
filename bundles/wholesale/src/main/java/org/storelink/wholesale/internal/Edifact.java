package org.storelink.wholesale.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.Location;

/**
 * EDIFACT interchanges as lists of segments, written with StAEDI's {@link EDIStreamWriter} (which escapes and
 * delimits) and read with its {@link EDIStreamReader} (which checks the envelope: UNB/UNZ, UNH/UNT and their
 * counts and references).
 */
final class Edifact {
    /** The interchange character set: ISO 8859-1, syntax level C. */
    static final String CHARSET = "ISO-8859-1";

    /** One segment: its tag and its elements, each a list of components (a simple element has one). */
    record Segment(String tag, List<List<String>> elements) {

        static Segment of(String tag, Object... elements) {
            List<List<String>> list = new ArrayList<>();
            for (Object element : elements) {
                if (element instanceof List<?> components) {
                    list.add(components.stream().map(String::valueOf).toList());
                } else {
                    list.add(List.of(element == null ? "" : element.toString()));
                }
            }
            return new Segment(tag, list);
        }

        /** The component (1-based positions), or "" when absent. */
        String value(int element, int component) {
            if (element < 1 || element > elements.size()) {
                return "";
            }
            List<String> components = elements.get(element - 1);
            return component < 1 || component > components.size() ? "" : components.get(component - 1);
        }

        String value(int element) {
            return value(element, 1);
        }
    }

    /** Thrown when an interchange cannot be read, naming where. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private Edifact() {
    }

    static byte[] write(List<Segment> segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        try {
            EDIStreamWriter writer = factory.createEDIStreamWriter(out, CHARSET);
            // the envelope (UNB ... UNZ, UNH ... UNT) is checked against StAEDI's EDIFACT syntax 3 control schema
            writer.setControlSchema(SchemaFactory.newFactory().getControlSchema(
                    EDIStreamConstants.Standards.EDIFACT, new String[] {"UNOC", "3"}));
            writer.startInterchange();
            for (Segment segment : segments) {
                writer.writeStartSegment(segment.tag());
                for (List<String> element : segment.elements()) {
                    if (element.size() == 1) {
                        writer.writeElement(element.get(0));
                    } else {
                        writer.writeStartElement();
                        for (String component : element) {
                            writer.writeComponent(component);
                        }
                        writer.endElement();
                    }
                }
                writer.writeEndSegment();
            }
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException | EDISchemaException e) {
            throw new IllegalStateException("EDIFACT: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Reads every segment of the interchange, or names the first problem the reader reports. */
    static List<Segment> read(byte[] interchange) throws MalformedException {
        List<Segment> segments = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(interchange), CHARSET)) {
            String tag = null;
            List<List<String>> elements = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event.isError()) {
                    throw new MalformedException(where(reader.getLocation()) + reader.getErrorType().name()
                            .toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + (reader.hasText() ? " ('" + reader.getText() + "')" : ""));
                }
                switch (event) {
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        elements = new ArrayList<>();
                    }
                    case END_SEGMENT -> {
                        segments.add(new Segment(tag, trim(elements)));
                        tag = null;
                        elements = null;
                    }
                    case ELEMENT_DATA -> {
                        if (elements != null) {
                            Location location = reader.getLocation();
                            put(elements, location.getElementPosition(), location.getComponentPosition(),
                                    reader.getText());
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException e) {
            throw new MalformedException("not a readable EDIFACT interchange: " + e.getMessage());
        } catch (IOException e) {
            throw new MalformedException("not a readable EDIFACT interchange: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new MalformedException("not a readable EDIFACT interchange: " + e);
        }
        if (segments.isEmpty()) {
            throw new MalformedException("no EDIFACT segments");
        }
        return segments;
    }

    private static void put(List<List<String>> elements, int element, int component, String text) {
        while (elements.size() < element) {
            elements.add(new ArrayList<>());
        }
        List<String> components = elements.get(element - 1);
        int position = Math.max(component, 1);
        while (components.size() < position) {
            components.add("");
        }
        components.set(position - 1, text == null ? "" : text);
    }

    private static List<List<String>> trim(List<List<String>> elements) {
        return elements.stream().map(List::copyOf).toList();
    }

    private static String where(Location location) {
        if (location == null) {
            return "";
        }
        return "segment " + location.getSegmentPosition() + (location.getSegmentTag() == null ? ""
                : " (" + location.getSegmentTag() + ")") + (location.getElementPosition() > 0
                ? " element " + location.getElementPosition() : "") + ": ";
    }
}
