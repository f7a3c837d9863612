package org.storelink.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The branding module on its own: with only storelink-branding installed (no recommend), the console's region
 * commands switch it on for region east, its labels are rendered, and switching it off again refuses them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BrandingRegionIT extends StorelinkTestSupport {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    public void brandingAloneIsEnabledRenderedAndDisabledForOneRegion() throws Exception {
        LocalDateTime at = LocalDateTime.now(SHANGHAI).withNano(0).minusMinutes(10);
        String run = UUID.randomUUID().toString().substring(0, 6);
        post("sh-campus-001", run + "-1", at, "6901234567892", "Green tea 500ml", 350);
        post("sh-campus-001", run + "-2", at, "6920152400012", "Instant noodles", 450);

        execute("feature:install storelink-branding");
        assertThat("recommend is not installed", command("feature:list -i"), not(containsString("storelink-recommend")));
        assertThat(command("bundle:list -s"), not(containsString("org.storelink.recommend")));
        eventually(Duration.ofSeconds(60), "branding's check seen by region-list",
                () -> command("storelink:region-list").contains("branding"));

        String enabled = execute("storelink:region-enable branding east");
        assertThat(enabled, containsString("branding in region east (org.storelink.branding~east)"));
        assertThat(enabled, not(containsString("rror")));
        eventually(Duration.ofSeconds(60), "branding active in east", () -> brandingState("east").startsWith("active"));
        assertThat(brandingState("north"), containsString("disabled"));

        Path out = Files.createTempDirectory("branding-it").resolve("l.pdf");
        eventually(Duration.ofSeconds(60), "labels for sh-campus-001",
                () -> command("storelink:labels --out " + out + " sh-campus-001").contains("Labels: ")
                        && Files.isRegularFile(out));
        byte[] pdf = Files.readAllBytes(out);
        assertTrue("a PDF of " + pdf.length + " bytes", pdf.length > 5);
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));

        String disabled = execute("storelink:region-disable branding east");
        assertThat(disabled, containsString("Disabled branding in region east"));
        eventually(Duration.ofSeconds(60), "branding disabled in east",
                () -> command("storelink:labels --out " + out + " sh-campus-001")
                        .contains("branding is not enabled in region east"));
        assertThat(brandingState("east"), containsString("disabled"));
    }

    /** The State cell of the region's branding row of {@code storelink:region-list}, or "" when there is none. */
    private String brandingState(String region) {
        for (String line : command("storelink:region-list").split("\\R")) {
            String[] cells = line.split("\\s*\\|\\s*");
            if (cells.length >= 4 && cells[0].trim().equals(region) && cells[2].trim().equals("branding")) {
                return cells[3].trim();
            }
        }
        return "";
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

    private String command(String line) {
        try {
            return execute(line);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
