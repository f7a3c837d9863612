package org.storelink.promotions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.storelink.model.AreaProfile;
import org.storelink.model.Store;
import org.storelink.promotions.Mechanics;

class EligibilityTest {
    private static final Store EAST_STUDENT = store("sh-001", "east", AreaProfile.STUDENT);
    private static final Store EAST_OFFICE = store("sh-002", "east", AreaProfile.OFFICE);
    private static final Store NORTH_STUDENT = store("bj-001", "north", AreaProfile.STUDENT);

    private static Store store(String id, String region, AreaProfile area) {
        return new Store(id, id, region, area, Fixtures.SHANGHAI, null);
    }

    private static Eligibility of(Set<String> regions, Set<AreaProfile> areas, Set<String> stores) {
        return new Eligibility(regions, areas, stores);
    }

    @Test
    void emptyListsAdmitEveryStore() {
        assertThat(Eligibility.ALL.admits(EAST_STUDENT)).isTrue();
        assertThat(Eligibility.ALL.admits(NORTH_STUDENT)).isTrue();
    }

    @Test
    void eachListRestrictsOnItsOwn() {
        Eligibility east = of(Set.of("east"), Set.of(), Set.of());
        assertThat(east.admits(EAST_STUDENT)).isTrue();
        assertThat(east.admits(EAST_OFFICE)).isTrue();
        assertThat(east.admits(NORTH_STUDENT)).isFalse();

        Eligibility students = of(Set.of(), Set.of(AreaProfile.STUDENT), Set.of());
        assertThat(students.admits(EAST_STUDENT)).isTrue();
        assertThat(students.admits(NORTH_STUDENT)).isTrue();
        assertThat(students.admits(EAST_OFFICE)).isFalse();

        Eligibility named = of(Set.of(), Set.of(), Set.of("sh-002"));
        assertThat(named.admits(EAST_OFFICE)).isTrue();
        assertThat(named.admits(EAST_STUDENT)).isFalse();
    }

    @Test
    void listsCombineSoAStoreMustMatchEveryOneGiven() {
        Eligibility eastStudents = of(Set.of("east"), Set.of(AreaProfile.STUDENT), Set.of());
        assertThat(eastStudents.admits(EAST_STUDENT)).isTrue();
        assertThat(eastStudents.admits(EAST_OFFICE)).isFalse();
        assertThat(eastStudents.admits(NORTH_STUDENT)).isFalse();

        Eligibility all3 = of(Set.of("east", "north"), Set.of(AreaProfile.STUDENT), Set.of("bj-001", "sh-002"));
        assertThat(all3.admits(NORTH_STUDENT)).isTrue();
        assertThat(all3.admits(EAST_STUDENT)).isFalse(); // not listed
        assertThat(all3.admits(EAST_OFFICE)).isFalse(); // listed, but an office area
    }

    @Test
    void aStoreWithoutRegionOrAreaIsAdmittedOnlyWhereTheyDoNotRestrict() {
        Store bare = new Store("x-1", "x", null, null, Fixtures.SHANGHAI, null);
        assertThat(of(Set.of("east"), Set.of(), Set.of()).admits(bare)).isFalse();
        assertThat(of(Set.of(), Set.of(AreaProfile.MIXED), Set.of()).admits(bare)).isFalse();
        assertThat(of(Set.of(), Set.of(), Set.of("x-1")).admits(bare)).isTrue();
    }

    @Test
    void aStoreTheRegistryNoLongerKnowsIsEligibleOnlyByIdOrWhenNothingRestricts() {
        PromotionRow everywhere = row(Eligibility.ALL);
        PromotionRow byId = row(of(Set.of(), Set.of(), Set.of("gone-1")));
        PromotionRow byRegion = row(of(Set.of("east"), Set.of(), Set.of()));
        assertThat(everywhere.admits("gone-1", Optional.empty())).isTrue();
        assertThat(byId.admits("gone-1", Optional.empty())).isTrue();
        assertThat(byId.admits("gone-2", Optional.empty())).isFalse();
        assertThat(byRegion.admits("gone-1", Optional.empty())).isFalse();
    }

    private static PromotionRow row(Eligibility eligibility) {
        return new PromotionRow("P", "b", "c", 1, "n", new Mechanics.PercentOff(10),
                OffsetDateTime.parse("2026-12-01T00:00:00+08:00"), OffsetDateTime.parse("2027-01-01T00:00:00+08:00"),
                "CNY", 100, 0, false, Set.of(Fixtures.TEA_14), eligibility);
    }
}
