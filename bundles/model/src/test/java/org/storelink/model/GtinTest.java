package org.storelink.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GtinTest {

    /**
     * The GS1 general specification's form of the algorithm, independent of the one under test:
     * pad the data digits to 17 and weight them 3,1,3,... counting from the left.
     */
    private static int referenceCheckDigit(String data) {
        String padded = "0".repeat(17 - data.length()) + data;
        int sum = 0;
        for (int position = 1; position <= 17; position++) {
            int digit = padded.charAt(position - 1) - '0';
            sum += digit * (position % 2 == 1 ? 3 : 1);
        }
        int roundedUp = (sum + 9) / 10 * 10;
        return roundedUp - sum;
    }

    @ParameterizedTest
    @ValueSource(strings = {"96385074", "036000291452", "4006381333931", "00012345600012", "6901234567892"})
    void publishedExamplesOfEveryLengthAreValid(String published) {
        String data = published.substring(0, published.length() - 1);
        int printed = published.charAt(published.length() - 1) - '0';

        assertThat(referenceCheckDigit(data)).isEqualTo(printed);
        assertThat(Gtin.checkDigit(data)).isEqualTo(printed);
        assertThat(Gtin.problem(published)).isEmpty();
        assertThat(Gtin.parse(published).value()).endsWith(published).hasSize(14);
    }

    @Test
    void checkDigitAgreesWithTheReferenceForManyInputs() {
        long seed = 1234567;
        for (int i = 0; i < 500; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            String data = String.format("%017d", Math.floorMod(seed, 100_000_000_000_000_000L));
            String shorter = data.substring(i % 11);
            assertThat(Gtin.checkDigit(shorter)).as(shorter).isEqualTo(referenceCheckDigit(shorter));
        }
    }

    @Test
    void normalisesEveryLengthToFourteenDigits() {
        assertThat(Gtin.parse("96385074").value()).isEqualTo("00000096385074");
        assertThat(Gtin.parse("036000291452").value()).isEqualTo("00036000291452");
        assertThat(Gtin.parse("4006381333931").value()).isEqualTo("04006381333931");
        assertThat(Gtin.parse("00012345600012").value()).isEqualTo("00012345600012");
        assertThat(Gtin.parse("4006381333931")).isEqualTo(Gtin.parse("04006381333931"));
    }

    @Test
    void wrongCheckDigitIsRejectedWithTheReason() {
        assertThat(Gtin.problem("6901234567893")).contains("check digit is 3, expected 2");
        assertThatThrownBy(() -> Gtin.parse("6901234567893"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check digit is 3, expected 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "123456789", "1234567890", "12345678901", "123456789012345"})
    void wrongLengthsAreRejected(String raw) {
        assertThat(Gtin.problem(raw)).contains("must be 8, 12, 13 or 14 digits");
        assertThatThrownBy(() -> Gtin.parse(raw)).hasMessageContaining("must be 8, 12, 13 or 14 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"40063813339a1", " 4006381333931", "4006381333931 ", "-400638133393", "400638133393１",
            "4006-381333931"})
    void nonDigitsAreRejected(String raw) {
        assertThat(Gtin.problem(raw)).contains("must contain only the digits 0-9");
        assertThatThrownBy(() -> Gtin.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingValueIsRejected() {
        assertThat(Gtin.problem(null)).contains("is required");
        assertThat(Gtin.problem("")).contains("is required");
    }

    @Test
    void constructorAcceptsOnlyNormalisedValidValues() {
        assertThat(new Gtin("04006381333931").value()).isEqualTo("04006381333931");
        assertThatThrownBy(() -> new Gtin("4006381333931")).hasMessageContaining("14 digits");
        assertThatThrownBy(() -> new Gtin("04006381333932")).hasMessageContaining("check digit is 2, expected 1");
    }

    @Test
    void toGtin13DropsOnlyALeadingZero() {
        assertThat(Gtin.parse("4006381333931").toGtin13()).isEqualTo("4006381333931");
        assertThat(Gtin.parse("96385074").toGtin13()).isEqualTo("0000096385074");
        String caseOfTwelve = "1400638133393" + referenceCheckDigit("1400638133393");
        assertThat(Gtin.parse(caseOfTwelve).toGtin13()).isEqualTo(caseOfTwelve);
    }

    @Test
    void checkDigitRefusesNonDigits() {
        assertThatThrownBy(() -> Gtin.checkDigit("12a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gtin.checkDigit("")).isInstanceOf(IllegalArgumentException.class);
    }
}
