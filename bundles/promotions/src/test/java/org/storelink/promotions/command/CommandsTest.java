package org.storelink.promotions.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.storelink.promotions.ActivePromotion;
import org.storelink.promotions.Mechanics;
import org.storelink.promotions.PromotionReport;

class CommandsTest {

    private static String printed(java.util.function.Consumer<PrintStream> print) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        print.accept(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void promotionsListsWhatTheStoreMayOffer() {
        ActivePromotion tea = new ActivePromotion("ACME-TEA-15", "acme-foods", "dec", "Green tea 15% off",
                new Mechanics.PercentOff(15), List.of("06901234567892"),
                OffsetDateTime.parse("2026-12-01T00:00:00+08:00"), OffsetDateTime.parse("2027-01-01T00:00:00+08:00"));

        String out = printed(stream -> PromotionsCommand.print("sh-campus-001", List.of(tea), stream));

        assertThat(out).contains("Store: sh-campus-001   Active promotions: 1", "ACME-TEA-15", "15% off",
                "06901234567892", "2026-12-01T00:00+08:00");
        assertThat(printed(stream -> PromotionsCommand.print("sh-campus-001", List.of(), stream))).contains("(none)");
    }

    @Test
    void theReportShowsFiguresAndTheUpliftNumbers() {
        PromotionReport.Group participating = new PromotionReport.Group(1, new BigDecimal("7.00"),
                new BigDecimal("21.00"), new BigDecimal("2450.00"), new BigDecimal("6244.00"));
        PromotionReport.Group comparison = new PromotionReport.Group(1, new BigDecimal("14.00"),
                new BigDecimal("21.00"), new BigDecimal("4900.00"), new BigDecimal("7350.00"));
        PromotionReport.Uplift uplift = new PromotionReport.Uplift("difference-in-differences",
                LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-14"), 14, participating, comparison, new BigDecimal("7.00"),
                new BigDecimal("1344.00"), new BigDecimal("1.0000"), LocalDate.parse("2026-10-01"), true);
        PromotionReport report = new PromotionReport("ACME-TEA-15", "acme-foods", "dec", 1, "Green tea 15% off",
                "15% off", OffsetDateTime.parse("2026-12-01T00:00:00+08:00"),
                OffsetDateTime.parse("2027-01-01T00:00:00+08:00"), "active", "CNY", 14, new BigDecimal("42"), 12488,
                2212, 2212, 100_000, 97_788, 1, uplift, Instant.parse("2026-12-15T02:00:00Z"));

        String out = printed(stream -> PromotionReportCommand.print(report, stream));

        assertThat(out).contains("Redemptions: 14   Units: 42   Revenue: CNY 124.88   Stores participating: 1",
                "Discount given: CNY 22.12", "Left: CNY 977.88", "difference-in-differences",
                "baseline 2026-11-03 to 2026-11-30, promotion 2026-12-01 to 2026-12-14 (14 complete day(s))",
                "Uplift: 7.00 units, CNY 13.44 per store-week (100.0% of the participating stores' baseline units)");
        assertThat(out).containsPattern("participating\\s*\\|\\s*1\\s*\\|\\s*7.00\\s*\\|\\s*21.00\\s*\\|\\s*14.00");
        assertThat(out).containsPattern("comparison\\s*\\|\\s*1\\s*\\|\\s*14.00\\s*\\|\\s*21.00\\s*\\|\\s*7.00");
    }
}
