package org.storelink.pos.poslog.internal;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.storelink.spi.SourceTransaction;
import org.storelink.spi.UnreadableSourceException;

/**
 * Streams a POSLog document with StAX: each {@code Transaction} is read into a small tree, mapped, handed to the
 * sink and dropped before the next one is read, so memory does not grow with the file. Limits on one transaction's
 * size and nesting keep hostile input from growing that tree without bound.
 */
final class PoslogReader {

    static final String IXRETAIL = "http://www.nrf-arts.org/IXRetail/namespace/";
    static final String ROOT = "POSLog";
    static final String TRANSACTION = "Transaction";

    /** Nesting below a Transaction; real ones are under 10 deep. */
    static final int MAX_DEPTH = 64;
    /** Elements in one Transaction; a large NCR ACS basket with per-item loyalty detail has a few thousand. */
    static final int MAX_ELEMENTS = 100_000;
    /** Characters kept of one element's text; longer text is cut and never matches a value. */
    static final int MAX_TEXT = 1_000;
    /** Characters of text and attributes kept for one Transaction. */
    static final long MAX_CHARS = 4_000_000;

    private final ReadSettings settings;
    private final Consumer<SourceTransaction> sink;
    private final ReadStats stats;
    private XmlDecoding decoding;
    private XMLStreamReader xml;
    private int handedOver;

    PoslogReader(ReadSettings settings, Consumer<SourceTransaction> sink, ReadStats stats) {
        this.settings = settings;
        this.sink = sink;
        this.stats = stats;
    }

