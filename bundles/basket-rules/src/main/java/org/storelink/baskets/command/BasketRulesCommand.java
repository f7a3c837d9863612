package org.storelink.baskets.command;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.baskets.AdjacencyHint;
import org.storelink.baskets.AssociationRule;
import org.storelink.baskets.BasketHints;
import org.storelink.baskets.BasketRuleMiner;
import org.storelink.baskets.BasketSource;
import org.storelink.baskets.CrossSellSuggestion;
import org.storelink.baskets.MiningParameters;
import org.storelink.baskets.MiningResult;
import org.storelink.baskets.internal.BasketFiles;
import org.storelink.baskets.internal.NumberStyle;
import org.storelink.baskets.internal.RulesCsv;

@Service
@Command(scope = "storelink", name = "basket-rules",
        description = "Association rules (FP-growth, with arules' results) from the baskets of a file, or of a store's"
                + " or region's sales.")
public class BasketRulesCommand implements Action {

    static final int DEFAULT_TOP = 20;
    /** A store's or region's thresholds when none are given: 1% of the baskets, half of the left-hand side's. */
    static final String STORE_DEFAULT_SUPPORT = "0.01";
    static final String STORE_DEFAULT_CONFIDENCE = "0.5";

    @Argument(index = 0, name = "store-or-region", required = false,
            description = "A store id or region whose sales baskets to mine, from the installed basket source")
    String storeOrRegion;

    @Option(name = "--file", description = "Baskets file: one basket per line, items separated by commas (UTF-8)")
    String file;

    @Option(name = "--min-support",
            description = "Minimum support, a fraction of the baskets in (0, 1]; rounded up to a basket count as arules"
                    + " does. Required with --file; " + STORE_DEFAULT_SUPPORT + " for a store or region")
    String minSupport;

    @Option(name = "--min-confidence", description = "Minimum confidence, in [0, 1]. Required with --file; "
            + STORE_DEFAULT_CONFIDENCE + " for a store or region")
    String minConfidence;

    @Option(name = "--max-length", description = "Most items in an itemset, so in a rule (arules' maxlen); default 10")
    String maxLength;

    @Option(name = "--out", description = "Write every rule to this CSV file (arules' columns) instead of printing the top ones")
    String out;

    @Option(name = "--r-numbers",
            description = "In --out, print numbers as R's write.csv does (15 significant digits) instead of full precision")
    boolean rNumbers;

    @Option(name = "--top",
            description = "How many rules (or cross-sell suggestions, or adjacency pairs) to print, best first; default 20")
    String top;

    @Option(name = "--cross-sell",
            description = "Instead of the rules, print the products to offer with this product (its label exactly as in"
                    + " the baskets): rules with it on the left-hand side and lift above 1")
    String crossSell;

    @Option(name = "--adjacency",
            description = "Instead of the rules, print the product pairs to shelve next to each other: frequent pairs with"
                    + " lift above 1, by lift")
    boolean adjacency;

    @Option(name = "--from", description = "With a store or region: first business day YYYY-MM-DD")
    String from;

    @Option(name = "--to", description = "With a store or region: last business day YYYY-MM-DD")
    String to;

    @Reference
    BasketRuleMiner miner;

    @Reference(optional = true)
    BasketSource source;

    @Override
    public Object execute() throws IOException {
        run(System.out);
        return null;
    }

