package org.storelink.recommend.command;

import org.storelink.stores.testing.AsUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import javax.security.auth.Subject;

import org.apache.karaf.shell.api.action.Action;
import org.junit.jupiter.api.Test;
import org.storelink.recommend.Recommendations;

class RecommendCommandsTest {

    /** Recommends nothing: empty lists, no region. */
    private static final Recommendations NOTHING = mock(Recommendations.class);

    private static String printed(Subject subject, Action command) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            AsUser.run(subject, command);
        } finally {
            System.setOut(console);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void recommendationsAndPricesOnlyForStoresOfTheOwnRegion() throws Exception {
        RecommendCommand recommend = new RecommendCommand();
        recommend.recommendations = NOTHING;
        recommend.stores = AsUser.STORES;
        recommend.store = "bj-transit-004";
        PriceSuggestCommand prices = new PriceSuggestCommand();
        prices.recommendations = NOTHING;
        prices.stores = AsUser.STORES;
        prices.store = "bj-transit-004";

        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, recommend)).isInstanceOf(SecurityException.class)
                .hasMessage(AsUser.REFUSED_NORTH);
        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, prices)).isInstanceOf(SecurityException.class)
                .hasMessage(AsUser.REFUSED_NORTH);
        assertThat(printed(AsUser.PLATFORM_ADMIN, recommend)).contains("Store: bj-transit-004");
        recommend.store = "sh-campus-001";
        prices.store = "sh-campus-001";
        assertThat(printed(AsUser.EAST_ADMIN, recommend)).contains("Store: sh-campus-001");
        assertThat(printed(AsUser.EAST_ADMIN, prices)).contains("Store: sh-campus-001");
    }
}
