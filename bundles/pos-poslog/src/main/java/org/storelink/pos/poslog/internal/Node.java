package org.storelink.pos.poslog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One element of the transaction being read: a tiny tree that lives only until its transaction has been mapped.
 * Lookups take local names; {@code child} stays within the POSLog namespace, {@code vendorChild} looks only at
 * extension elements (any other namespace), so an {@code acs:ItemID} is never mistaken for an {@code ItemID}.
 */
final class Node {

    private final String namespace;
    private final String name;
    private final Map<String, String> attributes;
    private final int line;
    private final List<Node> children = new ArrayList<>(4);
    private StringBuilder text;
    private boolean overlong;

    Node(String namespace, String name, Map<String, String> attributes, int line) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
        this.attributes = attributes;
        this.line = line;
    }

    String name() {
        return name;
    }

    String namespace() {
        return namespace;
    }

    int line() {
        return line;
    }

    List<Node> children() {
        return children;
    }

    void add(Node child) {
        // Whitespace between child elements is layout, not content.
        if (text != null && text.toString().isBlank()) {
            text = null;
        }
        children.add(child);
    }

    /** Appends character data up to {@code limit} characters; beyond that the text is marked overlong. */
    int append(char[] chars, int start, int length, int limit) {
        if (text == null) {
            text = new StringBuilder(Math.min(length, 64));
        }
        int room = limit - text.length();
        if (length > room) {
            overlong = true;
        }
        int taken = Math.max(0, Math.min(room, length));
        text.append(chars, start, taken);
        return taken;
    }

    boolean overlong() {
        return overlong;
    }

    /** The trimmed text, or null when there is none. */
    String text() {
        if (text == null) {
            return null;
        }
        String trimmed = text.toString().strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** The attribute with this local name, in whatever namespace (so {@code acs:VoidFlag} counts as VoidFlag). */
    String attribute(String localName) {
        String value = attributes.get(localName);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** First child in {@code ns} with this local name, or null. */
    Node child(String ns, String localName) {
        for (Node child : children) {
            if (child.name.equals(localName) && child.namespace.equals(ns)) {
                return child;
            }
        }
        return null;
    }

    List<Node> children(String ns, String localName) {
        List<Node> found = new ArrayList<>();
        for (Node child : children) {
            if (child.name.equals(localName) && child.namespace.equals(ns)) {
                found.add(child);
            }
        }
        return found;
    }

    /** First child with this local name in any namespace other than {@code ns}: a vendor extension. */
    Node vendorChild(String ns, String localName) {
        for (Node child : children) {
            if (child.name.equals(localName) && !child.namespace.equals(ns)) {
                return child;
            }
        }
        return null;
    }

    /** Text of the first child in {@code ns} with this name, or null. */
    String childText(String ns, String localName) {
        Node child = child(ns, localName);
        return child == null ? null : child.text();
    }

    /** An xs:boolean given as an attribute or as a child element (in any namespace): true or 1. */
    boolean flag(String localName) {
        if (isTrue(attribute(localName))) {
            return true;
        }
        for (Node child : children) {
            if (child.name.equals(localName) && isTrue(child.text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTrue(String value) {
        return value != null && (value.toLowerCase(Locale.ROOT).equals("true") || value.equals("1"));
    }
}