    void run(PrintStream console) throws IOException {
        MiningParameters parameters = parameters();
        int rows = top == null ? DEFAULT_TOP : wholeNumber("--top", top, 0);
        Path outFile = out == null ? null : outFile();
        List<? extends Collection<String>> baskets = baskets();
        int productBaskets = crossSell == null ? 0 : basketsWith(baskets, crossSell);

        long started = System.nanoTime();
        MiningResult result = miner.mine(baskets, parameters);
        long millis = (System.nanoTime() - started) / 1_000_000;

        List<AssociationRule> rules = result.rules();
        if (outFile != null) {
            try (Writer writer = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
                RulesCsv.write(writer, rules, rNumbers ? NumberStyle.R : NumberStyle.ROUND_TRIP);
            } catch (IOException e) {
                throw new IllegalArgumentException("--out: cannot write " + outFile + ": " + reason(e), e);
            }
            console.println("Wrote " + rules.size() + " rules to " + outFile);
        }
        if (crossSell != null) {
            printCrossSell(console, result, productBaskets, rows);
        }
        if (adjacency) {
            printAdjacency(console, result, rows);
        }
        if (crossSell == null && !adjacency && outFile == null) {
            printRules(console, rules, rows);
        }
        console.println("Baskets: " + result.baskets() + "   Items: " + result.distinctItems()
                + "   Min count: " + result.minCount() + "   Frequent itemsets: " + result.itemsets().size()
                + "   Rules: " + rules.size() + "   Time: " + millis + " ms");
    }

    private static void printRules(PrintStream console, List<AssociationRule> rules, int rows) {
        if (rules.isEmpty()) {
            console.println("No rules reach these thresholds.");
            return;
        }
        console.println("Rules by lift: " + Math.min(rows, rules.size()) + " of " + rules.size());
        ShellTable table = new ShellTable();
        table.column("LHS");
        table.column("RHS");
        table.column("Support").alignRight();
        table.column("Confidence").alignRight();
        table.column("Lift").alignRight();
        table.column("Count").alignRight();
        for (AssociationRule rule : rules.subList(0, Math.min(rows, rules.size()))) {
            table.addRow().addContent(RulesCsv.itemset(rule.lhs()), RulesCsv.itemset(List.of(rule.rhs())),
                    String.format(Locale.ROOT, "%.5f", rule.support()),
                    String.format(Locale.ROOT, "%.3f", rule.confidence()),
                    String.format(Locale.ROOT, "%.3f", rule.lift()), rule.count());
        }
        table.print(console);
    }

    private void printCrossSell(PrintStream console, MiningResult result, int productBaskets, int rows) {
        List<CrossSellSuggestion> suggestions = BasketHints.crossSell(result, crossSell);
        String product = "\"" + crossSell + "\" (in " + productBaskets + " of " + result.baskets() + " baskets)";
        if (suggestions.isEmpty()) {
            console.println("No cross-sell for " + product + ": no rule with it on the left-hand side and lift above 1"
                    + " reaches these thresholds.");
            return;
        }
        console.println("Cross-sell with " + product + ", by lift: " + Math.min(rows, suggestions.size()) + " of "
                + suggestions.size());
        ShellTable table = new ShellTable();
        table.column("Offer");
        table.column("Why");
        for (CrossSellSuggestion suggestion : suggestions.subList(0, Math.min(rows, suggestions.size()))) {
            table.addRow().addContent(suggestion.offer(), suggestion.reason());
        }
        table.print(console);
    }

    private static void printAdjacency(PrintStream console, MiningResult result, int rows) {
        List<AdjacencyHint> hints = BasketHints.adjacency(result);
        if (hints.isEmpty()) {
            console.println("No shelf adjacency: no frequent pair of products has lift above 1 at this support.");
            return;
        }
        console.println("Shelf adjacency by lift: " + Math.min(rows, hints.size()) + " of " + hints.size()
                + " pairs with lift above 1");
        ShellTable table = new ShellTable();
        table.column("A");
        table.column("B");
        table.column("Support").alignRight();
        table.column("A => B").alignRight();
        table.column("B => A").alignRight();
        table.column("Lift").alignRight();
        table.column("Count").alignRight();
        for (AdjacencyHint hint : hints.subList(0, Math.min(rows, hints.size()))) {
            table.addRow().addContent(hint.first(), hint.second(),
                    String.format(Locale.ROOT, "%.5f", hint.support()),
                    String.format(Locale.ROOT, "%.3f", hint.confidenceFirstToSecond()),
                    String.format(Locale.ROOT, "%.3f", hint.confidenceSecondToFirst()),
                    String.format(Locale.ROOT, "%.3f", hint.lift()), hint.count());
        }
        table.print(console);
    }

