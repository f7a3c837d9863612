package org.storelink.wholesale.internal;

import java.net.URI;
import java.util.Map;

/**
 * How purchase orders reach a supplier.
 *
 * @param target  for {@code sftp} a Camel sftp endpoint URI, for {@code http} the URL to POST to; null for
 *                {@code partner}
 * @param headers extra HTTP headers (such as an API key); empty otherwise
 */
record Channel(Type type, String target, Map<String, String> headers) {
    static final Channel PARTNER = new Channel(Type.PARTNER, null, Map.of());

    enum Type {
        /** The partner's own address {@code partner.<id>.out}. */
        PARTNER,
        /** A file per purchase order over SFTP, with Camel's sftp producer. */
        SFTP,
        /** An HTTP POST per purchase order, with java.net.http. */
        HTTP
    }

    Channel {
        headers = Map.copyOf(headers);
    }

    /** For logs and listings: no credentials, only the scheme, host and path. */
    String describe() {
        if (type == Type.PARTNER) {
            return "partner";
        }
        try {
            URI uri = URI.create(target.replace(" ", "%20"));
            return type.name().toLowerCase(java.util.Locale.ROOT) + " " + uri.getScheme() + "://" + uri.getHost()
                    + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + (uri.getPath() == null ? "" : uri.getPath());
        } catch (IllegalArgumentException e) {
            return type.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
