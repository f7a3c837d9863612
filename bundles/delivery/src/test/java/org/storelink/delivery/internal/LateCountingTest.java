package org.storelink.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.delivery.DayCounts;
import org.storelink.delivery.DeliveryDay;
import org.storelink.delivery.DeliveryView;
import org.storelink.delivery.Submission;

/**
 * A delivery belongs to the day its promised window starts on in the store's zone, whatever offset the store wrote
 * and whether the window crosses midnight. Shanghai is UTC+8; Los Angeles is UTC-8 in November.
 */
class LateCountingTest {
    private static final Instant TAKEN = Instant.parse("2026-11-25T00:00:00Z");
    private static final LocalDate NOV_26 = LocalDate.of(2026, 11, 26);

    private final TestDatabases.Kind kind = kind();
    private DataSource dataSource;
    private JdbcDeliveries database;
    private StatusHandler handler;

    TestDatabases.Kind kind() {
        return TestDatabases.H2;
    }

    @BeforeEach
    void start() throws Exception {
        dataSource = kind.create();
        database = new JdbcDeliveries(dataSource, Duration.ofMinutes(5));
        handler = new StatusHandler(database, Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC),
                Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() throws Exception {
        kind.drop(dataSource);
    }

    private DeliveryService serviceAt(Instant now) {
        return new DeliveryService(database, TestStores.all(), new TestPartners(), Map.of(),
                Clock.fixed(now, ZoneOffset.UTC), DeliveryService.randomIds(), () -> { });
    }

    private String order(String store, String orderRef, String from, String to) {
        Submission submission = serviceAt(TAKEN).request(store, TestRequests.order(orderRef, from, to));
        assertThat(submission.violations()).isEmpty();
        return submission.deliveryId();
    }

    private void status(String deliveryId, String status, String at) throws Exception {
        handler.handle("swift", TestRequests.status(deliveryId, status, at, "rider-1", "customer not home"));
    }

    private void delivered(String deliveryId, String at) throws Exception {
        Instant time = java.time.OffsetDateTime.parse(at).toInstant();
        status(deliveryId, "assigned", time.minusSeconds(1800).toString());
        status(deliveryId, "picked-up", time.minusSeconds(900).toString());
        status(deliveryId, "delivered", at);
    }

    private static DeliveryView byOrder(DeliveryDay day, String orderRef) {
        return day.deliveries().stream().filter(d -> d.orderRef().equals(orderRef)).findFirst().orElseThrow();
    }

    @Test
    void lateDeliveriesAreCountedPerStoreAndDayInTheStoresZone() throws Exception {
        // crosses midnight in Shanghai: a day-26 delivery, delivered on the 27th, inside the window
        String acrossMidnight = order("sh-001", "A", "2026-11-26T23:30:00+08:00", "2026-11-27T00:30:00+08:00");
        delivered(acrossMidnight, "2026-11-27T00:20:00+08:00");
        // written in UTC on the 25th, but 00:30-01:30 on the 26th in Shanghai; delivered 30 minutes late
        String writtenInUtc = order("sh-001", "B", "2026-11-25T16:30:00Z", "2026-11-25T17:30:00Z");
        delivered(writtenInUtc, "2026-11-25T18:00:00Z");
        // 23:59 in Shanghai, still on its way when the window has ended
        String stillOpen = order("sh-001", "C", "2026-11-26T15:59:00Z", "2026-11-26T16:30:00Z");
        status(stillOpen, "assigned", "2026-11-26T15:50:00Z");
        status(stillOpen, "picked-up", "2026-11-26T16:10:00Z");
        // midnight in Shanghai is the 27th
        String nextDay = order("sh-001", "D", "2026-11-27T00:00:00+08:00", "2026-11-27T01:00:00+08:00");
        // failed after its window: counted as failed, not late
        String failed = order("sh-001", "E", "2026-11-26T10:00:00+08:00", "2026-11-26T11:00:00+08:00");
        status(failed, "failed", "2026-11-26T11:30:00+08:00");
        // window still ahead
        String ahead = order("sh-001", "F", "2026-11-26T23:00:00+08:00", "2026-11-27T02:00:00+08:00");
        // delivered exactly at the window's end: on time
        String onTheDot = order("sh-001", "G", "2026-11-26T12:00:00+08:00", "2026-11-26T12:30:00+08:00");
        delivered(onTheDot, "2026-11-26T04:30:00Z");
        // the 26th in Los Angeles is already the 27th in UTC and Shanghai
        String losAngeles = order("la-001", "A", "2026-11-26T23:30:00-08:00", "2026-11-27T00:30:00-08:00");

        // 01:00 on the 27th in Shanghai
        DeliveryDay day = serviceAt(Instant.parse("2026-11-26T17:00:00Z")).day("sh-001", NOV_26).orElseThrow();

        assertThat(day.zone()).isEqualTo(TestStores.SHANGHAI);
        assertThat(day.deliveries()).extracting(DeliveryView::orderRef).containsExactly("B", "E", "G", "F", "A", "C");
        assertThat(day.counts()).isEqualTo(new DayCounts(6, 3, 2, 2, 1, 2));
        assertThat(byOrder(day, "A").late()).isFalse();
        assertThat(byOrder(day, "B").late()).isTrue();
        assertThat(byOrder(day, "B").windowFrom().toString()).isEqualTo("2026-11-26T00:30+08:00");
        assertThat(byOrder(day, "C").late()).isTrue();
        assertThat(byOrder(day, "E").late()).isFalse();
        assertThat(byOrder(day, "F").late()).isFalse();
        assertThat(byOrder(day, "G").late()).isFalse();
        assertThat(day.deliveries()).extracting(DeliveryView::deliveryId).doesNotContain(nextDay, losAngeles);

        DeliveryDay next = serviceAt(Instant.parse("2026-11-26T17:00:00Z")).day("sh-001", NOV_26.plusDays(1))
                .orElseThrow();
        assertThat(next.deliveries()).extracting(DeliveryView::deliveryId).containsExactly(nextDay);
        assertThat(next.counts()).isEqualTo(new DayCounts(1, 0, 0, 0, 0, 1));

        DeliveryDay la = serviceAt(Instant.parse("2026-11-27T09:00:00Z")).day("la-001", NOV_26).orElseThrow();
        assertThat(la.deliveries()).extracting(DeliveryView::deliveryId).containsExactly(losAngeles);
        assertThat(la.deliveries().get(0).windowFrom().toString()).isEqualTo("2026-11-26T23:30-08:00");
        // 01:00 on the 27th in Los Angeles: the window ended 30 minutes ago, nothing delivered
        assertThat(la.counts()).isEqualTo(new DayCounts(1, 0, 0, 1, 0, 1));
    }

    @Test
    void withoutADayItIsTodayInTheStoresZone() {
        order("sh-001", "A", "2026-11-26T23:30:00+08:00", "2026-11-27T00:30:00+08:00");

        // 2026-11-26T15:00Z is 23:00 on the 26th in Shanghai but 07:00 on the 26th in Los Angeles
        DeliveryDay today = serviceAt(Instant.parse("2026-11-26T15:00:00Z")).day("sh-001", null).orElseThrow();
        DeliveryDay tomorrow = serviceAt(Instant.parse("2026-11-26T16:00:00Z")).day("sh-001", null).orElseThrow();

        assertThat(today.day()).isEqualTo(NOV_26);
        assertThat(today.deliveries()).hasSize(1);
        assertThat(tomorrow.day()).isEqualTo(NOV_26.plusDays(1));
        assertThat(tomorrow.deliveries()).isEmpty();
        assertThat(serviceAt(Instant.parse("2026-11-26T15:00:00Z")).day("la-001", null).orElseThrow().day())
                .isEqualTo(NOV_26);
    }
}
