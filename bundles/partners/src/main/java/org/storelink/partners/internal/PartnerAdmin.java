package org.storelink.partners.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.partners.Partner;
import org.storelink.partners.PartnerKind;

/**
 * Adds and removes partners: the registry entry, the principal in Karaf's realm and the broker side. The registry
 * is the source of truth; at every start (each time the broker service appears) the broker side of every partner
 * is applied again from it.
 */
@Component(service = PartnerAdmin.class, immediate = true)
public final class PartnerAdmin {
    /** Users storelink itself creates; a partner may not take their names even before they exist. */
    static final Set<String> RESERVED_IDS = Set.of("admin", "karaf", "storelink-service");

    private static final Logger LOG = LoggerFactory.getLogger(PartnerAdmin.class);

    /** A new partner and its password, which exists nowhere else in clear. */
    public record Created(Partner partner, String password) {
    }

    /** A partner with the messages waiting in its two queues (empty when a queue is missing). */
    public record Status(Partner partner, OptionalLong inMessages, OptionalLong outMessages) {
    }

    private final BrokerPartners broker;
    private final FilePartnerRegistry registry;
    private final UsersProperties users;
    private final Clock clock;

    @Activate
    public PartnerAdmin(@Reference ActiveMQServer broker, @Reference FilePartnerRegistry registry) {
        this(new BrokerPartners(broker), registry,
                new UsersProperties(Path.of(System.getProperty("karaf.etc", "etc"), "users.properties")),
                Clock.systemUTC());
        reapply();
    }

    PartnerAdmin(BrokerPartners broker, FilePartnerRegistry registry, UsersProperties users, Clock clock) {
        this.broker = broker;
        this.registry = registry;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Applies the broker side of every registered partner; returns how many succeeded. One partner that cannot be
     * applied is logged and does not keep the others off the broker.
     */
    int reapply() {
        int applied = 0;
        for (Partner partner : registry.partners()) {
            try {
                broker.apply(partner);
                applied++;
            } catch (Exception e) {
                LOG.error("Partner {}: cannot apply its addresses and security settings on the broker", partner.id(),
                        e);
            }
            if (!users.has(partner.principal())) {
                LOG.warn("Partner {} has no user in {}: it cannot log in until it is removed and added again",
                        partner.id(), users.file());
            }
        }
        LOG.info("Partners applied on the broker: {} of {}", applied, registry.partners().size());
        return applied;
    }

    /**
     * Registers a partner with a generated password: its principal (role {@code partner} and
     * {@code partner-<id>}), its addresses and queues and their security settings. Refuses an invalid field, an
     * existing partner and an id that is already a user of the realm.
     */
    public synchronized Created add(String id, String kind, String name) throws Exception {
        Partner.checkId(id);
        Partner partner = new Partner(id, PartnerKind.of(kind), Optional.ofNullable(name),
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        if (RESERVED_IDS.contains(id)) {
            throw new IllegalArgumentException("id: '" + id + "' is reserved for storelink's own users");
        }
        if (registry.find(id).isPresent()) {
            throw new IllegalArgumentException("id: partner '" + id + "' already exists");
        }
        if (users.has(id)) {
            throw new IllegalArgumentException("id: '" + id + "' is already a user of Karaf's realm in "
                    + users.file() + "; choose another id");
        }
        String password = Passwords.generate();
        boolean userAdded = false;
        try {
            broker.apply(partner);
            users.add(partner.principal(), password, PartnerSecurity.rolesOf(partner));
            userAdded = true;
            registry.add(partner);
        } catch (Exception | Error e) {
            undo(partner, userAdded, e);
            throw e;
        }
        LOG.info("Partner {} ({}) added: principal {}, addresses {} and {}", id, partner.kind().code(),
                partner.principal(), partner.inAddress(), partner.outAddress());
        return new Created(partner, password);
    }

    /** Everything the broker gave a half-added partner is closed again; its empty queues may stay, admin-only. */
    private void undo(Partner partner, boolean userAdded, Throwable cause) {
        try {
            if (userAdded) {
                users.remove(partner.principal());
            }
            broker.removeSecurity(partner);
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    /** Every partner with its queues' message counts, ordered by id. */
    public List<Status> list() {
        return registry.partners().stream()
                .map(partner -> new Status(partner, broker.messageCount(partner.inAddress()),
                        broker.messageCount(partner.outAddress())))
                .toList();
    }

    /**
     * Removes a partner: its user (no new logins), its security settings, its connections, its queues and
     * addresses, then its registry entry. Refuses while its queues hold messages unless {@code force}, which
     * deletes them.
     */
    public synchronized Partner remove(String id, boolean force) throws Exception {
        Partner partner = registry.find(id)
                .orElseThrow(() -> new IllegalArgumentException("id: there is no partner '" + id + "'"));
        long in = broker.messageCount(partner.inAddress()).orElse(0);
        long out = broker.messageCount(partner.outAddress()).orElse(0);
        if (!force && in + out > 0) {
            throw new IllegalStateException("partner '" + id + "' has " + in + " messages in " + partner.inAddress()
                    + " and " + out + " in " + partner.outAddress() + "; let them be consumed, or remove with"
                    + " --force, which deletes them");
        }
        users.remove(partner.principal());
        broker.remove(partner);
        registry.remove(id);
        LOG.info("Partner {} removed, with its principal, addresses and {} waiting messages", id, in + out);
        return partner;
    }
}
