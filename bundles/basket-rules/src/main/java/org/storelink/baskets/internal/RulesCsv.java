package org.storelink.baskets.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.storelink.baskets.AssociationRule;

/**
 * Rules as arules saves them with {@code write.csv(as(rules, "data.frame"))}: a header
 * {@code "lhs","rhs","support","confidence","lift","count"}, every text field in double quotes (a quote inside
 * doubled), each side written like arules' labels ({@code {a,b}}, items in the result's order, {@code {}} for an
 * empty side, labels as they are), numbers unquoted, lines ending in {@code \n}.
 */
public final class RulesCsv {

    private RulesCsv() {
    }

    public static void write(Writer out, Iterable<AssociationRule> rules, NumberStyle numbers) throws IOException {
        out.write("\"lhs\",\"rhs\",\"support\",\"confidence\",\"lift\",\"count\"\n");
        StringBuilder line = new StringBuilder(128);
        for (AssociationRule rule : rules) {
            line.setLength(0);
            line.append(quote(itemset(rule.lhs()))).append(',')
                    .append(quote(itemset(List.of(rule.rhs())))).append(',')
                    .append(numbers.format(rule.support())).append(',')
                    .append(numbers.format(rule.confidence())).append(',')
                    .append(numbers.format(rule.lift())).append(',')
                    .append(rule.count()).append('\n');
            out.append(line);
        }
    }

    /** arules' label of an itemset: {@code {a,b}}. */
    public static String itemset(List<String> items) {
        return "{" + String.join(",", items) + "}";
    }

    /** An RFC 4180 quoted field. */
    static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
