package org.storelink.partners.internal;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.impl.AddressInfo;
import org.storelink.partners.Partner;

/**
 * A partner's side of the broker: its two anycast addresses, each with one durable queue of the same name, and the
 * security settings of {@link PartnerSecurity}. Everything is idempotent, so it is applied again at every start.
 * <p>
 * Security settings go through the broker's management control, which also stores them in the broker's bindings
 * journal: the broker restores them by itself at start and after a reload of etc/artemis.xml (which replaces all
 * settings added in memory only). Applying them again from the registry at start repairs a lost or reset journal.
 */
final class BrokerPartners {
    private final ActiveMQServer server;

    BrokerPartners(ActiveMQServer server) {
        this.server = server;
    }

    /** Creates what is missing of the partner's addresses, queues and security settings. */
    void apply(Partner partner) throws Exception {
        ensureQueue(partner.inAddress());
        ensureQueue(partner.outAddress());
        for (Map.Entry<String, Set<Role>> setting : PartnerSecurity.settingsFor(partner).entrySet()) {
            applySecurity(setting.getKey(), setting.getValue());
        }
    }

    /** Messages waiting in the queue of that name; empty if there is no such queue. */
    OptionalLong messageCount(String queueName) {
        Queue queue = server.locateQueue(SimpleString.of(queueName));
        return queue == null ? OptionalLong.empty() : OptionalLong.of(queue.getMessageCount());
    }

    /**
     * Takes the partner off the broker: security settings first (its addresses fall back to the admin-only
     * {@code #}), then its connections, queues (messages included) and addresses.
     */
    void remove(Partner partner) throws Exception {
        removeSecurity(partner);
        server.getActiveMQServerControl().closeConnectionsForUser(partner.principal());
        for (String name : new String[] {partner.inAddress(), partner.outAddress()}) {
            SimpleString address = SimpleString.of(name);
            if (server.locateQueue(address) != null) {
                server.destroyQueue(address, null, false, true);
            }
            if (server.getAddressInfo(address) != null) {
                server.removeAddressInfo(address, null, true);
            }
        }
    }

    /** Removes the partner's security settings only; its addresses become admin-only. */
    void removeSecurity(Partner partner) throws Exception {
        for (String match : PartnerSecurity.settingsFor(partner).keySet()) {
            removeSecurity(match);
        }
    }

    private void removeSecurity(String match) throws Exception {
        if (server.getSecurityRepository().containsExactMatch(match)) {
            server.getActiveMQServerControl().removeSecuritySettings(match);
        }
    }

    private void ensureQueue(String name) throws Exception {
        SimpleString address = SimpleString.of(name);
        AddressInfo info = server.getAddressInfo(address);
        if (info == null) {
            server.addAddressInfo(new AddressInfo(address, RoutingType.ANYCAST));
        } else if (!info.getRoutingTypes().contains(RoutingType.ANYCAST)) {
            throw new IllegalStateException("address " + name + " exists on the broker without anycast routing"
                    + " (" + info.getRoutingTypes() + "); remove it first");
        }
        Queue queue = server.locateQueue(address);
        if (queue == null) {
            server.createQueue(QueueConfiguration.of(address).setAddress(address).setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true).setAutoCreateAddress(false));
        } else if (!queue.getAddress().equals(address) || queue.getRoutingType() != RoutingType.ANYCAST
                || !queue.isDurable()) {
            throw new IllegalStateException("queue " + name + " exists on the broker but is not a durable anycast"
                    + " queue of address " + name + "; remove it first");
        }
    }

    private void applySecurity(String match, Set<Role> roles) throws Exception {
        if (server.getSecurityRepository().containsExactMatch(match)
                && roles.equals(server.getSecurityRepository().getMatch(match))) {
            return;
        }
        server.getActiveMQServerControl().addSecuritySettings(match,
                names(roles, Role::isSend),
                names(roles, Role::isConsume),
                names(roles, Role::isCreateDurableQueue),
                names(roles, Role::isDeleteDurableQueue),
                names(roles, Role::isCreateNonDurableQueue),
                names(roles, Role::isDeleteNonDurableQueue),
                names(roles, Role::isManage),
                names(roles, Role::isBrowse),
                names(roles, Role::isCreateAddress),
                names(roles, Role::isDeleteAddress),
                names(roles, Role::isView),
                names(roles, Role::isEdit));
    }

    private static String names(Set<Role> roles, Predicate<Role> permission) {
        return roles.stream().filter(permission).map(Role::getName).sorted().collect(Collectors.joining(","));
    }
}
