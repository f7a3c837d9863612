package org.storelink.demo.internal;

import org.storelink.model.AreaProfile;

/**
 * What a product is, as far as demand goes: how much more (or less) each area profile buys of it than the average
 * store, its price range and its usual pack. Students buy instant noodles, energy drinks and snacks; offices coffee
 * and ready meals; residential areas fresh produce and household goods; transit hubs drinks and snacks.
 */
enum ProductKind {
    //                  student office resid. transit  price range (fen)  pack ("per kg": sold by weight)
    INSTANT_NOODLES("instant noodles", 3.2, 1.1, 0.8, 1.2, 350, 1200, "1 cup"),
    ENERGY_DRINKS("energy drinks", 2.8, 1.4, 0.4, 1.6, 450, 900, "250 ml"),
    SNACKS("snacks", 2.4, 1.0, 0.8, 1.9, 300, 1500, "1 bag"),
    DRINKS("soft drinks and water", 1.4, 1.0, 0.8, 2.7, 200, 800, "500 ml"),
    COFFEE_TEA("coffee and tea", 0.9, 2.9, 0.8, 1.3, 400, 3500, "1 bottle"),
    READY_MEALS("ready meals", 1.1, 2.8, 0.6, 1.4, 800, 2500, "1 box"),
    BAKERY("bakery", 1.0, 1.5, 1.3, 1.3, 350, 1800, "1 piece"),
    DAIRY("dairy and eggs", 0.8, 1.0, 1.9, 0.6, 300, 2500, "1 l"),
    FRESH_PRODUCE("fresh produce", 0.3, 0.4, 2.9, 0.3, 400, 2500, "per kg"),
    MEAT_FISH("meat and fish", 0.2, 0.3, 2.4, 0.1, 1800, 7000, "per kg"),
    FROZEN("frozen food", 1.0, 0.7, 1.6, 0.5, 500, 3500, "1 pack"),
    PANTRY("pantry", 0.3, 0.3, 2.4, 0.2, 300, 6000, "1 pack"),
    HOUSEHOLD("household", 0.4, 0.3, 2.7, 0.2, 500, 4500, "1 piece"),
    PERSONAL_CARE("personal care", 0.9, 0.6, 1.7, 0.7, 500, 4500, "1 piece"),
    ALCOHOL("beer, wine and spirits", 1.3, 0.6, 1.3, 0.8, 500, 9000, "1 bottle"),
    TRAVEL("travel essentials", 0.8, 0.9, 0.4, 2.7, 200, 6000, "1 piece");

    private final String label;
    private final double[] affinity;
    private final long minPrice;
    private final long maxPrice;
    private final String pack;

    ProductKind(String label, double student, double office, double residential, double transit, long minPrice,
                long maxPrice, String pack) {
        this.label = label;
        this.affinity = new double[] {student, office, residential, transit};
        this.minPrice = minPrice;
        this.maxPrice = maxPrice;
        this.pack = pack;
    }

    String label() {
        return label;
    }

    /** How much more than an average store an area of this profile buys; 1 for profiles the demo does not use. */
    double affinity(AreaProfile area) {
        return switch (area) {
            case STUDENT -> affinity[0];
            case OFFICE -> affinity[1];
            case RESIDENTIAL -> affinity[2];
            case TRANSIT -> affinity[3];
            default -> 1.0;
        };
    }

    long minPrice() {
        return minPrice;
    }

    long maxPrice() {
        return maxPrice;
    }

    /** The pack a product of this kind comes in when the catalogue does not say. */
    String pack() {
        return pack;
    }

}
