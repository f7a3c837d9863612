package org.storelink.spi;

/** The source as a whole cannot be read; the message says why and where (line, element) when it can. */
public class UnreadableSourceException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableSourceException(String message) {
        super(message);
    }

    public UnreadableSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
