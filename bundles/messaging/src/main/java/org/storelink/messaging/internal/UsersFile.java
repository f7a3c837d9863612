package org.storelink.messaging.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Karaf's {@code etc/users.properties}: {@code user = password, role, _g_:group}. Lines are edited in place so the
 * operator's comments and other users stay as they are. Passwords are written already hashed the way Karaf's
 * {@code basic} encryption service checks them ({@code etc/org.apache.karaf.jaas.cfg}: SHA-256, hexadecimal,
 * {@code {CRYPT}} prefix and suffix), so no clear password is ever on disk and Karaf never rewrites the file.
 */
final class UsersFile {
    private final Path file;

    UsersFile(Path file) {
        this.file = file;
    }

    synchronized boolean has(String user) {
        return lines().stream().anyMatch(definition(user).asPredicate());
    }

    /** Adds the user, or replaces its password and roles if it exists. */
    synchronized void put(String user, String password, String roles) {
        if (user.isBlank() || password.contains(",") || password.isBlank()) {
            throw new IllegalArgumentException("user and password must be non-blank and the password without commas");
        }
        String line = user + " = " + hash(password) + "," + roles;
        List<String> lines = new ArrayList<>(lines());
        Pattern existing = definition(user);
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (existing.matcher(lines.get(i)).find()) {
                lines.set(i, line);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(line);
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String hash(String password) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8));
            return "{CRYPT}" + java.util.HexFormat.of().withUpperCase().formatHex(digest) + "{CRYPT}";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Pattern definition(String user) {
        return Pattern.compile("^\\s*" + Pattern.quote(user) + "\\s*[=:]");
    }
}
