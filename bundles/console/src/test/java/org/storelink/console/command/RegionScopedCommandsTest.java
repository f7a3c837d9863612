package org.storelink.console.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.storelink.console.command.Shell.EAST_ADMIN;
import static org.storelink.console.command.Shell.PLATFORM_ADMIN;
import static org.storelink.console.command.Shell.STORES;
import static org.storelink.console.command.Shell.run;

import javax.security.auth.Subject;

import org.junit.jupiter.api.Test;

class RegionScopedCommandsTest {

    private static StoreListCommand storeList(String region) {
        StoreListCommand command = new StoreListCommand();
        command.stores = STORES;
        command.region = region;
        return command;
    }

    @Test
    void aRegionalAdminListsOnlyItsRegionsStores() throws Exception {
        String out = run(EAST_ADMIN, storeList(null));

        assertThat(out).contains("sh-campus-001", "hz-home-003").doesNotContain("bj-transit-004");
        assertThat(run(EAST_ADMIN, storeList("east"))).contains("sh-campus-001");
        assertThatThrownBy(() -> run(EAST_ADMIN, storeList("north"))).isInstanceOf(SecurityException.class)
                .hasMessage("user carol administers region east only; region north is not one of them");
    }

    @Test
    void thePlatformAdminListsEveryStore() throws Exception {
        assertThat(run(PLATFORM_ADMIN, storeList(null))).contains("sh-campus-001", "hz-home-003", "bj-transit-004");
        assertThat(run(PLATFORM_ADMIN, storeList("north"))).contains("bj-transit-004").doesNotContain("sh-campus");
    }

    @Test
    void nobodyLoggedInSeesNoStore() {
        assertThatThrownBy(() -> run(new Subject(), storeList("east"))).isInstanceOf(SecurityException.class);
    }

    @Test
    void deadLettersAreForPlatformAdminsOnly() {
        assertThatThrownBy(() -> run(EAST_ADMIN, new DeadLetterListCommand())).isInstanceOf(SecurityException.class)
                .hasMessage("user carol administers region east only; storelink:dlq-list is for platform admins only");
        assertThatThrownBy(() -> run(EAST_ADMIN, new DeadLetterReplayCommand()))
                .isInstanceOf(SecurityException.class).hasMessageContaining("storelink:dlq-replay");
    }
}
