package org.storelink.baskets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Thresholds of a mining run, with arules' meaning.
 *
 * @param minSupport minimum support, a fraction of the baskets in (0, 1]. It becomes a basket count by rounding up,
 *        as arules does: {@code ceil(baskets x minSupport)}, computed in decimal so that 9835 x 0.001 gives 10.
 * @param minConfidence minimum confidence in [0, 1]; a rule is kept when {@code count / count(lhs) >= minConfidence},
 *        compared exactly.
 * @param maxLength the most items an itemset (so a rule, left and right side together) may have; arules' default
 *        is {@value #DEFAULT_MAX_LENGTH}
 */
public record MiningParameters(BigDecimal minSupport, BigDecimal minConfidence, int maxLength) {

    /** arules {@code apriori}'s default {@code maxlen}. */
    public static final int DEFAULT_MAX_LENGTH = 10;

    public MiningParameters {
        Objects.requireNonNull(minSupport, "minSupport");
        Objects.requireNonNull(minConfidence, "minConfidence");
        if (minSupport.signum() <= 0 || minSupport.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("minimum support must be more than 0 and at most 1, not " + minSupport);
        }
        if (minConfidence.signum() < 0 || minConfidence.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("minimum confidence must be between 0 and 1, not " + minConfidence);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maximum itemset length must be at least 1, not " + maxLength);
        }
    }

    /** Thresholds given as doubles are read as their shortest decimal form, so 0.001 means exactly 0.001. */
    public static MiningParameters of(double minSupport, double minConfidence) {
        return of(minSupport, minConfidence, DEFAULT_MAX_LENGTH);
    }

    public static MiningParameters of(double minSupport, double minConfidence, int maxLength) {
        return new MiningParameters(decimal(minSupport, "minimum support"), decimal(minConfidence, "minimum confidence"),
                maxLength);
    }

    /** The least number of baskets a frequent itemset must occur in: ceil(baskets x minSupport), at least 1. */
    public int minCount(int baskets) {
        if (baskets < 0) {
            throw new IllegalArgumentException("baskets must not be negative: " + baskets);
        }
        BigDecimal exact = minSupport.multiply(BigDecimal.valueOf(baskets));
        return Math.max(1, exact.setScale(0, RoundingMode.CEILING).intValueExact());
    }

    private static BigDecimal decimal(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a number, not " + value);
        }
        return BigDecimal.valueOf(value);
    }
}
