package org.storelink.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.junit.jupiter.api.Test;
import org.storelink.partners.Partner;
import org.storelink.partners.PartnerKind;

class PartnerSecurityTest {
    private static final Partner ACME =
            new Partner("acme", PartnerKind.BRAND, Optional.empty(), Instant.parse("2026-11-26T01:02:03Z"));

    private static Set<CheckType> allowed(Set<Role> roles, String roleName) {
        Set<CheckType> allowed = EnumSet.noneOf(CheckType.class);
        roles.stream().filter(role -> role.getName().equals(roleName)).forEach(role -> {
            for (CheckType type : CheckType.values()) {
                if (type.hasRole(role)) {
                    allowed.add(type);
                }
            }
        });
        return allowed;
    }

    @Test
    void thePrincipalGetsTheCommonAndItsOwnRole() {
        assertThat(PartnerSecurity.rolesOf(ACME)).containsExactly("partner", "partner-acme");
    }

    @Test
    void oneExactMatchPerAddressListingOnlyAdminServiceAndThePartner() {
        Map<String, Set<Role>> settings = PartnerSecurity.settingsFor(ACME);

        assertThat(settings).containsOnlyKeys("partner.acme.in", "partner.acme.out");
        settings.values().forEach(roles -> assertThat(roles).extracting(Role::getName)
                .containsExactlyInAnyOrder("admin", "storelink-service", "partner-acme"));
    }

    @Test
    void thePartnerOnlySendsToInAndOnlyConsumesAndBrowsesOut() {
        Map<String, Set<Role>> settings = PartnerSecurity.settingsFor(ACME);

        assertThat(allowed(settings.get("partner.acme.in"), "partner-acme")).containsExactly(CheckType.SEND);
        assertThat(allowed(settings.get("partner.acme.out"), "partner-acme"))
                .containsExactlyInAnyOrder(CheckType.CONSUME, CheckType.BROWSE);
    }

    @Test
    void storelinksRoutesSendConsumeAndBrowseBothButCreateAndManageNothing() {
        for (Set<Role> roles : PartnerSecurity.settingsFor(ACME).values()) {
            assertThat(allowed(roles, "storelink-service"))
                    .containsExactlyInAnyOrder(CheckType.SEND, CheckType.CONSUME, CheckType.BROWSE);
        }
    }

    @Test
    void adminMayDoOnThemWhatItMayDoEverywhere() {
        for (Set<Role> roles : PartnerSecurity.settingsFor(ACME).values()) {
            assertThat(allowed(roles, "admin")).contains(CheckType.SEND, CheckType.CONSUME, CheckType.BROWSE,
                    CheckType.CREATE_ADDRESS, CheckType.DELETE_ADDRESS, CheckType.CREATE_DURABLE_QUEUE,
                    CheckType.DELETE_DURABLE_QUEUE, CheckType.CREATE_NON_DURABLE_QUEUE,
                    CheckType.DELETE_NON_DURABLE_QUEUE, CheckType.MANAGE);
        }
    }

    @Test
    void anotherPartnersRoleIsNowhere() {
        Partner other = new Partner("acme2", PartnerKind.FLEET, Optional.empty(), Instant.EPOCH);
        for (Set<Role> roles : PartnerSecurity.settingsFor(ACME).values()) {
            assertThat(allowed(roles, other.role())).isEmpty();
            assertThat(allowed(roles, "partner")).isEmpty();
        }
    }
}
