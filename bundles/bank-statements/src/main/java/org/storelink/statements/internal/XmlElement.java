package org.storelink.statements.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small read-only element tree of one part of a document (a statement's header, one entry), so that an entry is
 * mapped with plain lookups while the document itself is streamed. Only elements of the message's namespace are
 * kept; text is kept as written (callers strip it).
 */
final class XmlElement {
    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlElement> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    XmlElement(String name, Map<String, String> attributes) {
        this.name = name;
        this.attributes = Map.copyOf(attributes);
    }

    String name() {
        return name;
    }

    void add(XmlElement child) {
        children.add(child);
    }

    void appendText(String characters) {
        text.append(characters);
    }

    /** The element's own text, stripped; empty if it has none. */
    String text() {
        return text.toString().strip();
    }

    String attribute(String attributeName) {
        return attributes.get(attributeName);
    }

    /** The first child of that name, or null. */
    XmlElement child(String childName) {
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The element at a slash-separated path of first children, e.g. {@code AmtDtls/TxAmt/Amt}, or null. */
    XmlElement find(String path) {
        XmlElement current = this;
        for (String step : path.split("/")) {
            current = current.child(step);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** The stripped text at a path, or null when the element is absent or empty. */
    String textAt(String path) {
        XmlElement found = find(path);
        if (found == null) {
            return null;
        }
        String value = found.text();
        return value.isEmpty() ? null : value;
    }
}
