package org.storelink.payments.command;

import org.storelink.stores.testing.AsUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.storelink.model.Payment;
import org.storelink.payments.PaymentQueries;

class PaymentsCommandTest {
    private final List<String> queried = new ArrayList<>();

    private PaymentsCommand command(String store) {
        PaymentsCommand command = new PaymentsCommand();
        command.stores = AsUser.STORES;
        command.store = store;
        command.day = "2026-11-26";
        command.payments = new PaymentQueries() {
            @Override
            public List<Payment> payments(String storeId, LocalDate day) {
                queried.add(storeId);
                return List.of();
            }

            @Override
            public Optional<Payment> payment(String paymentId) {
                return Optional.empty();
            }
        };
        return command;
    }

    @Test
    void aRegionalAdminIsRefusedAStoreOfAnotherRegion() {
        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, command("bj-transit-004")))
                .isInstanceOf(SecurityException.class).hasMessage(AsUser.REFUSED_NORTH);
        assertThat(queried).isEmpty();
    }

    @Test
    void aRegionalAdminAndThePlatformAdminSeeWhatTheyAdminister() throws Exception {
        AsUser.run(AsUser.EAST_ADMIN, command("sh-campus-001"));
        AsUser.run(AsUser.PLATFORM_ADMIN, command("bj-transit-004"));

        assertThat(queried).containsExactly("sh-campus-001", "bj-transit-004");
    }
}
