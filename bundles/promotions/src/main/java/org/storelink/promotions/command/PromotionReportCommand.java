package org.storelink.promotions.command;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.model.Money;
import org.storelink.promotions.PromotionReport;
import org.storelink.promotions.PromotionReport.Group;
import org.storelink.promotions.PromotionReport.Uplift;
import org.storelink.promotions.Promotions;

@Service
@Command(scope = "storelink", name = "promotion-report",
        description = "A promotion's redemptions, budget and uplift: promoted products' sales per store-week,"
                + " participating stores against comparable stores, before and during the promotion.")
public class PromotionReportCommand implements Action {

    @Argument(index = 0, name = "promotion", required = true, description = "Promotion id (the promotion code)")
    String promotion;

    @Reference
    Promotions promotions;

    @Override
    public Object execute() {
        PromotionReport report = promotions.report(promotion)
                .orElseThrow(() -> new IllegalArgumentException("Unknown promotion \"" + promotion + "\""));
        print(report, System.out);
        return null;
    }

    static void print(PromotionReport report, PrintStream out) {
        String currency = report.currency();
        out.println("Promotion: " + report.promotionId() + " \"" + report.name() + "\"   Brand: " + report.brand()
                + "   Catalog: " + report.catalogId() + " v" + report.catalogVersion());
        out.println("Offer: " + report.mechanics() + "   Valid: " + report.validFrom() + " to " + report.validTo()
                + "   Status: " + report.status());
        out.println("Redemptions: " + report.redemptions() + "   Units: " + report.units().toPlainString()
                + "   Revenue: " + money(report.revenue(), currency)
                + "   Stores participating: " + report.storesParticipating());
        out.println("Discount given: " + money(report.discount(), currency) + "   (by the mechanics: "
                + money(report.expectedDiscount(), currency) + ")   Budget: " + money(report.budget(), currency)
                + "   Left: " + money(report.budgetLeft(), currency));
        Uplift uplift = report.uplift();
        out.println();
        out.println("Uplift (" + uplift.method() + "), per store-week: baseline " + uplift.baselineFrom() + " to "
                + uplift.baselineTo() + ", promotion " + uplift.promotionFrom() + " to " + uplift.promotionTo()
                + " (" + uplift.promotionDays() + " complete day(s))");
        if (!uplift.baselineComplete()) {
            out.println("Note: sales of the promoted products are kept since "
                    + (uplift.trackedSince() == null ? "-" : uplift.trackedSince())
                    + ", after the baseline began: the baseline is incomplete.");
        }
        if (uplift.participating() == null) {
            out.println("No uplift yet: " + (uplift.promotionDays() == 0 ? "no complete day of the promotion"
                    : "no store has redeemed it") + ".");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Stores");
        table.column("Count").alignRight();
        table.column("Units before").alignRight();
        table.column("Units during").alignRight();
        table.column("Change").alignRight();
        table.column("Revenue before").alignRight();
        table.column("Revenue during").alignRight();
        table.column("Change").alignRight();
        row(table, "participating", uplift.participating(), currency);
        if (uplift.comparison() != null) {
            row(table, "comparison", uplift.comparison(), currency);
        }
        table.print(out);
        out.println("Uplift: " + uplift.unitsUplift().toPlainString() + " units, "
                + decimalMoney(uplift.revenueUplift(), currency) + " per store-week"
                + (uplift.unitsUpliftRatio() == null ? ""
                : " (" + uplift.unitsUpliftRatio().movePointRight(2).setScale(1, RoundingMode.HALF_UP)
                .toPlainString() + "% of the participating stores' baseline units)"));
        if (uplift.comparison() == null) {
            out.println("No comparable store (same region and area profile, eligible, no redemptions): the uplift is"
                    + " the participating stores' change alone.");
        }
    }

    private static void row(ShellTable table, String name, Group group, String currency) {
        table.addRow().addContent(name, group.stores(), group.unitsBefore().toPlainString(),
                group.unitsDuring().toPlainString(), group.unitsChange().toPlainString(),
                decimalMoney(group.revenueBefore(), currency), decimalMoney(group.revenueDuring(), currency),
                decimalMoney(group.revenueChange(), currency));
    }

    private static String money(long minor, String currency) {
        return new Money(minor, currency).format();
    }

    /** Minor units that need not be whole (a per-week average), shown in major units. */
    private static String decimalMoney(BigDecimal minor, String currency) {
        int exponent = Money.exponent(currency);
        return currency + " " + minor.movePointLeft(exponent).setScale(exponent, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
