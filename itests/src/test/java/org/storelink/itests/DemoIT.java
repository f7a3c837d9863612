package org.storelink.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The demo network, as a new user starts it: its stores register, their sales come in through the webhook, and the
 * demo regions' recommendations, price suggestions and shelf labels are there without any set-up. (A smaller network
 * than the default 300 stores keeps the test quick on a 2-core CI machine.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DemoIT extends StorelinkTestSupport {
    private static final Pattern RECOMMENDED = Pattern.compile("Recommended products: (\\d+)");

    @Override
    protected boolean withDemo() {
        return true;
    }

    @Override
    @Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.configuration()));
        options.add(editConfigurationFilePut("etc/org.storelink.demo.cfg", "stores", "30"));
        options.add(editConfigurationFilePut("etc/org.storelink.demo.cfg", "weeks", "2"));
        options.add(editConfigurationFilePut("etc/org.storelink.demo.cfg", "sales.per.store.day", "4"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void demoStoresGetRecommendationsPricesAndLabelsWithoutSetUp() throws Exception {
        long started = System.nanoTime();
        eventually(Duration.ofMinutes(3), "demo stores registered",
                () -> command("storelink:store-list --region demo-east").contains("demo-east-0001"));

        String store = "demo-east-0001";
        eventually(Duration.ofMinutes(5), "recommendations for " + store, () -> {
            Matcher count = RECOMMENDED.matcher(command("storelink:recommend " + store));
            return count.find() && Integer.parseInt(count.group(1)) > 0;
        });
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.println("DemoIT: recommendations for " + store + " after " + seconds + " s");
        assertThat(execute("storelink:recommend " + store), containsString("region demo-east"));

        String prices = execute("storelink:price-suggest " + store);
        assertThat(prices, containsString("Median"));
        assertThat(prices, containsString("CNY "));

        Path pdf = Files.createTempDirectory("demo-labels").resolve("labels.pdf");
        String labels = execute("storelink:labels --out " + pdf + " " + store);
        assertThat(labels, containsString("Labels:"));
        byte[] head = Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertEquals("%PDF-", new String(head, StandardCharsets.US_ASCII));
        assertTrue(Files.size(pdf) > 1000);
    }

    private String command(String line) {
        try {
            return execute(line);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
