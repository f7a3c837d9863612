package org.storelink.partners;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A partner system. Its id is also its broker principal (the user it logs in as) and part of its address names,
 * so it is restricted to what is safe in all three: 2 to 40 characters of lowercase letters, digits and hyphens,
 * starting and ending with a letter or digit.
 *
 * @param id      the partner's id and broker principal, such as {@code acme-foods}
 * @param kind    brand, wholesaler or fleet
 * @param name    a display name, if one was given
 * @param created when storelink registered the partner
 */
public record Partner(String id, PartnerKind kind, Optional<String> name, Instant created) {
    public static final int ID_MIN = 2;
    public static final int ID_MAX = 40;
    public static final int NAME_MAX = 100;

    /** Every partner has this role; on its own it grants nothing, it marks the principal as a partner's. */
    public static final String ROLE = "partner";

    private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    public Partner {
        checkId(id);
        Objects.requireNonNull(kind, "kind: is required");
        name = Objects.requireNonNull(name, "name").map(String::strip).filter(text -> !text.isEmpty());
        name.ifPresent(Partner::checkName);
        Objects.requireNonNull(created, "created: is required");
    }

    /** Refuses an id that is not a valid partner id, with a message that names the field and the rule. */
    public static String checkId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("id: is required");
        }
        if (id.length() < ID_MIN || id.length() > ID_MAX) {
            throw new IllegalArgumentException("id: must be " + ID_MIN + " to " + ID_MAX + " characters, '" + id
                    + "' has " + id.length());
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: must be lowercase letters a-z, digits and '-', starting and"
                    + " ending with a letter or digit, got '" + id + "'");
        }
        return id;
    }

    private static void checkName(String name) {
        if (name.length() > NAME_MAX) {
            throw new IllegalArgumentException("name: must be at most " + NAME_MAX + " characters, has "
                    + name.length());
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name: must not contain control characters");
        }
    }

    /** The user this partner logs in to the broker as: its id. */
    public String principal() {
        return id;
    }

    /** The role that alone grants access to this partner's addresses: {@code partner-<id>}. */
    public String role() {
        return ROLE + "-" + id;
    }

    /** Where the partner sends and storelink consumes: anycast address {@code partner.<id>.in}, one queue. */
    public String inAddress() {
        return "partner." + id + ".in";
    }

    /** Where storelink sends and the partner consumes: anycast address {@code partner.<id>.out}, one queue. */
    public String outAddress() {
        return "partner." + id + ".out";
    }
}
