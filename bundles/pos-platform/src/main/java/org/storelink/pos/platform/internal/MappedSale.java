package org.storelink.pos.platform.internal;

import java.util.ArrayList;
import java.util.List;

import org.storelink.model.Sale;
import org.storelink.model.Violation;
import org.storelink.model.json.ProblemException;

/**
 * A platform order mapped to a canonical sale, or why it could not be.
 *
 * @param sale the canonical sale, valid by {@link org.storelink.model.SaleValidator}; null when there is any
 *        violation
 * @param malformed fields missing or of the wrong type (the answer is 400)
 * @param unmappable a well-formed order that cannot be a canonical sale (422); the validator's violations are
 *        here with their canonical path under {@code sale.}
 */
record MappedSale(Sale sale, List<Violation> malformed, List<Violation> unmappable) {

    MappedSale {
        malformed = List.copyOf(malformed);
        unmappable = List.copyOf(unmappable);
        if (sale != null && !(malformed.isEmpty() && unmappable.isEmpty())) {
            throw new IllegalArgumentException("a mapped sale has no violations");
        }
        if (sale == null && malformed.isEmpty() && unmappable.isEmpty()) {
            throw new IllegalArgumentException("an unmapped order needs a violation");
        }
    }

    static MappedSale of(Sale sale) {
        return new MappedSale(sale, List.of(), List.of());
    }

    static MappedSale refused(Findings findings) {
        return new MappedSale(null, findings.malformed(), findings.unmappable());
    }

    boolean ok() {
        return sale != null;
    }

    /** The refusal: 400 when any field is malformed, else 422; every violation is listed. */
    ProblemException problem(String what) {
        if (!malformed.isEmpty()) {
            return new ProblemException(400, "Malformed " + what, violations().size()
                    + " problem(s) in the " + what + "; see errors", violations());
        }
        return new ProblemException(422, "Unmappable " + what, unmappable.size() + " problem(s) keep the " + what
                + " from being recorded as a sale; see errors", unmappable);
    }

    /** Every violation, the malformed ones first. */
    List<Violation> violations() {
        List<Violation> all = new ArrayList<>(malformed);
        all.addAll(unmappable);
        return all;
    }
}
