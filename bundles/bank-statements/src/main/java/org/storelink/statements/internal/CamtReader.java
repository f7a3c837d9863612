package org.storelink.statements.internal;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.storelink.model.Money;

/**
 * Reads a camt.053 or camt.054 document. The document is streamed: a statement's header elements and each entry
 * are read into a small tree, mapped and dropped, so only the mapped entries are kept. Every problem is collected
 * with its element path ({@code Stmt[1]/Ntry[3]/Amt}); a document with any problem is rejected as a whole.
 *
 * <p>No DTD is processed: a document with a DOCTYPE is refused, so no entity can expand or reach outside it.
 */
final class CamtReader {
    private static final XMLInputFactory FACTORY = secureFactory();

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /**
     * @throws CamtRejection if the document is not well-formed XML, not a supported camt.053/054 version, or any
     *     statement or entry in it is invalid
     */
    CamtDocument read(InputStream in) throws CamtRejection {
        Problems problems = new Problems();
        CamtMessage message = null;
        List<CamtDocument.Statement> statements = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(in);
            if (!toRootElement(reader, problems)) {
                throw new CamtRejection(null, problems);
            }
            if (!reader.getLocalName().equals("Document")) {
                problems.add(reader.getLocalName(), "is the root element; an ISO 20022 message has Document");
                throw new CamtRejection(null, problems);
            }
            try {
                message = CamtMessage.of(reader.getNamespaceURI());
            } catch (IllegalArgumentException e) {
                problems.add("Document", e.getMessage());
                throw new CamtRejection(null, problems);
            }
            readDocument(reader, message, statements, problems);
        } catch (XMLStreamException e) {
            problems.add("Document", "is not well-formed XML: " + describe(e));
        } finally {
            close(reader);
        }
        if (!problems.isEmpty()) {
            throw new CamtRejection(message, problems);
        }
        return new CamtDocument(message, statements);
    }

    /** Moves to the root element; false (with the problem) if there is none or a DOCTYPE comes first. */
    private static boolean toRootElement(XMLStreamReader reader, Problems problems) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                problems.add("Document", "has a DOCTYPE; bank statements must not declare DTDs or entities");
                return false;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        problems.add("Document", "is missing: the file holds no XML element");
        return false;
    }

    private void readDocument(XMLStreamReader reader, CamtMessage message, List<CamtDocument.Statement> statements,
                              Problems problems) throws XMLStreamException {
        String ns = reader.getNamespaceURI();
        boolean found = false;
        while (nextChild(reader)) {
            if (!ns.equals(reader.getNamespaceURI()) || !reader.getLocalName().equals(message.messageElement())) {
                problems.add("Document/" + reader.getLocalName(), "is not " + message.messageElement()
                        + ", the message element of " + message);
                skip(reader);
                continue;
            }
            found = true;
            int position = 0;
            while (nextChild(reader)) {
                if (ns.equals(reader.getNamespaceURI())
                        && reader.getLocalName().equals(message.statementElement())) {
                    position++;
                    statements.add(readStatement(reader, ns, message.statementElement() + "[" + position + "]",
                            position, problems));
                } else {
                    skip(reader); // GrpHdr, SplmtryData
                }
            }
            if (position == 0) {
                problems.add(message.messageElement(), "holds no " + message.statementElement());
            }
        }
        if (!found) {
            problems.add("Document/" + message.messageElement(), "is missing");
        }
    }

    private CamtDocument.Statement readStatement(XMLStreamReader reader, String ns, String path, int position,
                                                 Problems problems) throws XMLStreamException {
        XmlElement header = new XmlElement(reader.getLocalName(), Map.of());
        List<CamtDocument.Entry> entries = new ArrayList<>();
        int entryPosition = 0;
        while (nextChild(reader)) {
            if (!ns.equals(reader.getNamespaceURI())) {
                skip(reader);
            } else if (reader.getLocalName().equals("Ntry")) {
                entryPosition++;
                XmlElement entry = readTree(reader, ns);
                CamtDocument.Entry read = CamtEntryReader.read(entry, path + "/Ntry[" + entryPosition + "]",
                        entryPosition, problems);
                if (read != null) {
                    entries.add(read);
                }
            } else {
                header.add(readTree(reader, ns));
            }
        }
        String id = header.textAt("Id");
        if (id == null) {
            problems.add(path + "/Id", "is missing");
        }
        String account = header.textAt("Acct/Id/IBAN");
        if (account == null) {
            account = header.textAt("Acct/Id/Othr/Id");
        }
        if (account == null) {
            problems.add(path + "/Acct/Id", header.child("Acct") == null ? "is missing"
                    : "holds neither IBAN nor Othr/Id");
        }
        return new CamtDocument.Statement(position, path, id, account, currency(header, entries, path, problems),
                entries);
    }

    /** {@code Acct/Ccy}, else the one currency of the balances and entries, else null. */
    private static String currency(XmlElement header, List<CamtDocument.Entry> entries, String path,
                                   Problems problems) {
        String declared = header.textAt("Acct/Ccy");
        if (declared != null) {
            try {
                Money.exponent(declared);
                return declared;
            } catch (IllegalArgumentException e) {
                problems.add(path + "/Acct/Ccy", e.getMessage());
                return null;
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (XmlElement balance : header.children("Bal")) {
            XmlElement amount = balance.child("Amt");
            String code = amount == null ? null : amount.attribute("Ccy");
            if (code != null && isCurrency(code.strip())) {
                seen.add(code.strip());
            }
        }
        entries.forEach(e -> seen.add(e.currency()));
        return seen.size() == 1 ? seen.iterator().next() : null;
    }

    private static boolean isCurrency(String code) {
        try {
            Money.exponent(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Advances to the next child element of the current element; false at the current element's end. */
    private static boolean nextChild(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    /** Skips the current element and everything in it. */
    private static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** Reads the current element into a tree; elements of other namespaces (extensions) are left out. */
    static XmlElement readTree(XMLStreamReader reader, String ns) throws XMLStreamException {
        XmlElement root = open(reader);
        Deque<XmlElement> open = new ArrayDeque<>();
        open.push(root);
        int foreignDepth = 0;
        while (!open.isEmpty() && reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (foreignDepth > 0 || !ns.equals(reader.getNamespaceURI())) {
                        foreignDepth++;
                    } else {
                        XmlElement child = open(reader);
                        open.peek().add(child);
                        open.push(child);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (foreignDepth > 0) {
                        foreignDepth--;
                    } else {
                        open.pop();
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (foreignDepth == 0) {
                        open.peek().appendText(reader.getText());
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XMLStreamException("entity reference &" + reader.getLocalName()
                                + "; is not allowed", reader.getLocation());
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
        return root;
    }

    private static XmlElement open(XMLStreamReader reader) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attributeNs = reader.getAttributeNamespace(i);
            if (attributeNs == null || attributeNs.isEmpty()) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
        }
        return new XmlElement(reader.getLocalName(), attributes);
    }

    private static String describe(XMLStreamException e) {
        Location location = e.getLocation();
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // The JDK prefixes its message with "ParseError at [row,col]:[r,c]\nMessage: "; keep the message.
        int cut = text.indexOf("Message: ");
        if (cut >= 0) {
            text = text.substring(cut + "Message: ".length());
        }
        text = text.strip();
        return location == null || location.getLineNumber() < 0 ? text
                : "line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ": " + text;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing was held beyond the stream, which the caller closes
            }
        }
    }
}
