package org.storelink.delivery.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.storelink.delivery.DayCounts;
import org.storelink.delivery.Deliveries;
import org.storelink.delivery.DeliveryDay;
import org.storelink.delivery.DeliveryStatus;
import org.storelink.delivery.DeliveryView;
import org.storelink.delivery.Submission;
import org.storelink.model.Violation;

class DeliveriesCommandTest {

    private static DeliveryView view(String id, String order, DeliveryStatus status, String from, String to,
                                     String statusAt, String rider, String reason, boolean sent, boolean late) {
        return new DeliveryView(id, "sh-001", order, "swift", status, OffsetDateTime.parse(from),
                OffsetDateTime.parse(to), OffsetDateTime.parse("2026-11-26T17:00:00+08:00"),
                OffsetDateTime.parse(statusAt), null, rider, reason,
                sent ? Instant.parse("2026-11-26T09:00:01Z") : null, late, List.of());
    }

    private static String printed(DeliveryDay day) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DeliveriesCommand.print(day, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsEachDeliveryAndTheDaysCounts() {
        DeliveryDay day = new DeliveryDay("sh-001", ZoneId.of("Asia/Shanghai"), LocalDate.of(2026, 11, 26),
                Instant.parse("2026-11-26T17:00:00Z"), new DayCounts(3, 1, 0, 2, 1, 1), List.of(
                view("d-1", "WX-41", DeliveryStatus.DELIVERED, "2026-11-26T18:00+08:00", "2026-11-26T18:45+08:00",
                        "2026-11-26T18:52+08:00", "rider-4411", null, true, true),
                view("d-2", "WX-42", DeliveryStatus.FAILED, "2026-11-26T19:00+08:00", "2026-11-26T19:45+08:00",
                        "2026-11-26T19:30+08:00", "rider-4411", "customer not home", true, false),
                view("d-3", "WX-43", DeliveryStatus.REQUESTED, "2026-11-26T23:30+08:00", "2026-11-27T00:30+08:00",
                        "2026-11-26T17:00+08:00", null, null, false, true)));

        String out = printed(day);

        assertThat(out).startsWith("Store: sh-001   Day: 2026-11-26 (Asia/Shanghai)");
        assertThat(out).containsPattern("d-1 +\\| WX-41 \\| swift \\| delivered +\\| 18:00-18:45 +\\| 18:52 +\\|"
                + " rider-4411 \\| yes +\\| LATE");
        assertThat(out).contains("failed (customer not home)");
        assertThat(out).containsPattern("d-3 .*\\| 23:30-11-27 00:30 \\| 17:00 +\\| +\\| waiting \\| LATE");
        assertThat(out).contains("Total: 3   Delivered: 1   On time: 0   Late: 2   Failed: 1   Open: 1");
    }

    @Test
    void anEmptyDayPrintsNoDeliveriesAndZeroCounts() {
        String out = printed(new DeliveryDay("sh-001", ZoneId.of("Asia/Shanghai"), LocalDate.of(2026, 11, 26),
                Instant.parse("2026-11-26T17:00:00Z"), new DayCounts(0, 0, 0, 0, 0, 0), List.of()));

        assertThat(out).contains("(no deliveries)").contains("Total: 0");
    }

    @Test
    void anUnknownStoreOrABadDayIsAClearError() {
        DeliveriesCommand command = new DeliveriesCommand();
        command.deliveries = new Deliveries() {
            @Override
            public Submission request(String storeId, byte[] json) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<DeliveryDay> day(String storeId, LocalDate day) {
                return Optional.empty();
            }

            @Override
            public Optional<DeliveryView> find(String storeId, String deliveryId) {
                return Optional.empty();
            }
        };
        command.store = "nope";
        assertThatThrownBy(command::execute).hasMessage("Unknown store \"nope\"");
        command.day = "26/11/2026";
        assertThatThrownBy(command::execute).hasMessage("--day: \"26/11/2026\" is not a date YYYY-MM-DD");
    }

    @Test
    void theRequestCommandPrintsTheDeliveryOrEveryProblem() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DeliveryRequestCommand.print(new Submission(Submission.Outcome.CREATED, "d-1", "swift", "ok", List.of()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("Delivery d-1 requested from fleet swift; the"
                + " request goes to partner.swift.out.\n");

        assertThatThrownBy(() -> DeliveryRequestCommand.print(new Submission(Submission.Outcome.INVALID, null, null,
                "The delivery request has 2 problem(s)", List.of(new Violation("items[0].gtin", "check digit is 3,"
                + " expected 2"), new Violation("fleet", "no partner 'x' is registered"))), System.out))
                .hasMessage("The delivery request has 2 problem(s):\n  items[0].gtin: check digit is 3, expected 2\n"
                        + "  fleet: no partner 'x' is registered");
    }
}
