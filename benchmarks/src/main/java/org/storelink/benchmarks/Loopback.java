package org.storelink.benchmarks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** The load generator only ever talks to this machine. */
final class Loopback {

    private Loopback() {
    }

    /** @throws IllegalArgumentException unless every address of the URI's host is a loopback address */
    static void require(URI uri, String what) {
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException(what + ": no host in " + uri);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(what + ": unknown host " + host, e);
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException(what + ": " + host + " resolves to " + address.getHostAddress()
                        + ", which is not a loopback address; this benchmark only targets this machine");
            }
        }
    }
}
