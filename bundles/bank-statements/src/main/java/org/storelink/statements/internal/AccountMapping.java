package org.storelink.statements.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.storelink.stores.StoreRegistry;

/**
 * Which store a bank account belongs to, from {@code accounts} in {@code etc/org.storelink.statements.cfg}.
 * Accounts are compared without spaces and case, as IBANs are often written in groups of four.
 */
final class AccountMapping {
    static final String CONFIG_FILE = "etc/" + StatementsConfig.PID + ".cfg";

    private final Map<String, String> stores;
    private final boolean acceptUnassigned;

    private AccountMapping(Map<String, String> stores, boolean acceptUnassigned) {
        this.stores = Map.copyOf(stores);
        this.acceptUnassigned = acceptUnassigned;
    }

    /**
     * @param accounts {@code account=storeId} pairs; a {@code .cfg} gives them as one comma-separated string
     * @throws IllegalArgumentException naming the key, for a pair that is not account=storeId, an account given
     *     twice, or an {@code unassigned} other than refuse or accept
     */
    static AccountMapping of(String[] accounts, String unassigned) {
        Map<String, String> stores = new LinkedHashMap<>();
        for (String pair : Arrays.stream(accounts == null ? new String[0] : accounts)
                .flatMap(a -> Arrays.stream(a.split(","))).map(String::strip).filter(a -> !a.isEmpty()).toList()) {
            int eq = pair.indexOf('=');
            String account = eq < 0 ? "" : normalize(pair.substring(0, eq));
            String store = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (account.isEmpty() || store.isEmpty()) {
                throw new IllegalArgumentException("accounts: \"" + pair + "\" is not account=storeId");
            }
            String earlier = stores.putIfAbsent(account, store);
            if (earlier != null) {
                throw new IllegalArgumentException("accounts: account " + account + " is assigned twice ("
                        + earlier + " and " + store + ")");
            }
        }
        String policy = unassigned == null ? "refuse" : unassigned.strip().toLowerCase(Locale.ROOT);
        if (!policy.equals("refuse") && !policy.equals("accept")) {
            throw new IllegalArgumentException("unassigned: \"" + unassigned + "\" is neither refuse nor accept");
        }
        return new AccountMapping(stores, policy.equals("accept"));
    }

    static String normalize(String account) {
        return account.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** The store of an account, or why its entries cannot be imported. */
    Assignment assign(String account, StoreRegistry registry) {
        String store = stores.get(normalize(account));
        if (store == null) {
            return acceptUnassigned ? new Assignment(null, null) : new Assignment(null, "account " + account
                    + " is not assigned to a store (set accounts in " + CONFIG_FILE + ")");
        }
        if (registry.store(store).isEmpty()) {
            return new Assignment(null, "account " + account + " is assigned to store " + store
                    + ", which is not registered (see storelink:store-list)");
        }
        return new Assignment(store, null);
    }

    int size() {
        return stores.size();
    }

    /** @param storeId null when unassigned; @param problem why the entries cannot be imported, or null */
    record Assignment(String storeId, String problem) {
    }
}
