package org.storelink.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartnerTest {
    private static final Instant CREATED = Instant.parse("2026-11-26T01:02:03Z");

    private static Partner partner(String id) {
        return new Partner(id, PartnerKind.BRAND, Optional.empty(), CREATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "acme", "acme-foods", "x9", "0-0", "a1b2c3-d4",
        "abcdefghij-abcdefghij-abcdefghij-abcdefg"})
    void acceptsIdsOfLowercaseLettersDigitsAndHyphens(String id) {
        assertThat(partner(id).id()).isEqualTo(id);
    }

    @Test
    void fortyCharactersIsTheLongestId() {
        assertThat(partner("a".repeat(40)).id()).hasSize(40);
        assertThatThrownBy(() -> partner("a".repeat(41)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id: must be 2 to 40 characters, '" + "a".repeat(41) + "' has 41");
    }

    @Test
    void oneCharacterIsTooShort() {
        assertThatThrownBy(() -> partner("a")).hasMessage("id: must be 2 to 40 characters, 'a' has 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme", "acme_foods", "acme.foods", "acme foods", "-acme", "acme-", "acme#", "acme*",
        "äcme", "acme>"})
    void refusesOtherCharactersNamingTheField(String id) {
        assertThatThrownBy(() -> partner(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("id: must be lowercase letters a-z, digits and '-'")
                .hasMessageEndingWith("got '" + id + "'");
    }

    @Test
    void refusesAMissingId() {
        assertThatThrownBy(() -> partner(null)).hasMessage("id: is required");
        assertThatThrownBy(() -> partner("")).hasMessage("id: is required");
    }

    @Test
    void kindIsOneOfThreeCodes() {
        assertThat(PartnerKind.of("brand")).isEqualTo(PartnerKind.BRAND);
        assertThat(PartnerKind.of("Wholesaler ")).isEqualTo(PartnerKind.WHOLESALER);
        assertThat(PartnerKind.of("fleet")).isEqualTo(PartnerKind.FLEET);
        assertThatThrownBy(() -> PartnerKind.of("bank"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kind: must be one of brand, wholesaler, fleet, got 'bank'");
        assertThatThrownBy(() -> PartnerKind.of(null))
                .hasMessage("kind: must be one of brand, wholesaler, fleet, got nothing");
    }

    @Test
    void nameIsOptionalStrippedAndBlankMeansNone() {
        assertThat(new Partner("acme", PartnerKind.BRAND, Optional.of("  Acme Foods "), CREATED).name())
                .contains("Acme Foods");
        assertThat(new Partner("acme", PartnerKind.BRAND, Optional.of("   "), CREATED).name()).isEmpty();
    }

    @Test
    void refusesALongNameOrControlCharacters() {
        assertThatThrownBy(() -> new Partner("acme", PartnerKind.BRAND, Optional.of("x".repeat(101)), CREATED))
                .hasMessage("name: must be at most 100 characters, has 101");
        assertThatThrownBy(() -> new Partner("acme", PartnerKind.BRAND, Optional.of("Acme\nFoods"), CREATED))
                .hasMessage("name: must not contain control characters");
    }

    @Test
    void principalRoleAndAddressesFollowFromTheId() {
        Partner partner = partner("acme-foods");

        assertThat(partner.principal()).isEqualTo("acme-foods");
        assertThat(partner.role()).isEqualTo("partner-acme-foods");
        assertThat(partner.inAddress()).isEqualTo("partner.acme-foods.in");
        assertThat(partner.outAddress()).isEqualTo("partner.acme-foods.out");
    }
}
