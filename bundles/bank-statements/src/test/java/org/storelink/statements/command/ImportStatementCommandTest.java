package org.storelink.statements.command;

import org.storelink.stores.testing.AsUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.model.Violation;
import org.storelink.statements.StatementImportReport;
import org.storelink.statements.StatementImportReport.CurrencyTotal;
import org.storelink.statements.StatementImportReport.StatementSummary;
import org.storelink.statements.StatementImporter;

class ImportStatementCommandTest {

    private static String print(StatementImportReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImportStatementCommand.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), report);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachStatementShowsItsAccountEntriesAndTotalsPerCurrencyInMajorUnits() {
        StatementImportReport report = new StatementImportReport("day.xml", "camt.053.001.02", false, List.of(
                new StatementSummary("1234Test/1", "NL77ABNA0574908765", "sh-campus-001", null, 4, 3, 1,
                        List.of(new CurrencyTotal("EUR", 140531, -141830), new CurrencyTotal("JPY", 1800, 0)))),
                3, 1, 3, null, List.of());

        String out = print(report);

        assertThat(out).contains("day.xml (camt.053.001.02)")
                .containsPattern("1234Test/1 +\\| NL77ABNA0574908765 \\| sh-campus-001 \\| +4 \\| +3 \\| +1 \\|"
                        + " EUR 1405.31 \\| EUR -1418.30")
                .containsPattern("\\| +JPY 1800 \\| +JPY 0")
                .contains("Entries booked: 3, skipped (not BOOK): 1")
                .contains("Settlements published to storelink.settlements.recorded: 3");
    }

    @Test
    void aRejectionShowsEveryProblem() {
        StatementImportReport report = new StatementImportReport("bad.xml", "camt.053.001.04", false, List.of(), 0, 0,
                0, "Stmt[1]/Ntry[3]/Amt: \"12,50\" is not a plain decimal number such as 7.00", List.of(
                new Violation("Stmt[1]/Ntry[3]/Amt", "\"12,50\" is not a plain decimal number such as 7.00")));

        assertThat(print(report)).contains("Rejected, nothing was published:")
                .contains("  Stmt[1]/Ntry[3]/Amt: \"12,50\" is not a plain decimal number such as 7.00");
    }

    @Test
    void dryRunAfterTheFileIsReadAndNothingIsPublished(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("day.xml"), "<Document/>");
        List<Boolean> dryRuns = new ArrayList<>();
        ImportStatementCommand command = new ImportStatementCommand();
        command.importer = new StatementImporter() {
            @Override
            public StatementImportReport importStatement(InputStream document, String sourceName, String channel,
                                                         boolean dryRun) {
                dryRuns.add(dryRun);
                assertThat(channel).isEqualTo("console");
                return new StatementImportReport(sourceName, "camt.053.001.02", dryRun, List.of(), 2, 0, 0, null,
                        List.of());
            }
        };
        command.file = file.toString();
        command.trailing = List.of("--dry-run");

        AsUser.run(AsUser.PLATFORM_ADMIN, command);

        assertThat(dryRuns).containsExactly(true);
        assertThat(print(new StatementImportReport("day.xml", "camt.053.001.02", true, List.of(), 2, 0, 0, null,
                List.of()))).contains("Dry run: nothing was published (2 settlements would be)");
    }

    @Test
    void aMissingFileOrAnUnknownOptionIsRefused(@TempDir Path dir) throws Exception {
        ImportStatementCommand command = new ImportStatementCommand();
        command.file = dir.resolve("absent.xml").toString();
        assertThatIllegalArgumentException().isThrownBy(() -> AsUser.run(AsUser.PLATFORM_ADMIN, command))
                .withMessageEndingWith("absent.xml does not exist or is not a file");

        command.file = Files.writeString(dir.resolve("day.xml"), "x").toString();
        command.trailing = List.of("--publish");
        assertThatIllegalArgumentException().isThrownBy(() -> AsUser.run(AsUser.PLATFORM_ADMIN, command))
                .withMessage("--publish: unknown option (use --dry-run)");
    }

    @Test
    void statementsAreImportedByPlatformAdminsOnly(@TempDir Path dir) throws Exception {
        ImportStatementCommand command = new ImportStatementCommand();
        command.file = Files.writeString(dir.resolve("day.xml"), "<Document/>").toString();

        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, command))
                .isInstanceOf(SecurityException.class).hasMessage("user carol administers region east only;"
                        + " storelink:import-statement is for platform admins only");
    }
}
