package org.storelink.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storelink.ingest.ImportProgress;
import org.storelink.ingest.ImportReport;
import org.storelink.ingest.ImportRequest;
import org.storelink.ingest.SaleImporter;

/** SFTP pickup against a real SSH server (Apache MINA SSHD) on localhost, host key checked. */
class SftpFeedTest {
    @TempDir
    Path temp;

    private SshServer server;
    private DefaultCamelContext camel;
    private final List<String> imported = new ArrayList<>();

    private final SaleImporter importer = new SaleImporter() {
        @Override
        public List<String> formats() {
            return List.of("fake");
        }

        @Override
        public ImportReport importSource(InputStream source, ImportRequest request, ImportProgress progress) {
            try {
                imported.add(request.sourceName() + "=" + new String(source.readAllBytes(), StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return new ImportReport(request.sourceName(), request.storeId(), request.format(), 1, 0, Map.of(),
                    List.of(), null);
        }
    };

    @BeforeEach
    void startServer() throws Exception {
        Files.createDirectories(temp.resolve("remote/exports"));
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(temp.resolve("hostkey.ser")));
        server.setPasswordAuthenticator((user, password, session) -> "shop".equals(user) && "s3cret".equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(temp.resolve("remote")));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        server.stop(true);
    }

    private Path knownHosts() throws Exception {
        var key = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        Path file = temp.resolve("known_hosts");
        Files.writeString(file, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(key) + "\n");
        return file;
    }

    private FeedPollState start(String password) throws Exception {
        SftpConfig config = config(password);
        FeedPollState state = new FeedPollState();
        camel = new DefaultCamelContext();
        camel.getRegistry().bind(SftpFeed.POLL_STATE, state);
        camel.addRoutes(SftpFeed.routes(config, knownHosts().toString(), temp.resolve("local"), importer));
        camel.start();
        return state;
    }

    @Test
    void picksUpFilesAndMovesThemToDoneOnTheServer() throws Exception {
        Files.writeString(temp.resolve("remote/exports/day1.xml"), "<POSLog/>");
        FeedPollState state = start("s3cret");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(temp.resolve("remote/exports/.done/day1.xml")));
        assertThat(imported).containsExactly("day1.xml=<POSLog/>");
        assertThat(temp.resolve("remote/exports/day1.xml")).doesNotExist();
        assertThat(temp.resolve("local/.done/day1.xml.report.json")).exists();
        await().atMost(Duration.ofSeconds(10)).until(() -> state.lastError() == null);
    }

    @Test
    void aRefusedLoginIsReportedAsTheFeedsState() throws Exception {
        Files.writeString(temp.resolve("remote/exports/day1.xml"), "<POSLog/>");
        FeedPollState state = start("wrong");

        await().atMost(Duration.ofSeconds(30)).until(() -> state.lastError() != null
                && !state.lastError().equals("not polled yet"));
        assertThat(state.lastError()).containsIgnoringCase("auth");
        assertThat(imported).isEmpty();
        assertThat(temp.resolve("remote/exports/day1.xml")).exists();
    }

    @Test
    void configurationNeedsExactlyOneCredential() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SftpFeed.routes(config(""), "kh", temp, importer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password, privateKeyFile");
    }

    private SftpConfig config(String password) {
        int port = server.getPort();
        return new SftpConfig() {
            @Override public Class<? extends Annotation> annotationType() { return SftpConfig.class; }
            @Override public String store() { return "s1"; }
            @Override public String format() { return "fake"; }
            @Override public String host() { return "127.0.0.1"; }
            @Override public int port() { return port; }
            @Override public String username() { return "shop"; }
            @Override public String password() { return password; }
            @Override public String privateKeyFile() { return ""; }
            @Override public String directory() { return "exports"; }
            @Override public String knownHostsFile() { return ""; }
            @Override public String strictHostKeyChecking() { return "yes"; }
            @Override public long pollMillis() { return 1000; }
            @Override public String[] options() { return new String[0]; }
        };
    }
}
