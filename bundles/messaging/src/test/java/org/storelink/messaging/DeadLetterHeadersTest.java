package org.storelink.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    @Test
    void eachConsumingQueueGetsItsOwnStableDuplicateId() {
        String ledger = DeadLetterHeaders.duplicateId("sale-1", "ledger.sales", "dlq-a");
        String insights = DeadLetterHeaders.duplicateId("sale-1", "insights.sales", "dlq-b");

        assertThat(ledger).isEqualTo("sale-1@ledger.sales").isNotEqualTo(insights);
        // the same module dead-lettering the same message again: the broker drops the second copy
        assertThat(DeadLetterHeaders.duplicateId("sale-1", "ledger.sales", "dlq-c")).isEqualTo(ledger);
    }

    @Test
    void aMessageWithoutDuplicateIdIsKeptApartByItsDeadLetterId() {
        assertThat(DeadLetterHeaders.duplicateId(null, "ledger.sales", "dlq-a"))
                .isEqualTo("dlq-a@ledger.sales")
                .isNotEqualTo(DeadLetterHeaders.duplicateId(null, "ledger.sales", "dlq-b"));
    }
}
