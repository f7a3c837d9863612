package org.storelink.partners.command;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Arrays;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;

/** Runs a command as the shell does, as a logged-in platform or regional admin. */
final class AsUser {
    static final Subject PLATFORM_ADMIN = subject("admin", "admin", "manager", "viewer", "ssh");
    static final Subject EAST_ADMIN = subject("carol", "ssh", "viewer", "region-admin", "region-east");

    private AsUser() {
    }

    static Subject subject(String user, String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        Arrays.stream(roles).map(RolePrincipal::new).forEach(subject.getPrincipals()::add);
        return subject;
    }

    /** The command's result; its exception as it is. */
    @SuppressWarnings("removal")
    static Object run(Subject subject, Action command) throws Exception {
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<Object>) command::execute);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }
}
