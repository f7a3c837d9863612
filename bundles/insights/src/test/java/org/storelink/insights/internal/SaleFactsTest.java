package org.storelink.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storelink.insights.internal.TestEvents.BANANAS;
import static org.storelink.insights.internal.TestEvents.COFFEE;
import static org.storelink.insights.internal.TestEvents.GREEN_TEA;
import static org.storelink.insights.internal.TestEvents.sale;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SaleFactsTest {

    @Test
    void wholeQuantitiesCountTheirUnitsAndAWeighedLineIsOneItem() {
        assertThat(SaleFacts.items(new BigDecimal("3"))).isEqualTo(3);
        assertThat(SaleFacts.items(new BigDecimal("2.000"))).isEqualTo(2);
        assertThat(SaleFacts.items(new BigDecimal("0.532"))).isEqualTo(1);
        assertThat(SaleFacts.items(new BigDecimal("-0.532"))).isEqualTo(-1);
        assertThat(SaleFacts.items(new BigDecimal("-2"))).isEqualTo(-2);
    }

    @Test
    void dayAndHourAreTheStoresOwn() {
        var event = sale("1").at("2026-11-26T16:40:00Z").line(GREEN_TEA, "Green tea", "1", 350).recorded();

        SaleFacts shanghai = SaleFacts.of(event, Optional.of(ZoneId.of("Asia/Shanghai")));
        SaleFacts newYork = SaleFacts.of(event, Optional.of(ZoneId.of("America/New_York")));

        assertThat(shanghai.businessDay()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(shanghai.hourOfDay()).isZero();
        assertThat(newYork.businessDay()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(newYork.hourOfDay()).isEqualTo(11);
    }

    @Test
    void productsAreNetOfVoidsAndAProductVoidedToNothingIsLeftOut() {
        var event = sale("1").line(GREEN_TEA, "Green tea", "3", 350).line(COFFEE, "Coffee", "1", 1200).voidLast()
                .line(BANANAS, "Bananas", "0.5", 690).paidWith("ORDER-1").customer(" loyal-1 ", null).recorded();

        SaleFacts facts = SaleFacts.of(event, Optional.empty());

        assertThat(facts.products()).containsOnlyKeys(GREEN_TEA.value(), BANANAS.value());
        assertThat(facts.items()).isEqualTo(4);
        assertThat(facts.total()).isEqualTo(1050 + 345);
        assertThat(facts.references()).containsExactly("ORDER-1");
        assertThat(facts.customerRef()).isEqualTo("loyal-1");
    }
}
