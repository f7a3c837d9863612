package org.storelink.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Regional admins log in over ssh, as an operator would, and each sees and changes only its own region: the
 * commands refuse the other region's stores and modules, and Karaf's own commands are out of reach.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RegionalAdminsIT extends StorelinkTestSupport {
    private static final int SSH_PORT = 18101;
    private static final Pattern PASSWORD = Pattern.compile("(?m)^password: (\\S+)$");

    @Test
    public void adminsOfTwoRegionsAreEachRefusedTheOthersRegion() throws Exception {
        execute("feature:install storelink-recommend");
        eventually(Duration.ofSeconds(60), "region commands available",
                () -> command("storelink:region-list").contains("east"));
        String east = password(execute("storelink:admin-add carol --region east"));
        String north = password(execute("storelink:admin-add dave --region north"));

        String eastStores = ssh("carol", east, "storelink:store-list");
        assertThat(eastStores, containsString("sh-campus-001"));
        assertThat(eastStores, not(containsString("bj-transit-004")));
        assertThat(ssh("carol", east, "storelink:sales-summary --store bj-transit-004"),
                containsString("administers region east only"));
        assertThat(ssh("carol", east, "storelink:insights bj-transit-004"),
                containsString("administers region east only"));
        String enableNorth = ssh("carol", east, "storelink:region-enable recommend north top=3");
        assertThat(enableNorth, not(containsString("enabled")));
        assertTrue(enableNorth, refused(enableNorth));
        assertThat(ssh("carol", east, "storelink:region-list"), not(containsString("north")));

        String northStores = ssh("dave", north, "storelink:store-list");
        assertThat(northStores, containsString("bj-transit-004"));
        assertThat(northStores, not(containsString("sh-campus-001")));
        assertThat(ssh("dave", north, "storelink:sales-summary --store sh-campus-001"),
                containsString("administers region north only"));
        String disableEast = ssh("dave", north, "storelink:region-disable recommend east");
        assertTrue(disableEast, refused(disableEast));

        // Each may do its own region's work.
        assertThat(ssh("dave", north, "storelink:sales-summary --store bj-transit-004"), containsString("Sales:"));
        String enableEast = ssh("carol", east, "storelink:region-enable recommend east top=3");
        assertThat(enableEast, not(containsString("nsufficient")));
        eventually(Duration.ofSeconds(60), "east enabled by its admin",
                () -> command("storelink:region-list").contains("active"));

        // Neither reaches the platform's own commands, nor storelink's platform-wide ones.
        // (Karaf hides a command its ACL refuses: "command not found", or "Insufficient credentials".)
        for (String forbidden : new String[] {"bundle:list", "config:list", "cat etc/users.properties",
                "storelink:dlq-list", "storelink:partner-list", "storelink:admin-add eve --region east"}) {
            String out = ssh("carol", east, forbidden).toLowerCase();
            assertTrue(forbidden + " was not refused: " + out,
                    out.contains("insufficient credentials") || out.contains("command not found"));
            assertThat(forbidden, out, not(containsString("sh-campus-001")));
        }
        // The platform admin sees every region.
        String all = execute("storelink:store-list");
        assertThat(all, containsString("sh-campus-001"));
        assertThat(all, containsString("bj-transit-004"));
    }

    private static boolean refused(String output) {
        String lower = output.toLowerCase();
        return lower.contains("insufficient credentials") || lower.contains("administers region");
    }

    private static String password(String output) {
        Matcher matcher = PASSWORD.matcher(output);
        if (!matcher.find()) {
            throw new AssertionError("no password line in: " + output);
        }
        return matcher.group(1);
    }

    /** Runs one command over ssh as that user, returning what it wrote to stdout and stderr. */
    private static String ssh(String user, String password, String command) throws Exception {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            try (ClientSession session = client.connect(user, "localhost", SSH_PORT).verify(30, TimeUnit.SECONDS)
                    .getSession()) {
                session.addPasswordIdentity(password);
                session.auth().verify(30, TimeUnit.SECONDS);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ClientChannel channel = session.createExecChannel(command)) {
                    channel.setOut(out);
                    channel.setErr(out);
                    channel.open().verify(30, TimeUnit.SECONDS);
                    channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TimeUnit.SECONDS.toMillis(60));
                }
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private String command(String line) {
        try {
            return execute(line);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
