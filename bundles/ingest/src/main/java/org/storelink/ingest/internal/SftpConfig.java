package org.storelink.ingest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "storelink SFTP pickup",
        description = "Picks up a store's POS exports from its own server over SFTP; one configuration per feed.")
public @interface SftpConfig {

    String PID = "org.storelink.ingest.sftp";

    @AttributeDefinition(description = "Store id the files belong to.")
    String store();

    @AttributeDefinition(description = "POS format name, e.g. poslog or csv.")
    String format();

    @AttributeDefinition(description = "The store server's host name or address.")
    String host();

    @AttributeDefinition(min = "1", max = "65535")
    int port() default 22;

    @AttributeDefinition(description = "SFTP user.")
    String username();

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "SFTP password; empty to use privateKeyFile.")
    String password() default "";

    @AttributeDefinition(description = "Path of a private key file; empty to use the password.")
    String privateKeyFile() default "";

    @AttributeDefinition(description = "Remote folder with the exports; files are moved to .done/ or .error/ there.")
    String directory() default ".";

    @AttributeDefinition(description = "known_hosts file with the server's host key; empty means"
            + " etc/storelink-known_hosts.")
    String knownHostsFile() default "";

    @AttributeDefinition(description = "yes (default) checks the host key against knownHostsFile; no trusts any"
            + " server, for tests only.")
    String strictHostKeyChecking() default "yes";

    @AttributeDefinition(min = "1000", description = "How often the server is polled, in milliseconds.")
    long pollMillis() default 60000;

    @AttributeDefinition(description = "Format options as key=value, e.g. csv.charset=GBK.")
    String[] options() default {};
}
