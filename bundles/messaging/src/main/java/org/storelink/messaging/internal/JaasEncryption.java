package org.storelink.messaging.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The passwords storelink writes are Karaf {@code basic} SHA-256 hashes, so Karaf's JAAS realm must compare
 * hashes. Two writers race for the realm's configuration at first start: {@code etc/org.apache.karaf.jaas.cfg} and
 * the {@code jaas} feature's own default (encryption off); whichever lands last wins. This settles it.
 */
final class JaasEncryption {
    static final String PID = "org.apache.karaf.jaas";
    static final Map<String, String> REQUIRED = Map.of(
            "encryption.enabled", "true",
            "encryption.name", "basic",
            "encryption.prefix", "{CRYPT}",
            "encryption.suffix", "{CRYPT}",
            "encryption.algorithm", "SHA-256",
            "encryption.encoding", "hexadecimal");

    private JaasEncryption() {
    }

    /** Updates the realm's configuration if it does not compare SHA-256 hashes; returns whether it had to. */
    static boolean ensure(ConfigurationAdmin configurationAdmin) {
        try {
            Configuration configuration = configurationAdmin.getConfiguration(PID, null);
            Dictionary<String, Object> properties = configuration.getProperties();
            Dictionary<String, Object> updated = new Hashtable<>();
            if (properties != null) {
                for (var keys = properties.keys(); keys.hasMoreElements(); ) {
                    String key = keys.nextElement();
                    updated.put(key, properties.get(key));
                }
            }
            boolean changed = false;
            for (Map.Entry<String, String> required : REQUIRED.entrySet()) {
                Object current = updated.get(required.getKey());
                if (current == null || !required.getValue().equals(current.toString())) {
                    updated.put(required.getKey(), required.getValue());
                    changed = true;
                }
            }
            if (changed) {
                configuration.update(updated);
            }
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or update configuration " + PID, e);
        }
    }
}
