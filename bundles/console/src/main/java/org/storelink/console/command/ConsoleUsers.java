package org.storelink.console.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The console users of Karaf's realm {@code karaf} in {@code etc/users.properties}
 * ({@code user = password, role, _g_:group}), as the admin-* commands read and write them. A password is written
 * only as the hash Karaf's {@code basic} encryption compares (SHA-256, upper-case hexadecimal, {@code {CRYPT}} on
 * both sides, as storelink-messaging writes the admin), and every other line stays exactly as it is. Karaf's
 * properties login module reads the file at each login, so a user added here can log in at once.
 */
final class ConsoleUsers {
    private static final String GROUP_PREFIX = "_g_:";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A user and its roles, those of its groups included. */
    record User(String name, List<String> ownRoles, Set<String> roles) {
    }

    private final Path file;

    ConsoleUsers(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** 192 random bits, URL-safe Base64: no comma, nothing to quote in a properties file or a shell. */
    static String generatePassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return "{CRYPT}" + HexFormat.of().withUpperCase().formatHex(digest) + "{CRYPT}";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    synchronized boolean has(String user) {
        return lines().stream().anyMatch(definition(user).asPredicate());
    }

    /** The users (not the groups), in file order. */
    synchronized List<User> users() {
        Map<String, List<String>> groups = new HashMap<>();
        List<Map.Entry<String, List<String>>> users = new ArrayList<>();
        for (String line : lines()) {
            Map.Entry<String, List<String>> entry = parse(line);
            if (entry == null) {
                continue;
            }
            if (entry.getKey().startsWith(GROUP_PREFIX)) {
                groups.put(entry.getKey(), entry.getValue());
            } else {
                users.add(entry);
            }
        }
        List<User> found = new ArrayList<>();
        for (Map.Entry<String, List<String>> user : users) {
            Set<String> roles = new LinkedHashSet<>();
            for (String role : user.getValue()) {
                if (role.startsWith(GROUP_PREFIX)) {
                    roles.addAll(groups.getOrDefault(role, List.of()));
                } else {
                    roles.add(role);
                }
            }
            found.add(new User(user.getKey(), user.getValue(), roles));
        }
        return found;
    }

    /** Adds a user; refuses one that exists, so no command can take over another principal. */
    synchronized void add(String user, String password, List<String> roles) {
        if (password.isBlank() || password.contains(",")) {
            throw new IllegalArgumentException("password must be non-blank and without commas");
        }
        List<String> lines = new ArrayList<>(lines());
        if (lines.stream().anyMatch(definition(user).asPredicate())) {
            throw new IllegalArgumentException("USER: '" + user + "' is already a user of Karaf's realm in " + file);
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

    /** {@code key = password, role, ...} as key and roles; null for comments, blanks and what is not a user. */
    private static Map.Entry<String, List<String>> parse(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        int i = 0;
        for (; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '\\' && i + 1 < trimmed.length()) {
                key.append(trimmed.charAt(++i));
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            } else {
                key.append(c);
            }
        }
        String value = trimmed.substring(i).replaceFirst("^\\s*[=:]?\\s*", "");
        String[] parts = value.split(",");
        List<String> roles = new ArrayList<>();
        for (int p = 1; p < parts.length; p++) {
            String role = parts[p].strip();
            if (!role.isEmpty()) {
                roles.add(role);
            }
        }
        return key.isEmpty() ? null : Map.entry(key.toString(), List.copyOf(roles));
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
            // a temporary name of its own, so other writers of the file (messaging, partners) cannot mix with it
            Path tmp = file.resolveSibling(file.getFileName() + ".console.tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            if (Files.exists(file) && Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Pattern definition(String user) {
        return Pattern.compile("^\\s*" + Pattern.quote(user) + "\\s*[=:]");
    }
}
