package org.storelink.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeedOptionsTest {

    @Test
    void readsPairsGivenAsAListOrAsOneCommaSeparatedString() {
        assertThat(FeedSettings.options(new String[] {"csv.charset=GBK", "csv.header=true"}))
                .containsExactly(java.util.Map.entry("csv.charset", "GBK"), java.util.Map.entry("csv.header", "true"));
        assertThat(FeedSettings.options(new String[] {"csv.delimiter=,, csv.columns.name=商品名称,csv.amounts=fen"}))
                .containsEntry("csv.delimiter", ",")
                .containsEntry("csv.columns.name", "商品名称")
                .containsEntry("csv.amounts", "fen");
    }

    @Test
    void refusesSomethingThatIsNotAPair() {
        assertThatThrownBy(() -> FeedSettings.options(new String[] {"csv.charset"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("options:");
    }
}
