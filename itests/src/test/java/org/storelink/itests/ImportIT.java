package org.storelink.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.storelink.ledger.SalesQueries;
import org.storelink.model.Gtin;
import org.storelink.model.Sale;
import org.storelink.model.SaleLine;
import org.storelink.model.Tender;
import org.storelink.model.TenderType;
import org.storelink.model.Violation;
import org.storelink.spi.PosFormat;
import org.storelink.spi.SourceContext;
import org.storelink.spi.SourceTransaction;
import org.storelink.spi.UnreadableSourceException;

/**
 * An integrator's format registered at run time is at once usable by {@code storelink:import} and by a drop
 * folder; accepted sales reach the ledger once however often a file is imported, and rejections are explained.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImportIT extends StorelinkTestSupport {
    private static final String FORMAT = "itest-lines";

    @Inject
    private BundleContext bundleContext;

    @Inject
    private SalesQueries ledger;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private ServiceRegistration<PosFormat> registration;

    /** One sale per line: {@code receipt,gtin,quantity,unitPrice}; a line of "BROKEN" makes the file unreadable. */
    static final class LineFormat implements PosFormat {
        @Override
        public String name() {
            return FORMAT;
        }

        @Override
        public String description() {
            return "test lines";
        }

        @Override
        public void read(InputStream source, SourceContext context, Consumer<SourceTransaction> sink)
                throws IOException, UnreadableSourceException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.equals("BROKEN")) {
                    throw new UnreadableSourceException("line " + number + ": not a sale line");
                }
                String[] f = line.split(",");
                String reference = context.sourceName() + ":" + number;
                var problem = Gtin.problem(f[1]);
                if (problem.isPresent()) {
                    sink.accept(SourceTransaction.rejected(reference, List.of(new Violation("lines[0].gtin",
                            problem.get()))));
                    continue;
                }
                long price = Long.parseLong(f[3]);
                BigDecimal quantity = new BigDecimal(f[2]);
                long total = quantity.multiply(BigDecimal.valueOf(price)).longValueExact();
                Sale sale = new Sale(context.store().id(), "itest", f[0],
                        OffsetDateTime.parse("2026-11-20T10:00:00+08:00"), "CNY",
                        List.of(new SaleLine(1, Gtin.parse(f[1]), "Green tea 500ml", quantity, price, 0, null, null)),
                        0, 0, List.of(), List.of(new Tender(TenderType.CASH, total, null)), 0, null, null, null);
                sink.accept(SourceTransaction.accepted(reference, SourceTransaction.Kind.SALE, sale));
            }
        }
    }

    @Before
    public void registerFormat() {
        registration = bundleContext.registerService(PosFormat.class, new LineFormat(), new Hashtable<>());
    }

    @After
    public void unregisterFormat() {
        registration.unregister();
    }

    private static Path file(String run, int sales, int badAt) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= sales; i++) {
            String gtin = i == badAt ? "6901234567893" : "6901234567892";
            text.append(run).append('-').append(i).append(',').append(gtin).append(",1,350\n");
        }
        Path file = Files.createTempFile("import-", ".txt");
        Files.writeString(file, text);
        return file;
    }

    @Test
    public void fileWithOneBadSaleStoresTheOthersOnceAndExplainsTheRejection() throws Exception {
        String run = "imp" + UUID.randomUUID().toString().substring(0, 6);
        Path file = file(run, 500, 137);

        String output = execute("storelink:import " + file + " --store " + DEMO_STORE + " --format " + FORMAT);

        assertThat(output, containsString("Accepted: 499"));
        assertThat(output, containsString("Rejected: 1"));
        assertThat(output, containsString(file.getFileName() + ":137"));
        assertThat(output, containsString("lines[0].gtin: check digit is 3, expected 2"));
        assertThat(output, containsString("100%"));
        String last = DEMO_STORE + "/itest/" + run + "-500";
        eventually(Duration.ofSeconds(60), "imported sales in the ledger", () -> ledger.contains(last));
        assertTrue(ledger.contains(DEMO_STORE + "/itest/" + run + "-1"));
        assertEquals(0, ledger.count(DEMO_STORE + "/itest/" + run + "-137"));

        String again = execute("storelink:import " + file + " --store " + DEMO_STORE + " --format " + FORMAT);

        assertThat(again, containsString("Accepted: 499"));
        // A barrier sale imported after the resend: once it is stored, the resent ones have passed too.
        Path barrier = file(run + "b", 1, -1);
        execute("storelink:import " + barrier + " --store " + DEMO_STORE + " --format " + FORMAT);
        eventually(Duration.ofSeconds(60), "barrier sale stored",
                () -> ledger.contains(DEMO_STORE + "/itest/" + run + "b-1"));
        assertEquals(1, ledger.count(last));
        assertEquals(1, ledger.count(DEMO_STORE + "/itest/" + run + "-250"));

        String adapters = execute("storelink:adapter-list");
        assertThat(adapters, containsString(FORMAT));
        assertThat(adapters, containsString("ONLINE"));
        assertThat(adapters, containsString("999"));
    }

    @Test
    public void importOfAnUnknownFormatNamesTheProblem() throws Exception {
        Path file = file("x", 1, -1);
        String output;
        try {
            output = execute("storelink:import " + file + " --store " + DEMO_STORE + " --format nosuch");
        } catch (IllegalArgumentException e) {
            output = e.getMessage();
        }
        assertThat(output, containsString("format: \"nosuch\" is not installed"));
    }

    @Test
    public void dropFolderImportsFilesAndMovesThemWithAReportOrAReason() throws Exception {
        Path folder = Files.createTempDirectory("inbox-");
        Configuration config = configurationAdmin.createFactoryConfiguration("org.storelink.ingest.folder", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("store", DEMO_STORE);
        properties.put("format", FORMAT);
        properties.put("path", folder.toString());
        properties.put("pollMillis", 200L);
        config.update(properties);
        try {
            eventually(Duration.ofSeconds(30), "drop folder feed listed", () -> {
                try {
                    return execute("storelink:adapter-list").contains("folder:" + folder);
                } catch (Exception e) {
                    return false;
                }
            });
            String run = "drop" + UUID.randomUUID().toString().substring(0, 6);
            Path good = file(run, 20, 5);
            Files.move(good, folder.resolve("day.txt"));
            Files.writeString(folder.resolve("bad.txt"), run + "-x,6901234567892,1,350\nBROKEN\n");

            eventually(Duration.ofSeconds(30), "good file moved to .done",
                    () -> Files.exists(folder.resolve(".done/day.txt")));
            assertThat(Files.readString(folder.resolve(".done/day.txt.report.json")),
                    containsString("\"rejected\":1"));
            eventually(Duration.ofSeconds(30), "unreadable file moved to .error",
                    () -> Files.exists(folder.resolve(".error/bad.txt.reason.txt")));
            assertThat(Files.readString(folder.resolve(".error/bad.txt.reason.txt")),
                    containsString("line 2: not a sale line"));
            eventually(Duration.ofSeconds(60), "dropped sales stored",
                    () -> ledger.contains(DEMO_STORE + "/itest/" + run + "-20"));
            assertThat(execute("storelink:adapter-list"), containsString("watching"));
        } finally {
            config.delete();
        }
    }
}