    void read(InputStream source) throws IOException, UnreadableSourceException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        // No DTDs, so no entity expansion and no external entities (XXE).
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        try {
            decoding = XmlDecoding.of(source);
        } catch (IllegalArgumentException e) {
            throw new UnreadableSourceException(prefix() + ": " + e.getMessage(), e);
        }
        try {
            xml = factory.createXMLStreamReader(decoding);
        } catch (XMLStreamException | RuntimeException e) {
            throw unreadable(e);
        }
        try {
            readDocument();
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException | RuntimeException e) {
                // closing a reader that failed; nothing more to report
            }
        }
    }

    private void readDocument() throws IOException, UnreadableSourceException {
        int event = next();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new UnreadableSourceException(prefix() + ": no root element, so not a POSLog document");
            }
            event = next();
        }
        String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
        String root = xml.getLocalName();
        if (!(ns.equals(IXRETAIL) || ns.isEmpty()) || !(root.equals(ROOT) || root.equals(TRANSACTION))) {
            throw new UnreadableSourceException(prefix() + " line " + xml.getLocation().getLineNumber()
                    + ", column " + xml.getLocation().getColumnNumber() + ": the root element is <" + root + ">" + (ns.isEmpty() ? "" : " in namespace " + ns)
                    + ", expected <" + ROOT + "> in namespace " + IXRETAIL);
        }
        TransactionMapper mapper = new TransactionMapper(ns, settings);
        int ordinal = 0;
        if (root.equals(TRANSACTION)) {
            deliver(mapper, transaction(++ordinal));
        } else {
            while (true) {
                event = next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (TRANSACTION.equals(xml.getLocalName()) && ns.equals(namespace())) {
                        deliver(mapper, transaction(++ordinal));
                    } else {
                        skipElement();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
            }
        }
        // The parser still checks that nothing but comments follows the root element.
        while (next() != XMLStreamConstants.END_DOCUMENT) {
            // comments, processing instructions, whitespace
        }
    }

    /** One parsed Transaction: its tree, or why it was skipped unread. */
    private record Parsed(Node tree, int ordinal, int line, String oversized) {
    }

    private void deliver(TransactionMapper mapper, Parsed parsed) {
        SourceTransaction transaction = parsed.tree() == null
                ? mapper.oversized(parsed.ordinal(), parsed.line(), parsed.oversized())
                : mapper.map(parsed.tree(), parsed.ordinal(), parsed.line());
        handedOver++;
        sink.accept(transaction);
    }

    /** Reads the Transaction whose start tag is current, up to and including its end tag. */
    private Parsed transaction(int ordinal) throws IOException, UnreadableSourceException {
        int line = xml.getLocation().getLineNumber();
        Node root = node();
        Deque<Node> open = new ArrayDeque<>();
        open.push(root);
        int depth = 1;
        int elements = 1;
        long chars = 0;
        String oversized = null;
        while (depth > 0) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (oversized == null) {
                        if (depth > MAX_DEPTH) {
                            oversized = "elements nested deeper than " + MAX_DEPTH + " levels (line "
                                    + xml.getLocation().getLineNumber() + "); the transaction was skipped unread";
                        } else if (++elements > MAX_ELEMENTS) {
                            oversized = "more than " + MAX_ELEMENTS + " elements; the transaction was skipped unread";
                        } else {
                            Node child = node();
                            chars += attributeChars();
                            open.peek().add(child);
                            open.push(child);
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (oversized == null) {
                        open.pop();
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (oversized == null) {
                        chars += open.peek().append(xml.getTextCharacters(), xml.getTextStart(),
                                xml.getTextLength(), MAX_TEXT);
                    }
                }
                default -> {
                    // comments and processing instructions carry no data
                }
            }
            if (oversized == null && chars > MAX_CHARS) {
                oversized = "more than " + MAX_CHARS + " characters of text; the transaction was skipped unread";
            }
            if (oversized != null && root != null) {
                root = null; // let the partial tree go while the rest is skipped
                open.clear();
            }
        }
        stats.held(Math.min(elements, MAX_ELEMENTS));
        return new Parsed(root, ordinal, line, oversized);
    }

    private Node node() {
        int count = xml.getAttributeCount();
        Map<String, String> attributes;
        if (count == 0) {
            attributes = Map.of();
        } else {
            attributes = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String value = xml.getAttributeValue(i);
                attributes.put(xml.getAttributeLocalName(i),
                        value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT));
            }
        }
        return new Node(namespace(), xml.getLocalName(), attributes, xml.getLocation().getLineNumber());
    }

    private long attributeChars() {
        long sum = 0;
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            sum += Math.min(MAX_TEXT, xml.getAttributeValue(i).length());
        }
        return sum;
    }

    private String namespace() {
        String uri = xml.getNamespaceURI();
        return uri == null ? "" : uri;
    }

    /** Skips the element whose start tag is current, without keeping anything of it. */
    private void skipElement() throws IOException, UnreadableSourceException {
        int depth = 1;
        while (depth > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private int next() throws IOException, UnreadableSourceException {
        int event;
        try {
            event = xml.next();
        } catch (XMLStreamException | RuntimeException e) {
            throw unreadable(e);
        }
        if (event == XMLStreamConstants.END_DOCUMENT && decoding.failure() != null) {
            throw unreadable(decoding.failure());
        }
        return event;
    }

    /**
     * Broken XML or bytes that are not text in the declared encoding make the source unreadable; a failing
     * stream is an {@link IOException}, as the SPI asks.
     */
    private UnreadableSourceException unreadable(Exception e) throws IOException {
        String problem = message(e);
        Throwable cause = decoding != null && decoding.failure() != null ? decoding.failure() : e;
        for (int i = 0; cause != null && i < 20; i++, cause = next(cause)) {
            if (cause instanceof CharacterCodingException || cause instanceof CharConversionException) {
                problem = "bytes that are not valid " + (decoding == null ? "text" : decoding.charset().name());
                break;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
        }
        Location location = e instanceof XMLStreamException x && x.getLocation() != null ? x.getLocation()
                : xml == null ? null : safeLocation();
        String where = location == null ? ": " : " line " + location.getLineNumber() + ", column "
                + location.getColumnNumber() + ": ";
        return new UnreadableSourceException(prefix() + where + problem + " (" + handedOver
                + " transactions were read before this point)", e);
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof XMLStreamException x && x.getNestedException() != null
                && x.getNestedException() != cause) {
            return x.getNestedException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private Location safeLocation() {
        try {
            return xml.getLocation();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String message(Exception e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int at = message.indexOf("Message: ");
        String text = at >= 0 ? message.substring(at + "Message: ".length()) : message;
        text = text.strip();
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private String prefix() {
        return settings.sourceName() == null ? "POSLog" : "POSLog " + settings.sourceName();
    }
}
