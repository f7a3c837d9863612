package org.storelink.partners.command;

import org.storelink.stores.testing.AsUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.apache.karaf.shell.api.action.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.partners.internal.FilePartnerRegistry;
import org.storelink.partners.internal.PartnerAdmin;
import org.storelink.partners.internal.PartnersConfig;

/** The commands as the shell runs them, over the components as DS builds them, on an in-memory broker. */
class PartnerCommandsTest {
    @TempDir
    Path etc;

    private ActiveMQServer server;
    private PartnerAdmin admin;
    private String karafEtcBefore;

    @BeforeEach
    void start() throws Exception {
        karafEtcBefore = System.getProperty("karaf.etc");
        System.setProperty("karaf.etc", etc.toString());
        server = new ActiveMQServerImpl(new ConfigurationImpl().setPersistenceEnabled(false)
                .setSecurityEnabled(false).setJMXManagementEnabled(false));
        server.start();
        PartnersConfig config = new PartnersConfig() {
            @Override
            public String file() {
                return "";
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return PartnersConfig.class;
            }
        };
        admin = new PartnerAdmin(server, new FilePartnerRegistry(config));
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        if (karafEtcBefore == null) {
            System.clearProperty("karaf.etc");
        } else {
            System.setProperty("karaf.etc", karafEtcBefore);
        }
    }

    private static String run(Action command) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            AsUser.run(AsUser.PLATFORM_ADMIN, command);
        } finally {
            System.setOut(console);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private PartnerAddCommand add(String id, String kind, String name) {
        PartnerAddCommand command = new PartnerAddCommand();
        command.partners = admin;
        command.id = id;
        command.kind = kind;
        command.name = name;
        return command;
    }

    @Test
    void addPrintsThePasswordOnceOnItsOwnLineAndStoresOnlyItsHash() throws Exception {
        String output = run(add("acme-foods", "brand", "Acme Foods"));

        Matcher password = Pattern.compile("(?m)^password: (\\S+)$").matcher(output);
        assertThat(password.find()).isTrue();
        String users = Files.readString(etc.resolve("users.properties"));
        assertThat(users).startsWith("acme-foods = {CRYPT}").endsWith(",partner,partner-acme-foods\n")
                .doesNotContain(password.group(1));
        assertThat(output).contains("Partner acme-foods (brand, Acme Foods) added.",
                "sends to: partner.acme-foods.in   receives from: partner.acme-foods.out");
        assertThat(Files.readString(etc.resolve("storelink-partners.json"))).contains("\"acme-foods\"")
                .doesNotContain(password.group(1));
    }

    @Test
    void addRefusesAnExistingIdNamingTheField() throws Exception {
        run(add("acme-foods", "brand", null));

        assertThatThrownBy(() -> run(add("acme-foods", "fleet", null)))
                .hasMessage("id: partner 'acme-foods' already exists");
    }

    @Test
    void listShowsEachPartnerWithItsAddressesAndWaitingMessages() throws Exception {
        run(add("acme-foods", "brand", "Acme Foods"));
        run(add("rapid-riders", "fleet", null));
        PartnerListCommand list = new PartnerListCommand();
        list.partners = admin;

        List<String> lines = run(list).lines().toList();

        assertThat(lines.get(0)).contains("ID", "Kind", "Name", "Created", "In address", "In msgs", "Out address",
                "Out msgs");
        assertThat(lines.get(2)).contains("acme-foods", "brand", "Acme Foods", "partner.acme-foods.in",
                "partner.acme-foods.out").containsPattern("\\b0\\b");
        assertThat(lines.get(3)).contains("rapid-riders", "fleet", "partner.rapid-riders.in");
    }

    @Test
    void removeTakesThePartnerAway() throws Exception {
        run(add("acme-foods", "brand", null));
        PartnerRemoveCommand remove = new PartnerRemoveCommand();
        remove.partners = admin;
        remove.id = "acme-foods";

        assertThat(run(remove)).startsWith("Partner acme-foods removed");
        assertThat(admin.list()).isEmpty();
        assertThat(Files.readString(etc.resolve("users.properties"))).doesNotContain("acme-foods");
    }

    @Test
    void partnersAreForPlatformAdminsOnly() throws Exception {
        PartnerListCommand list = new PartnerListCommand();
        list.partners = admin;
        PartnerRemoveCommand remove = new PartnerRemoveCommand();
        remove.partners = admin;
        remove.id = "acme-foods";
        run(add("acme-foods", "brand", null));

        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, add("rapid-riders", "fleet", null)))
                .isInstanceOf(SecurityException.class)
                .hasMessage("user carol administers region east only; storelink:partner-add is for platform admins"
                        + " only");
        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, list)).isInstanceOf(SecurityException.class)
                .hasMessageContaining("storelink:partner-list");
        assertThatThrownBy(() -> AsUser.run(AsUser.EAST_ADMIN, remove)).isInstanceOf(SecurityException.class)
                .hasMessageContaining("storelink:partner-remove");
        assertThat(admin.list()).hasSize(1);
    }
}
