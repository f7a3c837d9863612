package org.storelink.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.storelink.delivery.DeliveryStatus;
import org.storelink.delivery.DeliveryView;
import org.storelink.delivery.StatusChange;
import org.storelink.model.Violation;

/**
 * Status updates against the database, on H2; {@link StatusStateMachinePostgresTest} runs them on PostgreSQL. The
 * delivery {@code d-1} of store sh-001 goes to fleet swift, promised 18:00-18:45 in Shanghai (10:00-10:45Z).
 */
class StatusStateMachineTest {
    private static final Instant NOW = Instant.parse("2026-11-26T11:00:00Z");

    private final TestDatabases.Kind kind = kind();
    private DataSource dataSource;
    private DeliveryService service;
    private StatusHandler handler;

    TestDatabases.Kind kind() {
        return TestDatabases.H2;
    }

    @BeforeEach
    void start() throws Exception {
        dataSource = kind.create();
        JdbcDeliveries database = new JdbcDeliveries(dataSource, Duration.ofMinutes(5));
        int[] ids = {0};
        service = new DeliveryService(database, TestStores.all(), new TestPartners(), Map.of(),
                Clock.fixed(DeliveryServiceTest.NOW, ZoneOffset.UTC), () -> "d-" + ++ids[0], () -> { });
        service.request("sh-001", TestRequests.bytes(TestRequests.VALID));
        handler = new StatusHandler(database, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() throws Exception {
        kind.drop(dataSource);
    }

    private JdbcDeliveries.Applied status(String status, String at, String rider, String reason)
            throws StatusRejectedException {
        return handler.handle("swift", TestRequests.status("d-1", status, at, rider, reason));
    }

    private StatusRejectedException rejected(String fleet, byte[] message) {
        return catchThrowableOfType(StatusRejectedException.class, () -> handler.handle(fleet, message));
    }

    private DeliveryView delivery() {
        return service.find("sh-001", "d-1").orElseThrow();
    }

    @Test
    void aDeliveryGoesThroughItsStatusesWithHistory() throws Exception {
        assertThat(status("assigned", "2026-11-26T17:40:00+08:00", "rider-4411", null))
                .isEqualTo(JdbcDeliveries.Applied.APPLIED);
        status("picked-up", "2026-11-26T10:05:00Z", null, null);
        status("delivered", "2026-11-26T18:31:10+08:00", null, "left at the door");

        DeliveryView delivery = delivery();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.rider()).isEqualTo("rider-4411");
        assertThat(delivery.deliveredAt().toString()).isEqualTo("2026-11-26T18:31:10+08:00");
        assertThat(delivery.late()).isFalse();
        assertThat(delivery.history()).extracting(change -> change.status().code())
                .containsExactly("requested", "assigned", "picked-up", "delivered");
        // the history keeps each time with the offset the fleet sent
        assertThat(delivery.history()).extracting(change -> change.at().toString()).containsExactly(
                "2026-11-26T17:00+08:00", "2026-11-26T17:40+08:00", "2026-11-26T10:05Z", "2026-11-26T18:31:10+08:00");
        assertThat(delivery.history().get(3)).extracting(StatusChange::reason).isEqualTo("left at the door");
    }

    @Test
    void aDuplicateIsIdempotentEvenAfterLaterStatuses() throws Exception {
        status("assigned", "2026-11-26T17:40:00+08:00", "rider-4411", null);
        status("picked-up", "2026-11-26T18:05:00+08:00", null, null);

        assertThat(status("picked-up", "2026-11-26T18:05:00+08:00", null, null))
                .isEqualTo(JdbcDeliveries.Applied.DUPLICATE);
        // the same instant with another offset is the same report
        assertThat(status("assigned", "2026-11-26T09:40:00Z", "rider-4411", null))
                .isEqualTo(JdbcDeliveries.Applied.DUPLICATE);
        assertThat(delivery().history()).hasSize(3);
        assertThat(delivery().status()).isEqualTo(DeliveryStatus.PICKED_UP);
    }

    @Test
    void anotherRiderMayBeAssignedBeforePickUp() throws Exception {
        status("assigned", "2026-11-26T17:40:00+08:00", "rider-4411", null);
        status("assigned", "2026-11-26T17:45:00+08:00", "rider-5000", null);

        assertThat(delivery().rider()).isEqualTo("rider-5000");
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({
            "delivered, assigned, cannot go from delivered to assigned: the delivery is delivered already",
            "delivered, delivered, cannot go from delivered to delivered: the delivery is delivered already",
            "delivered, failed, cannot go from delivered to failed: the delivery is delivered already",
            "failed, picked-up, cannot go from failed to picked-up: the delivery is failed already",
            "requested, picked-up, cannot go from requested to picked-up",
            "requested, delivered, cannot go from requested to delivered",
            "assigned, delivered, cannot go from assigned to delivered",
            "picked-up, assigned, cannot go from picked-up to assigned"})
    void invalidTransitionsAreRejectedNamingStatus(String from, String next, String reason) throws Exception {
        String[] path = switch (from) {
            case "requested" -> new String[0];
            case "assigned" -> new String[] {"assigned"};
            case "picked-up" -> new String[] {"assigned", "picked-up"};
            case "delivered" -> new String[] {"assigned", "picked-up", "delivered"};
            case "failed" -> new String[] {"failed"};
            default -> throw new IllegalArgumentException(from);
        };
        int minute = 40;
        for (String step : path) {
            status(step, "2026-11-26T17:" + minute++ + ":00+08:00", "rider-1", "customer not home");
        }

        StatusRejectedException rejection = rejected("swift", TestRequests.status("d-1", next,
                "2026-11-26T18:50:00+08:00", "rider-1", "customer not home"));

        assertThat(rejection.violations()).containsExactly(new Violation("status", reason));
        assertThat(rejection.deliveryId()).isEqualTo("d-1");
        assertThat(rejection.status()).isEqualTo(next);
        assertThat(delivery().history()).hasSize(path.length + 1);
    }

    @Test
    void unknownDeliveriesAndOtherFleetsDeliveriesAreRejectedAlike() {
        StatusRejectedException unknown = rejected("swift", TestRequests.status("d-404", "assigned",
                "2026-11-26T17:40:00+08:00", "rider-1", null));
        StatusRejectedException other = rejected("zoom", TestRequests.status("d-1", "assigned",
                "2026-11-26T17:40:00+08:00", "rider-1", null));

        assertThat(unknown.violations()).containsExactly(new Violation("deliveryId",
                "no delivery 'd-404' for fleet 'swift'"));
        // the fleet is not told whose delivery it is; the dead letter's reason is
        assertThat(other.violations()).containsExactly(new Violation("deliveryId",
                "no delivery 'd-1' for fleet 'zoom'"));
        assertThat(other.getMessage()).contains("belongs to fleet 'swift'");
        assertThat(delivery().status()).isEqualTo(DeliveryStatus.REQUESTED);
    }

    @Test
    void timesOutOfOrderOrInTheFutureAreRejectedNamingAt() throws Exception {
        status("assigned", "2026-11-26T17:40:00+08:00", "rider-1", null);

        assertThat(rejected("swift", TestRequests.status("d-1", "picked-up", "2026-11-26T17:30:00+08:00", null,
                null)).violations()).extracting(Violation::path).containsExactly("at");
        assertThat(rejected("swift", TestRequests.status("d-1", "picked-up", "2026-11-26T19:06:00+08:00", null,
                null)).violations().get(0).message()).startsWith("is in the future");
        // within the allowed clock skew
        status("picked-up", "2026-11-26T19:04:00+08:00", null, null);
    }

    @Test
    void malformedMessagesAreRejectedNamingEveryField() {
        StatusRejectedException rejection = rejected("swift", TestRequests.bytes(
                "{\"type\":\"delivery-status\",\"deliveryId\":\"d-1\",\"status\":\"lost\",\"at\":\"18:00\"}"));
        assertThat(rejection.violations()).extracting(Violation::path).containsExactly("status", "at");
        assertThat(rejection.deliveryId()).isEqualTo("d-1");

        assertThat(rejected("swift", TestRequests.status("d-1", "assigned", "2026-11-26T17:40:00+08:00", null,
                null)).violations()).containsExactly(new Violation("rider", "is required for status assigned"));
        assertThat(rejected("swift", TestRequests.status("d-1", "failed", "2026-11-26T17:40:00+08:00", null,
                null)).violations()).containsExactly(new Violation("reason", "is required for status failed"));
        assertThat(rejected("swift", TestRequests.status("d-1", "requested", "2026-11-26T17:40:00+08:00", null,
                null)).violations()).extracting(Violation::path).containsExactly("status");
        assertThat(rejected("swift", TestRequests.status("d-1", "assigned", "2026-11-26T17:40:00+08:00",
                "Wang Wei 13800138000", null)).violations()).extracting(Violation::path).containsExactly("rider");
        assertThat(rejected("swift", TestRequests.bytes("{\"type\":\"delivery-request\",\"deliveryId\":\"d-1\","
                + "\"status\":\"assigned\",\"at\":\"2026-11-26T17:40:00+08:00\",\"rider\":\"r-1\"}")).violations())
                .extracting(Violation::path).containsExactly("type");
        assertThat(rejected("swift", TestRequests.bytes("not json")).violations())
                .extracting(Violation::path).containsExactly("$");
        assertThat(rejected("swift", new byte[0]).violations()).extracting(Violation::path).containsExactly("$");
        assertThat(rejected("swift", TestRequests.bytes("{}")).violations()).extracting(Violation::path)
                .containsExactly("deliveryId", "status", "at");
    }

    @Test
    void theStateMachineAllowsOnlyTheDocumentedMoves() {
        for (DeliveryStatus from : DeliveryStatus.values()) {
            for (DeliveryStatus to : DeliveryStatus.values()) {
                boolean expected = switch (from) {
                    case REQUESTED -> to == DeliveryStatus.ASSIGNED || to == DeliveryStatus.FAILED;
                    case ASSIGNED -> to == DeliveryStatus.ASSIGNED || to == DeliveryStatus.PICKED_UP
                            || to == DeliveryStatus.FAILED;
                    case PICKED_UP -> to == DeliveryStatus.DELIVERED || to == DeliveryStatus.FAILED;
                    default -> false;
                };
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(expected);
            }
        }
        assertThat(DeliveryStatus.of("picked-up")).isEqualTo(DeliveryStatus.PICKED_UP);
        assertThatThrownBy(() -> DeliveryStatus.of("lost")).hasMessageContaining("picked-up");
    }
}
