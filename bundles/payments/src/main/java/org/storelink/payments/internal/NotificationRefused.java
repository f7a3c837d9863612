package org.storelink.payments.internal;

/**
 * A notification that is not accepted: the HTTP status to answer and the reason, which names the field and is
 * safe to log and to echo (it never contains a key, a signature or a payer's account id). The provider retries.
 */
final class NotificationRefused extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    NotificationRefused(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static NotificationRefused invalid(String field, String reason) {
        return new NotificationRefused(400, field + ": " + reason);
    }

    int status() {
        return status;
    }
}
