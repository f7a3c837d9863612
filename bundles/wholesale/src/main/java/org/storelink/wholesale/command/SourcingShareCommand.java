package org.storelink.wholesale.command;

import java.io.PrintStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.model.Money;
import org.storelink.wholesale.SourcingShare;
import org.storelink.wholesale.SourcingShares;

@Service
@Command(scope = "storelink", name = "sourcing-share",
        description = "The stores of a region whose platform share of purchases is below their commitment.")
public class SourcingShareCommand implements Action {

    @Argument(index = 0, name = "region", required = true, description = "Region id")
    String region;

    @Option(name = "--month", description = "YYYY-MM; default the current month (UTC)")
    String month;

    @Reference
    SourcingShares shares;

    PrintStream out = System.out;

    @Override
    public Object execute() {
        YearMonth period;
        try {
            period = month == null ? YearMonth.now(java.time.ZoneOffset.UTC) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--month: '" + month + "' is not a month YYYY-MM");
        }
        List<SourcingShare> below = shares.belowCommitment(region, period);
        out.println("Region: " + region + "   Month: " + period + "   Below commitment: " + below.size());
        ShellTable table = new ShellTable();
        table.column("Store");
        table.column("Platform").alignRight();
        table.column("All purchases").alignRight();
        table.column("Actual").alignRight();
        table.column("Contracted").alignRight();
        for (SourcingShare share : below) {
            table.addRow().addContent(share.storeId(), amount(share.platformMinor(), share.currency()),
                    amount(share.totalMinor(), share.currency()),
                    share.actual().map(a -> a.movePointRight(2).stripTrailingZeros().toPlainString() + "%")
                            .orElse("none"),
                    share.contracted().map(c -> c.movePointRight(2).stripTrailingZeros().toPlainString() + "%")
                            .orElse(""));
        }
        table.print(out);
        return null;
    }

    private static String amount(long minor, String currency) {
        return currency == null ? "-" : new Money(minor, currency).format();
    }
}
