package org.storelink.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A regional module is switched on for one region while the platform runs: the recommend feature is installed into
 * the running distribution, enabled for region east only, tuned, and disabled again, and no route of any other module
 * restarts on the way.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RegionalModulesIT extends StorelinkTestSupport {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** How far a route's start time, computed as now minus uptime, may drift between two readings. */
    private static final long START_TOLERANCE_MS = 3_000;

    @Test
    public void recommendIsEnabledTunedAndDisabledForOneRegionWithoutRestartingAnything() throws Exception {
        // Region east's other stores sell tea and noodles; sh-campus-001 sells only water. North sells too.
        LocalDateTime at = LocalDateTime.now(SHANGHAI).withNano(0).minusMinutes(10);
        String run = UUID.randomUUID().toString().substring(0, 6);
        post("sh-office-002", run + "-1", at, "6901234567892", "Green tea 500ml", 350);
        post("sh-office-002", run + "-2", at, "6920152400012", "Instant noodles", 450);
        post("hz-home-003", run + "-3", at, "6901234567892", "Green tea 500ml", 330);
        post("hz-home-003", run + "-4", at, "6920152400012", "Instant noodles", 480);
        post("sh-campus-001", run + "-5", at, "4006381333931", "Mineral water", 200);
        post("bj-transit-004", run + "-6", at, "6901234567892", "Green tea 500ml", 380);

        // The platform's own routes come up in their own time after the webhook; wait for the ledger's.
        eventually(Duration.ofSeconds(120), "the ledger's route running", () -> {
            try {
                return routeStarts().containsKey("storelink-ledger/ledger.sales");
            } catch (Exception e) {
                return false;
            }
        });
        Map<String, Long> startedBefore = routeStarts();
        assertTrue("the core routes run before the module is installed: " + startedBefore,
                startedBefore.containsKey("storelink-ledger/ledger.sales"));

        execute("feature:install storelink-recommend");
        eventually(Duration.ofSeconds(60), "region commands available",
                () -> command("storelink:region-list").contains("east"));
        assertThat(command("storelink:recommend sh-campus-001"), containsString("not enabled in region east"));

        String enabled = execute("storelink:region-enable recommend east min.stores=1 neighbours=5");
        assertThat(enabled, not(containsString("rror")));
        eventually(Duration.ofSeconds(120), "east's recommendations for sh-campus-001", () -> {
            String out = command("storelink:recommend sh-campus-001");
            return out.contains("06901234567892") && out.contains("06920152400012");
        });
        String recommended = execute("storelink:recommend sh-campus-001");
        assertThat(recommended, containsString("region east"));
        assertThat(recommended, not(containsString("04006381333931")));
        assertThat(command("storelink:recommend bj-transit-004"), containsString("not enabled in region north"));
        assertThat(execute("storelink:region-list"), containsString("active"));

        // A changed parameter takes effect on the running module.
        execute("storelink:region-enable recommend east top=1");
        eventually(Duration.ofSeconds(60), "top=1 in effect", () -> {
            String out = command("storelink:recommend sh-campus-001");
            return out.contains("Recommended products: 1") ;
        });

        // An invalid value is refused with the key named, and the running configuration stays.
        assertThat(command("storelink:region-enable recommend east neighbours=-2"), containsString("neighbours"));
        assertThat(command("storelink:recommend sh-campus-001"), containsString("Recommended products: 1"));

        execute("storelink:region-disable recommend east");
        eventually(Duration.ofSeconds(60), "recommend disabled in east",
                () -> command("storelink:recommend sh-campus-001").contains("not enabled in region east"));

        Map<String, Long> startedAfter = routeStarts();
        for (Map.Entry<String, Long> route : startedBefore.entrySet()) {
            Long after = startedAfter.get(route.getKey());
            assertTrue("route " + route.getKey() + " is gone: " + startedAfter, after != null);
            assertTrue("route " + route.getKey() + " restarted: started " + route.getValue() + " then " + after,
                    Math.abs(after - route.getValue()) <= START_TOLERANCE_MS);
        }
        assertFalse("no route of another module was stopped", command("storelink:route-list").contains("Stopped"));
    }

    private void post(String store, String receipt, LocalDateTime at, String gtin, String name, long price)
            throws Exception {
        String body = "{\"posId\":\"till-1\",\"receiptNo\":\"" + receipt + "\",\"occurredAt\":\"" + at + "+08:00\","
                + "\"currency\":\"CNY\",\"lines\":[{\"gtin\":\"" + gtin + "\",\"name\":\"" + name + "\","
                + "\"quantity\":3,\"unitPrice\":" + price + ",\"discount\":0,\"promotionCode\":null}],"
                + "\"tenders\":[{\"type\":\"cash\",\"amount\":" + (3 * price) + ",\"reference\":null}],"
                + "\"customerRef\":null}";
        assertEquals(202, postSale(store, body, "demo-secret-" + store).statusCode());
    }

    /** context/route → the moment it started (now minus its uptime), from {@code storelink:route-list}. */
    private Map<String, Long> routeStarts() throws Exception {
        long now = System.currentTimeMillis();
        Map<String, Long> starts = new HashMap<>();
        for (String line : execute("storelink:route-list").split("\\R")) {
            String[] cells = line.split("\\s*\\|\\s*");
            if (cells.length >= 4 && cells[0].startsWith("storelink-") && cells[3].trim().matches("[0-9]+")) {
                starts.put(cells[0].trim() + "/" + cells[1].trim(), now - Long.parseLong(cells[3].trim()));
            }
        }
        return starts;
    }

    private String command(String line) {
        try {
            return execute(line);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
