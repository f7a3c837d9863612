package org.storelink.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Principal;
import java.security.PrivilegedAction;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.storelink.model.AreaProfile;
import org.storelink.model.Region;
import org.storelink.model.Store;

class RegionAccessTest {

    private static final StoreRegistry STORES = new StoreRegistry() {
        private final Map<String, Store> stores = Map.of(
                "sh-campus-001", newStore("sh-campus-001", "east"),
                "hz-home-003", newStore("hz-home-003", "east"),
                "bj-transit-004", newStore("bj-transit-004", "north"),
                "lost-009", newStore("lost-009", null));

        @Override
        public Optional<Store> store(String id) {
            return Optional.ofNullable(stores.get(id));
        }

        @Override
        public List<Store> stores() {
            return stores.values().stream().sorted(java.util.Comparator.comparing(Store::id)).toList();
        }

        @Override
        public List<Region> regions() {
            return List.of(new Region("east", "East China"), new Region("north", "North China"));
        }

        @Override
        public Optional<byte[]> secret(String storeId) {
            return Optional.empty();
        }
    };

    private static Store newStore(String id, String region) {
        return new Store(id, id, region, AreaProfile.values()[0], ZoneId.of("Asia/Shanghai"), null);
    }

    static Subject subject(String user, String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        Arrays.stream(roles).map(RolePrincipal::new).forEach(subject.getPrincipals()::add);
        return subject;
    }

    @Test
    void theAdminRoleIsThePlatformAdminOfEveryRegion() {
        RegionAccess access = RegionAccess.of(subject("admin", "admin", "manager", "viewer", "ssh"));

        assertThat(access.isPlatformAdmin()).isTrue();
        assertThat(access.user()).contains("admin");
        assertThat(access.regions()).isEmpty();
        assertThat(access.mayAccessRegion("north")).isTrue();
        assertThat(access.mayAccessRegion(null)).isTrue();
        assertThat(access.stores(STORES)).extracting(Store::id)
                .containsExactly("bj-transit-004", "hz-home-003", "lost-009", "sh-campus-001");
        assertThatCode(() -> {
            access.checkStore(STORES, "bj-transit-004");
            access.checkStore(STORES, "not-registered"); // the command reports it as it always did
            access.checkRegion("anywhere");
            access.checkPlatformAdmin("storelink:dlq-list");
        }).doesNotThrowAnyException();
    }

    @Test
    void aRegionRoleAdministersThatRegionOnly() {
        RegionAccess access = RegionAccess.of(subject("carol", "ssh", "viewer", "region-admin", "region-east"));

        assertThat(access.isPlatformAdmin()).isFalse();
        assertThat(access.regions()).containsExactly("east");
        assertThat(access.mayAccessRegion("east")).isTrue();
        assertThat(access.mayAccessRegion("north")).isFalse();
        assertThat(access.mayAccessRegion("admin")).as("region-admin names no region").isFalse();
        assertThat(access.stores(STORES)).extracting(Store::id).containsExactly("hz-home-003", "sh-campus-001");
        assertThatCode(() -> access.checkStore(STORES, "sh-campus-001")).doesNotThrowAnyException();

        assertThatThrownBy(() -> access.checkStore(STORES, "bj-transit-004")).isInstanceOf(SecurityException.class)
                .hasMessage("user carol administers region east only; store bj-transit-004 is in region north");
        assertThatThrownBy(() -> access.checkStore(STORES, "lost-009"))
                .hasMessage("user carol administers region east only; store lost-009 is in no region");
        assertThatThrownBy(() -> access.checkStore(STORES, "nope"))
                .hasMessage("user carol administers region east only; store nope is not a registered store");
        assertThatThrownBy(() -> access.checkStore(STORES, null)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> access.checkRegion("north"))
                .hasMessage("user carol administers region east only; region north is not one of them");
        assertThatThrownBy(() -> access.checkPlatformAdmin("storelink:dlq-replay")).isInstanceOf(
                SecurityException.class).hasMessage(
                "user carol administers region east only; storelink:dlq-replay is for platform admins only");
    }

    @Test
    void severalRegionRolesAddUp() {
        RegionAccess access = RegionAccess.of(subject("dave", "region-north", "region-admin", "region-east"));

        assertThat(access.regions()).containsExactly("east", "north");
        assertThat(access.describe()).isEqualTo("user dave administers regions east, north only");
        assertThat(access.stores(STORES)).extracting(Store::id)
                .containsExactly("bj-transit-004", "hz-home-003", "sh-campus-001");
    }

    @Test
    void onlyKarafRolePrincipalsCountAsRoles() {
        Subject subject = subject("eve", "viewer");
        subject.getPrincipals().add(new GroupPrincipal("admin"));
        subject.getPrincipals().add(new Principal() {
            @Override
            public String getName() {
                return "region-north";
            }
        });

        RegionAccess access = RegionAccess.of(subject);

        assertThat(access.isPlatformAdmin()).isFalse();
        assertThat(access.regions()).isEmpty();
        assertThat(access.describe()).isEqualTo("user eve administers no region");
        assertThat(access.stores(STORES)).isEmpty();
        assertThat(RegionAccess.KARAF_ROLE_PRINCIPAL).isEqualTo(RolePrincipal.class.getName());
        assertThat(RegionAccess.KARAF_USER_PRINCIPAL).isEqualTo(UserPrincipal.class.getName());
    }

    @Test
    void aSubclassOfKarafsRolePrincipalCountsToo() {
        Subject subject = new Subject();
        subject.getPrincipals().add(new RolePrincipal("region-north") {
        });

        assertThat(RegionAccess.of(subject).regions()).containsExactly("north");
    }

    @Test
    void noSubjectMeansNoAccess() {
        RegionAccess access = RegionAccess.current();

        assertThat(access.isPlatformAdmin()).isFalse();
        assertThat(access.user()).isEmpty();
        assertThat(access.mayAccessRegion("east")).isFalse();
        assertThatThrownBy(() -> access.checkStore(STORES, "sh-campus-001")).isInstanceOf(SecurityException.class)
                .hasMessage("the current user administers no region; store sh-campus-001 is in region east");
    }

    @Test
    @SuppressWarnings("removal")
    void currentIsTheSubjectTheShellRunsTheCommandAs() {
        RegionAccess inside = Subject.doAs(subject("carol", "region-admin", "region-east"),
                (PrivilegedAction<RegionAccess>) RegionAccess::current);

        assertThat(inside).isEqualTo(RegionAccess.of("carol", List.of("region-east")));
        assertThat(inside.user()).contains("carol");
    }
}
