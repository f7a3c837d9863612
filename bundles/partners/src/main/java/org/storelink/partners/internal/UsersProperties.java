package org.storelink.partners.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Users of Karaf's JAAS realm {@code karaf}, in {@code etc/users.properties} ({@code user = password,role,...}),
 * written the way storelink-messaging writes its own users: the password only as the hash Karaf's {@code basic}
 * encryption compares ({@code etc/org.apache.karaf.jaas.cfg}: SHA-256, hexadecimal, {@code {CRYPT}} on both sides),
 * other lines left exactly as they are. Karaf's properties login module reads the file at every login, so a user
 * written here can log in to the broker at once.
 */
final class UsersProperties {
    private final Path file;

    UsersProperties(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    synchronized boolean has(String user) {
        return lines().stream().anyMatch(definition(user).asPredicate());
    }

    /** The roles and groups written after the password of a user, or an empty list if there is no such user. */
    synchronized List<String> rolesOf(String user) {
        Pattern definition = definition(user);
        for (String line : lines()) {
            var matcher = definition.matcher(line);
            if (matcher.find()) {
                String[] parts = line.substring(matcher.end()).split(",");
                List<String> roles = new ArrayList<>();
                for (int i = 1; i < parts.length; i++) {
                    roles.add(parts[i].strip());
                }
                return List.copyOf(roles);
            }
        }
        return List.of();
    }

    /** Adds a user; refuses one that exists, since a partner must never take over another principal. */
    synchronized void add(String user, String password, List<String> roles) {
        if (password.isBlank() || password.contains(",")) {
            throw new IllegalArgumentException("password must be non-blank and without commas");
        }
        List<String> lines = new ArrayList<>(lines());
        if (lines.stream().anyMatch(definition(user).asPredicate())) {
            throw new IllegalArgumentException("id: '" + user + "' is already a user of Karaf's realm in " + file);
        }
        lines.add(user + " = " + hash(password) + "," + String.join(",", roles));
        write(lines);
    }

    /** Removes the user's line; returns whether there was one. */
    synchronized boolean remove(String user) {
        List<String> lines = new ArrayList<>(lines());
        boolean removed = lines.removeIf(definition(user).asPredicate());
        if (removed) {
            write(lines);
        }
        return removed;
    }

    static String hash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return "{CRYPT}" + HexFormat.of().withUpperCase().formatHex(digest) + "{CRYPT}";
        } catch (NoSuchAlgorithmException e) {
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

    private void write(List<String> lines) {
        try {
            // a name of its own, so a concurrent writer of the same file (storelink-messaging) cannot mix with it
            Path tmp = file.resolveSibling(file.getFileName() + ".partners.tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            keepPermissions(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void keepPermissions(Path tmp) throws IOException {
        if (Files.exists(file) && Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
        }
    }

    private static Pattern definition(String user) {
        return Pattern.compile("^\\s*" + Pattern.quote(user) + "\\s*[=:]");
    }
}
