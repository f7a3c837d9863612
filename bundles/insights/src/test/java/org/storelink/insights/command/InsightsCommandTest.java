package org.storelink.insights.command;

import org.storelink.stores.testing.AsUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.storelink.insights.SampleInsights;

class InsightsCommandTest {

    private static String printed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        InsightsCommand.print(SampleInsights.of("sh-001"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsEverySectionAsReadableTables() {
        String out = printed();

        assertThat(out).contains("Store: sh-001   Zone: Asia/Shanghai   Days: 2026-10-31 to 2026-11-27 (28)"
                + "   Currency: CNY");
        assertThat(out).contains("Sales: 2   Returns: 0   Revenue: CNY 19.00");
        assertThat(out).containsPattern("09:00 +\\| +2 \\| CNY 19.00");
        assertThat(out).doesNotContain("10:00 ");
        assertThat(out).containsPattern("Thursday +\\| +2 \\| CNY 19.00");
        assertThat(out).containsPattern("06901234567892 \\| Green tea 500ml \\| +2 \\| +CNY 7.00");
        assertThat(out).containsPattern("06901234567892 \\| Green tea 500ml \\| +10 \\| +5 \\| +2.00 \\| rising");
        assertThat(out).containsPattern("04006381333931 \\| Coffee +\\| +1 \\| +0 \\| +- \\| new");
        assertThat(out).contains("Basket: 1.50 items and CNY 9.50 per sale, over 2 sales");
        assertThat(out).contains("Repeat customers: 37.5% (3 of 8 identified customers bought on 2 or more days)");
        assertThat(out).containsPattern("18-24 +\\| +- \\| +\\| suppressed: fewer than 5 customers");
        assertThat(out).containsPattern("25-34 +\\| +6 \\| 06901234567892 \\| Green tea 500ml +\\| +8 \\| CNY 28.00");
        assertThat(out).contains("2 product(s) bought by fewer than 5 customers withheld");
    }

    @Test
    void anUnknownStoreOrABadWindowIsAClearError() {
        InsightsCommand command = new InsightsCommand();
        command.insights = (store, days) -> Optional.empty();
        command.store = "nope";

        assertThatThrownBy(() -> AsUser.run(AsUser.PLATFORM_ADMIN, command))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown store \"nope\"");
        command.days = 0;
        assertThatThrownBy(() -> AsUser.run(AsUser.PLATFORM_ADMIN, command)).hasMessageStartingWith("--days:");
    }

    @Test
    void aRegionalAdminIsRefusedAStoreOfAnotherRegion() {
        InsightsCommand command = new InsightsCommand();
        command.insights = (store, days) -> {
            throw new AssertionError("not reached");
        };
        command.stores = AsUser.STORES;
        command.store = "bj-transit-004";

        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, command)).isInstanceOf(SecurityException.class)
                .hasMessage(AsUser.REFUSED_NORTH);
        command.store = "nope";
        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, command)).isInstanceOf(SecurityException.class)
                .hasMessageEndingWith("store nope is not a registered store");
    }

    @Test
    void aRegionalAdminSeesItsOwnStore() {
        InsightsCommand command = new InsightsCommand();
        command.insights = (store, days) -> Optional.empty();
        command.stores = AsUser.STORES;
        command.store = "sh-campus-001";

        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, command)).as("past the region check")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown store \"sh-campus-001\"");
    }
}
