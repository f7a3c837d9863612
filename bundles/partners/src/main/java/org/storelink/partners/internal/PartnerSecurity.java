package org.storelink.partners.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.core.security.Role;
import org.storelink.partners.Partner;

/**
 * Who may do what on a partner's addresses, as Artemis security settings: one exact match per address, which
 * takes precedence over {@code #} and any {@code partner.#} in etc/artemis.xml. Artemis does not merge a match with
 * wider ones, so each lists everyone allowed. They hold for every protocol, since the broker checks them for Core,
 * AMQP, STOMP and MQTT alike.
 * <ul>
 * <li>{@code partner.<id>.in}: role {@code partner-<id>} sends; {@code storelink-service} sends, consumes, browses.</li>
 * <li>{@code partner.<id>.out}: role {@code partner-<id>} consumes and browses; {@code storelink-service} sends,
 *     consumes, browses.</li>
 * <li>{@code admin} may do everything on both, as on {@code #}.</li>
 * </ul>
 * Nobody else, other partners included, may do anything on them. storelink-service may send to {@code .in} and
 * consume {@code .out} too, so a dead letter can be replayed to where it came from and a message to a partner
 * can be taken back.
 */
final class PartnerSecurity {
    /** The broker administrator's role, as in etc/artemis.xml. */
    static final String ADMIN_ROLE = "admin";
    /** The role of storelink's own routes, as in etc/artemis.xml and storelink-messaging. */
    static final String SERVICE_ROLE = "storelink-service";

    private PartnerSecurity() {
    }

    /** The roles the partner's principal gets in Karaf's realm: {@code partner} and {@code partner-<id>}. */
    static List<String> rolesOf(Partner partner) {
        return List.of(Partner.ROLE, partner.role());
    }

    /** Address match to the roles allowed on it, for the partner's two addresses. */
    static Map<String, Set<Role>> settingsFor(Partner partner) {
        Map<String, Set<Role>> settings = new LinkedHashMap<>();
        settings.put(partner.inAddress(), Set.of(admin(), service(), role(partner.role(), true, false, false)));
        settings.put(partner.outAddress(), Set.of(admin(), service(), role(partner.role(), false, true, true)));
        return settings;
    }

    private static Role admin() {
        Role role = role(ADMIN_ROLE, true, true, true);
        role.setCreateAddress(true);
        role.setDeleteAddress(true);
        role.setCreateDurableQueue(true);
        role.setDeleteDurableQueue(true);
        role.setCreateNonDurableQueue(true);
        role.setDeleteNonDurableQueue(true);
        role.setManage(true);
        return role;
    }

    private static Role service() {
        return role(SERVICE_ROLE, true, true, true);
    }

    private static Role role(String name, boolean send, boolean consume, boolean browse) {
        Role role = new Role();
        role.setName(name);
        role.setSend(send);
        role.setConsume(consume);
        role.setBrowse(browse);
        return role;
    }
}
