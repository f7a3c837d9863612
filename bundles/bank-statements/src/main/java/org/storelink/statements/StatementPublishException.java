package org.storelink.statements;

/**
 * The broker did not take every settlement of a valid document. The ones it took are stored; importing the
 * document again publishes the rest and stores the others once, by their duplicate id.
 */
public final class StatementPublishException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int published;
    private final int total;

    public StatementPublishException(String sourceName, int published, int total, Throwable cause) {
        super(sourceName + ": the broker took " + published + " of " + total + " settlements ("
                + (cause == null ? "unknown cause" : cause.getMessage()) + "); import it again, nothing is stored twice",
                cause);
        this.published = published;
        this.total = total;
    }

    public int published() {
        return published;
    }

    public int total() {
        return total;
    }
}
