package org.storelink.branding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.storelink.branding.Eligibility;
import org.storelink.model.AreaProfile;

class EligibilityCheckTest {
    private final Pack pack = PackLoader.builtIn();

    private static Pack withRules(Pack pack, BigDecimal share, Set<AreaProfile> areas) {
        return new Pack(pack.origin(), "Campus Fresh", pack.colours(), pack.font(), pack.logo(), pack.label(),
                pack.sign(), pack.tagline(), new Pack.Rules(Optional.ofNullable(share), areas));
    }

    @Test
    void aStoreBelowTheRegionsShareIsRefusedWithBothNumbers() {
        Eligibility eligibility = EligibilityCheck.check(TestData.CAMPUS, TestData.settings(new BigDecimal("0.35"),
                Map.of("sh-campus-001", new BigDecimal("0.2")), null), pack);

        assertThat(eligibility.eligible()).isFalse();
        assertThat(eligibility.reason()).isEqualTo("sh-campus-001 sources 20% through the platform, region east"
                + " requires 35%");
        assertThat(eligibility.sourcingShare()).isEqualByComparingTo("0.2");
        assertThat(eligibility.shareKnown()).isTrue();
    }

    @Test
    void anUnknownShareCountsAsZeroAndSaysWhereToSetIt() {
        Eligibility eligibility = EligibilityCheck.check(TestData.STATION, TestData.settings(new BigDecimal("0.125"),
                Map.of(), null), pack);

        assertThat(eligibility.eligible()).isFalse();
        assertThat(eligibility.shareKnown()).isFalse();
        assertThat(eligibility.reason()).isEqualTo("sh-station-002 sources 0% through the platform (no share known,"
                + " counted as 0%: set sourcing.shares in etc/org.storelink.branding-east.cfg), region east requires"
                + " 12.5%");
    }

    @Test
    void meetingTheShareExactlyIsEnoughAndNoMinimumAdmitsEveryone() {
        assertThat(EligibilityCheck.check(TestData.CAMPUS, TestData.settings(new BigDecimal("0.35"),
                Map.of("sh-campus-001", new BigDecimal("0.350")), null), pack)).satisfies(e -> {
                    assertThat(e.eligible()).isTrue();
                    assertThat(e.reason()).isEqualTo("sh-campus-001 sources 35% through the platform, region east"
                            + " requires 35%");
                });
        assertThat(EligibilityCheck.check(TestData.STATION, TestData.settings(BigDecimal.ZERO, Map.of(), null), pack))
                .satisfies(e -> {
                    assertThat(e.eligible()).isTrue();
                    assertThat(e.reason()).startsWith("sh-station-002 sources 0% through the platform (no share")
                            .endsWith("; region east requires no minimum share");
                });
    }

    @Test
    void thePacksOwnRulesApplyWhenStricter() {
        Pack strict = withRules(pack, new BigDecimal("0.5"), Set.of(AreaProfile.STUDENT, AreaProfile.OFFICE));
        BrandingSettings settings = TestData.settings(new BigDecimal("0.35"),
                Map.of("sh-campus-001", new BigDecimal("0.4"), "sh-station-002", BigDecimal.ONE), null);

        assertThat(EligibilityCheck.check(TestData.CAMPUS, settings, strict).reason())
                .isEqualTo("sh-campus-001 sources 40% through the platform, branding pack \"Campus Fresh\" requires 50%");
        Eligibility transit = EligibilityCheck.check(TestData.STATION, settings, strict);
        assertThat(transit.eligible()).isFalse();
        assertThat(transit.reason()).isEqualTo("sh-station-002 is a transit-area store; branding pack \"Campus Fresh\""
                + " is for office, student stores only");
        assertThat(EligibilityCheck.check(TestData.CAMPUS, settings, withRules(pack, new BigDecimal("0.1"), Set.of()))
                .reason()).endsWith("region east requires 35%");
    }
}
