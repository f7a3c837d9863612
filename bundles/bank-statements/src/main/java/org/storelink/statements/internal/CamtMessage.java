package org.storelink.statements.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ISO 20022 message a document holds, from its namespace {@code urn:iso:std:iso:20022:tech:xsd:camt.053.001.NN}.
 * Versions 001.02 to 001.08 of camt.053 (statement) and camt.054 (debit/credit notification) share the entry
 * structure read here; the differences (Sts as a code or a choice, TxDtls/Amt from 001.03, Party choices in
 * 001.08) are handled where they are read.
 */
record CamtMessage(String message, int version) {
    static final int FIRST_VERSION = 2;
    static final int LAST_VERSION = 8;
    private static final String PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
    private static final Pattern ISO = Pattern.compile(Pattern.quote(PREFIX) + "([a-z]{4}\\.[0-9]{3})\\.([0-9]{3})\\.([0-9]{2})");

    /**
     * @throws IllegalArgumentException with the reason, if the namespace is not a supported camt.053/054 version
     */
    static CamtMessage of(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            throw new IllegalArgumentException("has no namespace; expected " + PREFIX + "camt.053.001.NN"
                    + " (statement) or " + PREFIX + "camt.054.001.NN (notification)");
        }
        Matcher matcher = ISO.matcher(namespace);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("namespace \"" + namespace + "\" is not an ISO 20022 message; expected "
                    + PREFIX + "camt.053.001.NN or camt.054.001.NN");
        }
        String message = matcher.group(1);
        String name = message + "." + matcher.group(2) + "." + matcher.group(3);
        if (!message.equals("camt.053") && !message.equals("camt.054")) {
            throw new IllegalArgumentException(name + " is not a bank statement this importer reads: it reads camt.053"
                    + " statements and camt.054 debit/credit notifications");
        }
        int version = Integer.parseInt(matcher.group(3));
        if (!matcher.group(2).equals("001") || version < FIRST_VERSION || version > LAST_VERSION) {
            throw new IllegalArgumentException(name + " is not a supported version: " + message + ".001.02 to "
                    + message + ".001.08 are");
        }
        return new CamtMessage(message, version);
    }

    boolean notification() {
        return message.equals("camt.054");
    }

    /** The message element under {@code Document}. */
    String messageElement() {
        return notification() ? "BkToCstmrDbtCdtNtfctn" : "BkToCstmrStmt";
    }

    /** The element of one statement or notification. */
    String statementElement() {
        return notification() ? "Ntfctn" : "Stmt";
    }

    String name() {
        return message + ".001." + String.format("%02d", version);
    }

    @Override
    public String toString() {
        return name();
    }
}