    /** The baskets holding the product (its label exactly); fails, before mining, when none does. */
    private static int basketsWith(List<? extends Collection<String>> baskets, String product) {
        int count = 0;
        String near = null;
        for (Collection<String> basket : baskets) {
            if (basket.contains(product)) {
                count++;
            } else if (near == null) {
                for (String label : basket) {
                    if (label.strip().equalsIgnoreCase(product.strip())) {
                        near = label;
                        break;
                    }
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no basket contains \"" + product + "\""
                    + (near == null ? "" : "; labels are matched exactly: did you mean \"" + near + "\"?"));
        }
        return count;
    }

    private MiningParameters parameters() {
        if (file != null && (minSupport == null || minConfidence == null)) {
            throw new IllegalArgumentException((minSupport == null ? "--min-support" : "--min-confidence")
                    + " is required with --file");
        }
        if (minSupport == null) {
            minSupport = STORE_DEFAULT_SUPPORT;
        }
        if (minConfidence == null) {
            minConfidence = STORE_DEFAULT_CONFIDENCE;
        }
        BigDecimal support = decimal("--min-support", minSupport, "a fraction of the baskets such as 0.01");
        if (support.signum() <= 0 || support.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("--min-support: must be more than 0 and at most 1, not " + minSupport);
        }
        BigDecimal confidence = decimal("--min-confidence", minConfidence, "a number between 0 and 1 such as 0.5");
        if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("--min-confidence: must be between 0 and 1, not " + minConfidence);
        }
        int length = maxLength == null ? MiningParameters.DEFAULT_MAX_LENGTH : wholeNumber("--max-length", maxLength, 1);
        return new MiningParameters(support, confidence, length);
    }

    private List<? extends Collection<String>> baskets() {
        if (storeOrRegion != null && file != null) {
            throw new IllegalArgumentException("give either --file or a store or region, not both");
        }
        if (storeOrRegion == null && file == null) {
            throw new IllegalArgumentException("give --file PATH, or a store or region to mine from the basket source");
        }
        if (file != null) {
            if (from != null || to != null) {
                throw new IllegalArgumentException("--from and --to apply to a store or region, not to --file");
            }
            Path path = path("--file", file);
            try {
                return BasketFiles.read(path);
            } catch (IOException e) {
                throw new IllegalArgumentException("--file: cannot read " + path + ": " + reason(e), e);
            }
        }
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        if (first != null && last != null && first.isAfter(last)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        if (source == null) {
            throw new IllegalArgumentException("no basket source is installed, so the baskets of \"" + storeOrRegion
                    + "\" cannot be read; install one (a BasketSource service) or use --file PATH");
        }
        return source.baskets(storeOrRegion, first, last).orElseThrow(
                () -> new IllegalArgumentException("unknown store or region: \"" + storeOrRegion + "\""));
    }

    private Path outFile() {
        Path path = path("--out", out);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--out: cannot write " + path + ": folder " + parent + " does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("--out: cannot write " + path + ": it is a folder");
        }
        return path;
    }

    private static BigDecimal decimal(String option, String text, String expected) {
        if (text == null) {
            throw new IllegalArgumentException(option + " is required: " + expected);
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": \"" + text + "\" is not a number; expected " + expected);
        }
    }

    private static int wholeNumber(String option, String text, int least) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= least) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": \"" + text + "\" is not a whole number of at least " + least);
    }

    private static LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": \"" + text + "\" is not a date YYYY-MM-DD");
        }
    }

    private static Path path(String option, String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(option + ": \"" + text + "\" is not a valid path");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof MalformedInputException) {
            return "not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
