package org.storelink.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.partners.Partner;
import org.storelink.partners.PartnerKind;
import org.storelink.partners.PartnerListener;

class FilePartnerRegistryTest {
    private static final Instant CREATED = Instant.parse("2026-11-26T01:02:03Z");

    @TempDir
    Path etc;

    private Path file() {
        return etc.resolve("storelink-partners.json");
    }

    private static Partner partner(String id, PartnerKind kind, String name) {
        return new Partner(id, kind, Optional.ofNullable(name), CREATED);
    }

    @Test
    void noFileMeansNoPartners() {
        FilePartnerRegistry registry = new FilePartnerRegistry(file());

        assertThat(registry.partners()).isEmpty();
        assertThat(registry.find("acme")).isEmpty();
        assertThat(file()).doesNotExist();
    }

    @Test
    void addedPartnersSurviveARestartOrderedById() {
        FilePartnerRegistry registry = new FilePartnerRegistry(file());
        Partner fleet = partner("rapid-riders", PartnerKind.FLEET, null);
        Partner brand = partner("acme", PartnerKind.BRAND, "Acme Foods");
        registry.add(fleet);
        registry.add(brand);

        FilePartnerRegistry restarted = new FilePartnerRegistry(file());

        assertThat(restarted.partners()).containsExactly(brand, fleet);
        assertThat(restarted.find("acme")).contains(brand);
        assertThat(restarted.find("rapid-riders").orElseThrow().name()).isEmpty();
    }

    @Test
    void theFileIsPlainJsonWithoutAnAbsentName() throws Exception {
        FilePartnerRegistry registry = new FilePartnerRegistry(file());
        registry.add(partner("acme", PartnerKind.BRAND, "Acme Foods"));
        registry.add(partner("metro-cc", PartnerKind.WHOLESALER, null));

        String json = Files.readString(file());

        assertThat(json.replaceAll("\\s", "")).isEqualTo("{\"partners\":["
                + "{\"id\":\"acme\",\"kind\":\"brand\",\"name\":\"AcmeFoods\",\"created\":\"2026-11-26T01:02:03Z\"},"
                + "{\"id\":\"metro-cc\",\"kind\":\"wholesaler\",\"created\":\"2026-11-26T01:02:03Z\"}]}");
        assertThat(etc.resolve("storelink-partners.json.tmp")).doesNotExist();
    }

    @Test
    void refusesAnExistingIdAndKeepsTheFirst() {
        FilePartnerRegistry registry = new FilePartnerRegistry(file());
        Partner first = partner("acme", PartnerKind.BRAND, "Acme Foods");
        registry.add(first);

        assertThatThrownBy(() -> registry.add(partner("acme", PartnerKind.FLEET, "Other")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id: partner 'acme' already exists");
        assertThat(new FilePartnerRegistry(file()).partners()).containsExactly(first);
    }

    @Test
    void removedPartnersStayRemovedAfterARestart() {
        FilePartnerRegistry registry = new FilePartnerRegistry(file());
        Partner acme = partner("acme", PartnerKind.BRAND, null);
        Partner metro = partner("metro-cc", PartnerKind.WHOLESALER, null);
        registry.add(acme);
        registry.add(metro);

        assertThat(registry.remove("acme")).contains(acme);
        assertThat(registry.remove("acme")).isEmpty();

        assertThat(new FilePartnerRegistry(file()).partners()).containsExactly(metro);
    }

    @Test
    void anUnreadableFileFailsActivationNamingEveryProblem() throws Exception {
        Files.writeString(file(), """
                {"partners": [
                  {"id": "acme", "kind": "brand", "created": "2026-11-26T01:02:03Z"},
                  {"id": "Bad_Id", "kind": "brand", "created": "2026-11-26T01:02:03Z"},
                  {"id": "metro-cc", "kind": "bank", "created": "2026-11-26T01:02:03Z"},
                  {"id": "acme", "kind": "fleet", "created": "2026-11-26T01:02:03Z"},
                  {"id": "late", "kind": "fleet", "created": "yesterday"},
                  {"id": "extra", "kind": "fleet", "created": "2026-11-26T01:02:03Z", "password": "x"},
                  "acme"
                ]}
                """, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new FilePartnerRegistry(file()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partner registry " + file().toAbsolutePath() + " refused")
                .hasMessageContaining("partners[1].id: must be lowercase letters")
                .hasMessageContaining("partners[2].kind: must be one of brand, wholesaler, fleet, got 'bank'")
                .hasMessageContaining("partners[3].id: 'acme' is listed twice")
                .hasMessageContaining("partners[4].created: not an ISO-8601 instant: yesterday")
                .hasMessageContaining("partners[5].password: unknown field")
                .hasMessageContaining("partners[6]: must be an object");
    }

    @Test
    void notJsonFailsActivation() throws Exception {
        Files.writeString(file(), "{\"partners\": [", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new FilePartnerRegistry(file()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void aListenerHearsOfEveryPartnerOnceThoseBeforeItAndThoseAfter() {
        FilePartnerRegistry registry = new FilePartnerRegistry(file());
        Partner acme = partner("acme", PartnerKind.BRAND, null);
        Partner metro = partner("metro-cc", PartnerKind.WHOLESALER, null);
        registry.add(acme);
        List<String> heard = new ArrayList<>();
        PartnerListener listener = new PartnerListener() {
            @Override
            public void partnerAdded(Partner partner) {
                heard.add("added " + partner.id());
            }

            @Override
            public void partnerRemoved(Partner partner) {
                heard.add("removed " + partner.id());
            }
        };

        registry.addListener(listener);
        registry.add(metro);
        registry.remove("acme");
        registry.removeListener(listener);
        registry.add(partner("after", PartnerKind.FLEET, null));

        assertThat(heard).containsExactly("added acme", "added metro-cc", "removed acme");
    }

    @Test
    void aFailingListenerDoesNotUndoTheChangeNorSilenceOthers() {
        FilePartnerRegistry registry = new FilePartnerRegistry(file());
        List<String> heard = new ArrayList<>();
        registry.addListener(partner -> {
            throw new IllegalStateException("broken listener");
        });
        registry.addListener(partner -> heard.add(partner.id()));

        registry.add(partner("acme", PartnerKind.BRAND, null));

        assertThat(heard).containsExactly("acme");
        assertThat(new FilePartnerRegistry(file()).find("acme")).isPresent();
    }
}
