package org.storelink.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.storelink.model.Gtin;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.model.Violation;

class SourceTransactionTest {

    private static Sale sale() {
        return new Sale("s1", "p1", "r1", OffsetDateTime.parse("2026-11-26T09:00:00+08:00"), "CNY",
                List.of(new SaleLine(1, Gtin.parse("6901234567892"), "tea", BigDecimal.ONE, 350, 0, null, null)),
                0, 0, List.of(), List.of(new Tender(TenderType.CASH, 350, null)), 0, null, null, null);
    }

    @Test
    void acceptedRejectedAndExcludedAreToldApart() {
        SourceTransaction accepted = SourceTransaction.accepted("r1", SourceTransaction.Kind.SALE, sale());
        SourceTransaction rejected = SourceTransaction.rejected("r2", List.of(new Violation("lines[0].gtin", "bad")));
        SourceTransaction voided = SourceTransaction.excluded("r3", SourceTransaction.Kind.VOID, "voided at the till");

        assertThat(accepted.isAccepted()).isTrue();
        assertThat(accepted.isRejected()).isFalse();
        assertThat(rejected.isRejected()).isTrue();
        assertThat(rejected.isExcluded()).isFalse();
        assertThat(voided.isExcluded()).isTrue();
        assertThat(voided.isRejected()).isFalse();
        assertThat(voided.problems()).extracting(Violation::message).containsExactly("voided at the till");
    }

    @Test
    void refusesInconsistentTransactions() {
        assertThatThrownBy(() -> SourceTransaction.rejected("r", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceTransaction.excluded("r", SourceTransaction.Kind.SALE, "why"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourceTransaction("r", SourceTransaction.Kind.SALE, sale(),
                List.of(new Violation("$", "x")), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
