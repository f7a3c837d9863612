package org.storelink.delivery.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.storelink.partners.Partner;
import org.storelink.partners.PartnerKind;
import org.storelink.partners.PartnerRegistry;

/** Partners {@code swift} and {@code zoom} (fleets) and {@code acme-foods} (a brand). */
final class TestPartners implements PartnerRegistry {
    static final String SWIFT = "swift";
    static final String ZOOM = "zoom";
    static final String BRAND = "acme-foods";

    private final Map<String, Partner> partners = new ConcurrentHashMap<>();

    TestPartners() {
        add(SWIFT, PartnerKind.FLEET);
        add(ZOOM, PartnerKind.FLEET);
        add(BRAND, PartnerKind.BRAND);
    }

    static Partner partner(String id, PartnerKind kind) {
        return new Partner(id, kind, Optional.empty(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    void add(String id, PartnerKind kind) {
        partners.put(id, partner(id, kind));
    }

    void remove(String id) {
        partners.remove(id);
    }

    @Override
    public List<Partner> partners() {
        return partners.values().stream().sorted(java.util.Comparator.comparing(Partner::id)).toList();
    }

    @Override
    public Optional<Partner> find(String id) {
        return Optional.ofNullable(partners.get(id));
    }
}
