package org.storelink.stores;

import java.security.AccessController;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;

import org.storelink.model.Store;

/**
 * Which regions the current console user administers, from the roles of its JAAS subject (realm {@code karaf},
 * {@code etc/users.properties}): role {@code admin} is a platform admin and may see and change every region; each
 * role {@code region-<id>} makes a regional admin of region {@code <id>}. Role {@code region-admin} only marks a
 * regional admin for Karaf's command ACLs ({@code etc/org.apache.karaf.command.acl.storelink.cfg}) and names no
 * region.
 *
 * <p>Commands that take a store or a region call {@link #current()} at the top of {@code execute()} and then
 * {@link #checkStore}, {@link #checkRegion} or {@link #checkPlatformAdmin}; listings filter with
 * {@link #mayAccessRegion}. Without a subject (no login) nothing is allowed, as in Karaf's own ACL checks.
 */
public final class RegionAccess {
    /** The role of a platform admin, as in Karaf's own ACLs. */
    public static final String PLATFORM_ADMIN_ROLE = "admin";
    /** The role every regional admin has besides its {@code region-<id>} roles. */
    public static final String REGION_ADMIN_ROLE = "region-admin";
    /** Prefix of the per-region role: {@code region-east} administers region {@code east}. */
    public static final String REGION_ROLE_PREFIX = "region-";

    // Matched by name, as Karaf's command ACLs do, so this bundle needs no JAAS package at run time.
    static final String KARAF_ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";
    static final String KARAF_USER_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.UserPrincipal";

    private final String user;
    private final boolean platformAdmin;
    private final Set<String> regions;

    private RegionAccess(String user, boolean platformAdmin, Set<String> regions) {
        this.user = user;
        this.platformAdmin = platformAdmin;
        this.regions = regions;
    }

    /** The access of the user running the current command: the JAAS subject of this thread's access context. */
    @SuppressWarnings("removal") // Karaf 4.4 runs shell sessions with Subject.doAs on an AccessControlContext
    public static RegionAccess current() {
        return of(Subject.getSubject(AccessController.getContext()));
    }

    /** The access a subject grants; a {@code null} subject grants nothing. */
    public static RegionAccess of(Subject subject) {
        if (subject == null) {
            return new RegionAccess(null, false, Set.of());
        }
        String user = null;
        List<String> roles = new ArrayList<>();
        for (Principal principal : subject.getPrincipals()) {
            if (isA(principal, KARAF_ROLE_PRINCIPAL)) {
                roles.add(principal.getName());
            } else if (user == null && isA(principal, KARAF_USER_PRINCIPAL)) {
                user = principal.getName();
            }
        }
        return of(user, roles);
    }

    /** The access these roles grant to this user (for callers that already hold the roles). */
    public static RegionAccess of(String user, Collection<String> roles) {
        boolean admin = false;
        Set<String> regions = new TreeSet<>();
        for (String role : roles) {
            if (role == null) {
                continue;
            }
            if (role.equals(PLATFORM_ADMIN_ROLE)) {
                admin = true;
            } else if (role.startsWith(REGION_ROLE_PREFIX) && !role.equals(REGION_ADMIN_ROLE)
                    && role.length() > REGION_ROLE_PREFIX.length()) {
                regions.add(role.substring(REGION_ROLE_PREFIX.length()));
            }
        }
        return new RegionAccess(user, admin, Collections.unmodifiableSet(regions));
    }

    private static boolean isA(Principal principal, String className) {
        for (Class<?> type = principal.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** The user's name, if the subject carries one. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** Whether the user administers the whole platform, every region included. */
    public boolean isPlatformAdmin() {
        return platformAdmin;
    }

    /** The regions the user administers by a {@code region-<id>} role, sorted; a platform admin may have none. */
    public Set<String> regions() {
        return regions;
    }

    /** Whether the user may see and change this region; only a platform admin may touch a store without region. */
    public boolean mayAccessRegion(String region) {
        return platformAdmin || (region != null && regions.contains(region));
    }

    /** Whether the user may see and change this store. */
    public boolean mayAccessStore(Store store) {
        return mayAccessRegion(store.region());
    }

    /** The stores the user may see, ordered by id as the registry orders them. */
    public List<Store> stores(StoreRegistry registry) {
        return registry.stores().stream().filter(this::mayAccessStore).toList();
    }

    /**
     * Refuses a store of another region, or one the registry does not know, unless the user is a platform admin
     * (whose commands then report an unknown store as they always have).
     *
     * @throws SecurityException e.g. {@code user carol administers region east only; store bj-transit-004 is in
     *     region north}
     */
    public void checkStore(StoreRegistry registry, String storeId) {
        if (platformAdmin) {
            return;
        }
        Optional<Store> store = storeId == null ? Optional.empty() : registry.store(storeId);
        if (store.isEmpty()) {
            throw new SecurityException(describe() + "; store " + storeId + " is not a registered store");
        }
        if (!mayAccessStore(store.get())) {
            throw new SecurityException(describe() + "; store " + storeId + " is in "
                    + (store.get().region() == null ? "no region" : "region " + store.get().region()));
        }
    }

    /** Refuses a region the user does not administer. */
    public void checkRegion(String region) {
        if (!mayAccessRegion(region)) {
            throw new SecurityException(describe() + "; region " + region + " is not one of them");
        }
    }

    /**
     * Refuses anyone but a platform admin.
     *
     * @param what what is refused, for the message, e.g. {@code storelink:dlq-list}
     */
    public void checkPlatformAdmin(String what) {
        if (!platformAdmin) {
            throw new SecurityException(describe() + "; " + what + " is for platform admins only");
        }
    }

    /** {@code user carol administers region east only}, {@code ... regions east, west only}, {@code ... no region}. */
    public String describe() {
        String who = user == null ? "the current user" : "user " + user;
        if (platformAdmin) {
            return who + " administers the platform";
        }
        if (regions.isEmpty()) {
            return who + " administers no region";
        }
        return who + " administers " + (regions.size() == 1 ? "region " : "regions ") + String.join(", ", regions)
                + " only";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegionAccess that && platformAdmin == that.platformAdmin
                && Objects.equals(user, that.user) && regions.equals(that.regions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, platformAdmin, regions);
    }

    @Override
    public String toString() {
        return describe();
    }
}
