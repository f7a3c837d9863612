package org.storelink.stores.testing;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.storelink.model.AreaProfile;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

/**
 * Runs a console command as the shell does, as a logged-in platform or regional admin. Shared by the modules' command
 * tests through this bundle's test-jar.
 */
public final class AsUser {
    public static final Subject PLATFORM_ADMIN = subject("admin", "admin", "manager", "viewer", "ssh");
    public static final Subject EAST_ADMIN = subject("carol", "ssh", "viewer", "region-admin", "region-east");
    public static final String REFUSED_NORTH = "user carol administers region east only; store bj-transit-004 is in region"
            + " north";

    /** sh-campus-001 in region east, bj-transit-004 in region north. */
    public static final StoreRegistry STORES = new StoreRegistry() {
        private final List<Store> all = List.of(newStore("bj-transit-004", "north"),
                newStore("sh-campus-001", "east"));

        @Override
        public Optional<Store> store(String id) {
            return all.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public List<Store> stores() {
            return all;
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

    private AsUser() {
    }

    private static Store newStore(String id, String region) {
        return new Store(id, id, region, AreaProfile.values()[0], ZoneId.of("Asia/Shanghai"), null);
    }

    public static Subject subject(String user, String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        Arrays.stream(roles).map(RolePrincipal::new).forEach(subject.getPrincipals()::add);
        return subject;
    }

    /** The command's result; its exception as it is. */
    @SuppressWarnings("removal")
    public static Object run(Subject subject, Action command) throws Exception {
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<Object>) command::execute);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }
}
