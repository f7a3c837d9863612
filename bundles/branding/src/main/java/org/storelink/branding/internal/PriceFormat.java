package org.storelink.branding.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import org.storelink.model.Money;

/** How prices read on labels: {@code CNY 7.00} (code) or {@code ¥7.00} (symbol). */
public enum PriceFormat {
    CODE, SYMBOL;

    /** Symbols a shopper recognises; Currency.getSymbol(ROOT) would give "CN¥". */
    private static final Map<String, String> SYMBOLS = Map.ofEntries(Map.entry("CNY", "¥"), Map.entry("JPY", "¥"),
            Map.entry("USD", "$"), Map.entry("EUR", "€"), Map.entry("GBP", "£"), Map.entry("HKD", "HK$"),
            Map.entry("TWD", "NT$"), Map.entry("SGD", "S$"), Map.entry("AUD", "A$"), Map.entry("CAD", "C$"),
            Map.entry("KRW", "₩"), Map.entry("INR", "₹"), Map.entry("CHF", "CHF "));

    public static PriceFormat parse(String value) {
        for (PriceFormat format : values()) {
            if (format.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("\"" + value + "\" is not one of code, symbol");
    }

    public String format(Money money) {
        String amount = BigDecimal.valueOf(money.minor(), Money.exponent(money.currency())).toPlainString();
        if (this == CODE) {
            return money.currency() + " " + amount;
        }
        String symbol = SYMBOLS.get(money.currency());
        return symbol == null ? money.currency() + " " + amount : symbol + amount;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
