package org.storelink.wholesale.command;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.storelink.model.Gtin;
import org.storelink.wholesale.Quantity;

/** Parses {@code GTIN=QTY} arguments, naming every bad one. */
final class Lines {

    private Lines() {
    }

    static List<Quantity> parse(List<String> arguments) {
        List<Quantity> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String argument : arguments == null ? List.<String>of() : arguments) {
            int equals = argument.indexOf('=');
            if (equals < 0) {
                problems.add("'" + argument + "': expected GTIN=QUANTITY");
                continue;
            }
            String gtin = argument.substring(0, equals).strip();
            String quantity = argument.substring(equals + 1).strip();
            var problem = Gtin.problem(gtin);
            if (problem.isPresent()) {
                problems.add("'" + argument + "': GTIN " + problem.get());
                continue;
            }
            try {
                lines.add(new Quantity(Gtin.parse(gtin), new BigDecimal(quantity)));
            } catch (NumberFormatException e) {
                problems.add("'" + argument + "': quantity '" + quantity + "' is not a number");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return lines;
    }

    static OffsetDateTime at(String text, String option) {
        if (text == null) {
            return OffsetDateTime.now();
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not an ISO-8601 date-time with offset"
                    + " such as 2026-11-26T21:00:00+08:00");
        }
    }
}
