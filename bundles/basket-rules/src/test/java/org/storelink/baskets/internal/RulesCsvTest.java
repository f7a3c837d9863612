package org.storelink.baskets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.storelink.baskets.AssociationRule;

class RulesCsvTest {

    @Test
    void writesArulesColumnsAndQuotesEveryTextField() throws IOException {
        StringWriter out = new StringWriter();
        RulesCsv.write(out, List.of(new AssociationRule(List.of("honey"), "whole milk", 11.0 / 9835, 11.0 / 15,
                11.0 / 15 * 9835 / 2513, 11)), NumberStyle.R);
        assertThat(out.toString()).isEqualTo("\"lhs\",\"rhs\",\"support\",\"confidence\",\"lift\",\"count\"\n"
                + "\"{honey}\",\"{whole milk}\",0.00111845449923742,0.733333333333333,2.87000928505107,11\n");
    }

    @Test
    void quotedFieldsReadBackExactly() throws IOException {
        List<String> awkward = List.of("pain \"maison\"", "salt, fine", " leading", "trailing ", "牛奶", "two\nlines");
        AssociationRule rule = new AssociationRule(awkward, "\"", 0.5, 1.0 / 3, 1e-7, 2);
        StringWriter out = new StringWriter();
        RulesCsv.write(out, List.of(rule, new AssociationRule(List.of(), "x", 1, 1, 1, 4)), NumberStyle.ROUND_TRIP);

        List<List<String>> rows = Csv.parse(out.toString());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).containsExactly("{" + String.join(",", awkward) + "}", "{\"}", "0.5",
                "0.3333333333333333", "0.0000001", "2");
        assertThat(Double.parseDouble(rows.get(1).get(3))).isEqualTo(1.0 / 3);
        assertThat(rows.get(2)).containsExactly("{}", "{x}", "1", "1", "1", "4");
    }

    @Test
    void roundTripNumbersReadBackAsTheSameDouble() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            double value = i % 2 == 0 ? random.nextDouble() : random.nextInt(10_000) / (double) (1 + random.nextInt(10_000));
            String text = NumberStyle.ROUND_TRIP.format(value);
            assertThat(text).doesNotContain("E");
            assertThat(Double.parseDouble(text)).isEqualTo(value);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0.5, 0.5",
            "1, 1",
            "0, 0",
            "0.1, 0.1",
            "4.659438775510204, 4.6594387755102",
            "0.0011184544992374174, 0.00111845449923742",
            "0.00010167768174885613, 0.000101677681748856",
            "0.000010167768174885613, 1.01677681748856e-05",
            "123456.789, 123456.789",
            "1e20, 1e+20",
    })
    void rNumbersAreWhatWriteCsvPrints(double value, String printed) {
        assertThat(NumberStyle.R.format(value)).isEqualTo(printed);
    }
}
