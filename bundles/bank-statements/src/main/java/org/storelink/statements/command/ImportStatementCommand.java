package org.storelink.statements.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.storelink.messaging.Addresses;
import org.storelink.model.Money;
import org.storelink.model.Violation;
import org.storelink.statements.StatementImportReport;
import org.storelink.statements.StatementImportReport.CurrencyTotal;
import org.storelink.statements.StatementImportReport.StatementSummary;
import org.storelink.statements.StatementImporter;
import org.storelink.stores.RegionAccess;

@Service
@Command(scope = "storelink", name = "import-statement",
        description = "Imports an ISO 20022 camt.053 bank statement or camt.054 notification: each booked entry"
                + " is published as a settlement.")
public class ImportStatementCommand implements Action {

    @Argument(index = 0, name = "FILE", description = "The camt.053 or camt.054 XML file", required = true)
    String file;

    /** Karaf's shell reads options only before the first argument; the documented form puts them after FILE. */
    @Argument(index = 1, name = "OPTIONS", description = "[--dry-run]", multiValued = true)
    List<String> trailing = List.of();

    @Option(name = "--dry-run", description = "Read, check and show the statements; publish nothing")
    boolean dryRun;

    @Reference
    StatementImporter importer;

    @Override
    public Object execute() throws IOException {
        RegionAccess.current().checkPlatformAdmin("storelink:import-statement");
        for (String token : trailing) {
            if (!token.equals("--dry-run")) {
                throw new IllegalArgumentException(token + ": unknown option (use --dry-run)");
            }
            dryRun = true;
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("FILE: " + file + " does not exist or is not a file");
        }
        print(System.out, importer.importFile(path, "console", dryRun));
        return null;
    }

    static void print(PrintStream out, StatementImportReport report) {
        out.println(report.sourceName() + (report.message() == null ? "" : " (" + report.message() + ")"));
        if (!report.statements().isEmpty()) {
            ShellTable table = new ShellTable();
            table.column("Statement");
            table.column("Account");
            table.column("Store");
            table.column("Entries").alignRight();
            table.column("Booked").alignRight();
            table.column("Skipped").alignRight();
            table.column("Credits").alignRight();
            table.column("Debits").alignRight();
            for (StatementSummary statement : report.statements()) {
                List<CurrencyTotal> totals = statement.totals();
                table.addRow().addContent(statement.id(), statement.account(),
                        statement.storeId() == null ? "-" : statement.storeId(), statement.entries(),
                        statement.booked(), statement.skipped(),
                        totals.isEmpty() ? "-" : money(totals.get(0).credits(), totals.get(0).currency()),
                        totals.isEmpty() ? "-" : money(totals.get(0).debits(), totals.get(0).currency()));
                for (CurrencyTotal total : totals.subList(Math.min(1, totals.size()), totals.size())) {
                    table.addRow().addContent("", "", "", "", "", "", money(total.credits(), total.currency()),
                            money(total.debits(), total.currency()));
                }
            }
            table.print(out);
        }
        out.println("Entries booked: " + report.entriesBooked() + ", skipped (not BOOK): " + report.entriesSkipped());
        if (!report.accepted()) {
            out.println("Rejected, nothing was published:");
            for (Violation problem : report.problems()) {
                out.println("  " + problem);
            }
            if (report.problems().isEmpty()) {
                out.println("  " + report.rejected());
            }
        } else if (report.dryRun()) {
            int wouldBe = report.entriesBooked();
            out.println("Dry run: nothing was published (" + wouldBe + (wouldBe == 1 ? " settlement" : " settlements")
                    + " would be)");
        } else {
            out.println("Settlements published to " + Addresses.SETTLEMENTS_RECORDED + ": "
                    + report.settlementsPublished());
        }
    }

    private static String money(long minor, String currency) {
        return new Money(minor, currency).format();
    }
}
