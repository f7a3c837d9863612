package org.storelink.branding.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.storelink.branding.UnitSize;

/**
 * Reads the contents from a product name as tills print it: {@code Green tea 500ml}, {@code Rice 2.5kg},
 * {@code Cola 6x330ml}, {@code 牛奶 250毫升}, {@code Eggs 10pcs}. The last size in the name wins, since brands put
 * numbers in names ({@code 7Up 330ml}).
 */
public final class UnitSizes {
    private static final Pattern SIZE = Pattern.compile(
            "(?:(\\d{1,3})\\s*[x×*]\\s*)?(\\d{1,6}(?:[.,]\\d{1,3})?)\\s*"
                    + "(kg|千克|公斤|ml|毫升|cl|l|升|g|克|pcs|pc|pieces|piece|个|片|支|只)(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private UnitSizes() {
    }

    public static Optional<UnitSize> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher matcher = SIZE.matcher(name);
        Optional<UnitSize> found = Optional.empty();
        while (matcher.find()) {
            BigDecimal count = matcher.group(1) == null ? BigDecimal.ONE : new BigDecimal(matcher.group(1));
            BigDecimal amount = new BigDecimal(matcher.group(2).replace(',', '.')).multiply(count);
            if (amount.signum() <= 0) {
                continue;
            }
            String unit = matcher.group(3).toLowerCase(Locale.ROOT);
            found = Optional.of(switch (unit) {
                case "kg", "千克", "公斤" -> new UnitSize(amount, UnitSize.Unit.KG);
                case "g", "克" -> new UnitSize(amount.movePointLeft(3), UnitSize.Unit.KG);
                case "l", "升" -> new UnitSize(amount, UnitSize.Unit.L);
                case "cl" -> new UnitSize(amount.movePointLeft(2), UnitSize.Unit.L);
                case "ml", "毫升" -> new UnitSize(amount.movePointLeft(3), UnitSize.Unit.L);
                default -> new UnitSize(amount, UnitSize.Unit.PIECE);
            });
        }
        return found;
    }
}
