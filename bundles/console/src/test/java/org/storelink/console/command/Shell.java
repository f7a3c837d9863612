package org.storelink.console.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
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

/** Runs a command as Karaf's shell does: as the logged-in subject, printing to System.out. */
final class Shell {
    static final Subject PLATFORM_ADMIN = subject("admin", "admin", "manager", "viewer", "systembundles", "ssh");
    static final Subject EAST_ADMIN = subject("carol", "ssh", "viewer", "region-admin", "region-east");

    /** Two regions as the demo ships them: east with two stores, north with one. */
    static final StoreRegistry STORES = new StoreRegistry() {
        private final List<Store> stores = List.of(newStore("bj-transit-004", "north"),
                newStore("hz-home-003", "east"), newStore("sh-campus-001", "east"));

        @Override
        public Optional<Store> store(String id) {
            return stores.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public List<Store> stores() {
            return stores.stream().sorted(Comparator.comparing(Store::id)).toList();
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

    private Shell() {
    }

    static Store newStore(String id, String region) {
        return new Store(id, id, region, AreaProfile.values()[0], ZoneId.of("Asia/Shanghai"), null);
    }

    static Subject subject(String user, String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        Arrays.stream(roles).map(RolePrincipal::new).forEach(subject.getPrincipals()::add);
        return subject;
    }

    /** What the command printed; its exception as it is. */
    @SuppressWarnings("removal")
    static String run(Subject subject, Action command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) command::execute);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
