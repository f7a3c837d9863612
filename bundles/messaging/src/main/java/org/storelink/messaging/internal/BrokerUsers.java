package org.storelink.messaging.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, at first start, the console user {@code admin} and the broker user of storelink's routes, so the
 * distribution ships no default credentials. The admin password comes from {@code STORELINK_ADMIN_PASSWORD};
 * without it one is generated, kept in {@code data/storelink-admin-password} (mode 600) and printed once. The
 * service user's password comes from {@code STORELINK_BROKER_PASSWORD} or is generated, and is kept in
 * {@code data/storelink-broker-password} (mode 600) because the routes need it at every start.
 */
@Component(service = BrokerUsers.class, configurationPid = MessagingConfig.PID)
public final class BrokerUsers {
    static final String ADMIN = "admin";
    static final String ADMIN_GROUP = "_g_:admingroup";
    static final String SERVICE_ROLE = "storelink-service";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerUsers.class);

    private final String serviceUser;
    private final String servicePassword;

    @Activate
    public BrokerUsers(MessagingConfig config, @Reference ConfigurationAdmin configurationAdmin) {
        this(config.serviceUser(), Path.of(System.getProperty("karaf.etc")), Path.of(System.getProperty("karaf.data")),
                System.getenv("STORELINK_ADMIN_PASSWORD"), System.getenv("STORELINK_BROKER_PASSWORD"));
        if (JaasEncryption.ensure(configurationAdmin)) {
            LOG.warn("Karaf's JAAS realm did not compare SHA-256 password hashes; its configuration {} is set to",
                    JaasEncryption.PID);
        }
    }

    BrokerUsers(String serviceUser, Path etc, Path data, String adminFromEnv, String serviceFromEnv) {
        UsersFile users = new UsersFile(etc.resolve("users.properties"));
        if (!users.has(ADMIN)) {
            createAdmin(users, data, adminFromEnv);
        }
        Path serviceFile = data.resolve("storelink-broker-password");
        if (Files.exists(serviceFile) && users.has(serviceUser)) {
            servicePassword = Secrets.read(serviceFile);
        } else {
            servicePassword = isSet(serviceFromEnv) ? serviceFromEnv : Secrets.generate();
            Secrets.writeOwnerOnly(serviceFile, servicePassword);
            users.put(serviceUser, servicePassword, SERVICE_ROLE);
            LOG.info("Broker user {} created; its password is in {}", serviceUser, serviceFile);
        }
        this.serviceUser = serviceUser;
    }

    private static void createAdmin(UsersFile users, Path data, String fromEnv) {
        if (isSet(fromEnv)) {
            users.put(ADMIN, fromEnv, ADMIN_GROUP);
            LOG.info("Console user admin created with the password from STORELINK_ADMIN_PASSWORD");
            return;
        }
        String generated = Secrets.generate();
        Path file = data.resolve("storelink-admin-password");
        Secrets.writeOwnerOnly(file, generated);
        users.put(ADMIN, generated, ADMIN_GROUP);
        LOG.warn("Console user admin created with a generated password, kept in {}", file);
        // Printed on the console once, where the operator who started storelink sees it; never logged.
        System.out.println("storelink: console user 'admin', generated password: " + generated
                + " (also in " + file + ")");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    public String serviceUser() {
        return serviceUser;
    }

    public String servicePassword() {
        return servicePassword;
    }
}
