package org.storelink.statements.internal;

import java.util.List;

import org.storelink.model.Violation;

/** A document that cannot be read as a camt.053/054 message, with every problem found and where. */
final class CamtRejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient CamtMessage camtMessage;
    private final transient List<Violation> problems;

    CamtRejection(CamtMessage camtMessage, Problems problems) {
        super(Problems.reason(problems.list(), problems.count()));
        this.camtMessage = camtMessage;
        this.problems = problems.list();
    }

    /** The message the document declared, or null if it was not recognised. */
    CamtMessage camtMessage() {
        return camtMessage;
    }

    List<Violation> problems() {
        return problems;
    }
}
