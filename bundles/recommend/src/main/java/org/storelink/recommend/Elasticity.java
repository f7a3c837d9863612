package org.storelink.recommend;

/**
 * A price elasticity of demand from a least-squares fit of {@code ln(weekly units)} on {@code ln(unit price)}
 * across stores and weeks: units change by about {@code slope} percent for a one percent change in price.
 * A statistic, so doubles; prices themselves stay in minor units.
 *
 * @param standardError the slope's standard error (NaN with fewer than 3 observations)
 * @param rSquared share of the variance of ln(units) the fit explains
 * @param observations store x week x price observations
 * @param distinctPrices different unit prices among them
 */
public record Elasticity(double slope, double standardError, double rSquared, int observations, int distinctPrices) {

    /** The slope is negative and at least two standard errors away from zero. */
    public boolean significant() {
        return slope < 0 && !Double.isNaN(standardError) && standardError > 0 && -slope >= 2 * standardError;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.2f (se %.2f, R² %.2f, n=%d)", slope, standardError, rSquared,
                observations);
    }
}
