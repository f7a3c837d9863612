package org.storelink.branding;

/** The store does not meet its region's branding rules; the message says which and by how much. */
public final class NotEligibleException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient Eligibility eligibility;

    public NotEligibleException(Eligibility eligibility) {
        super(eligibility.reason());
        this.eligibility = eligibility;
    }

    public Eligibility eligibility() {
        return eligibility;
    }
}
