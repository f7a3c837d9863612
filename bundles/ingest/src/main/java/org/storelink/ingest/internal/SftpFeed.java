package org.storelink.ingest.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.storelink.camel.OsgiCamelContexts;
import org.storelink.ingest.FeedStatus;
import org.storelink.ingest.SaleImporter;

/**
 * SFTP pickup from a store's server, from a factory configuration {@code etc/org.storelink.ingest.sftp-<name>.cfg}.
 * Files are downloaded to a local work folder (so a big export is never held in memory), imported, and moved to
 * {@code .done/} or {@code .error/} on the server; the reports are kept locally under
 * {@code data/storelink/sftp/<store>/<format>/}.
 */
@Component(service = Feed.class, configurationPid = SftpConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SftpConfig.class, factory = true)
public final class SftpFeed implements Feed {
    static final String POLL_STATE = "storelinkFeedPollState";

    private final String store;
    private final String format;
    private final String feedName;
    private final FeedPollState pollState = new FeedPollState();
    private final CamelContext camel;

    @Activate
    public SftpFeed(BundleContext bundleContext, SftpConfig config, @Reference SaleImporter importer)
            throws Exception {
        this.store = FeedSettings.required(config.store(), "store");
        this.format = FeedSettings.required(config.format(), "format");
        Path local = Path.of(System.getProperty("karaf.data", "data"), "storelink", "sftp", store, format);
        Files.createDirectories(local);
        String knownHosts = config.knownHostsFile().isBlank()
                ? Path.of(System.getProperty("karaf.etc", "etc"), "storelink-known_hosts").toString()
                : config.knownHostsFile();
        FeedRoutes routes = routes(config, knownHosts, local, importer);
        this.feedName = routes.feedName();
        camel = OsgiCamelContexts.create(bundleContext.getBundle(), "storelink-sftp-" + store + "-" + format);
        camel.getRegistry().bind(POLL_STATE, pollState);
        camel.addRoutes(routes);
        camel.start();
    }

    /** The feed's routes; the context they run in must have a {@link FeedPollState} bound as {@link #POLL_STATE}. */
    static FeedRoutes routes(SftpConfig config, String knownHostsFile, Path local, SaleImporter importer) {
        String store = FeedSettings.required(config.store(), "store");
        String format = FeedSettings.required(config.format(), "format");
        String host = FeedSettings.required(config.host(), "host");
        String user = FeedSettings.required(config.username(), "username");
        if (config.password().isBlank() == config.privateKeyFile().isBlank()) {
            throw new IllegalArgumentException("password, privateKeyFile: set exactly one of them");
        }
        if (!config.strictHostKeyChecking().equals("yes") && !config.strictHostKeyChecking().equals("no")) {
            throw new IllegalArgumentException("strictHostKeyChecking: must be yes or no");
        }
        StringBuilder uri = new StringBuilder("sftp://").append(encode(user)).append('@').append(host).append(':')
                .append(config.port()).append('/').append(config.directory())
                .append('?').append(FeedRoutes.MOVES)
                .append("&binary=true&delay=").append(config.pollMillis())
                .append("&localWorkDirectory=").append(local.resolve("work"))
                .append("&exclude=").append(FeedRoutes.EXCLUDE)
                .append("&strictHostKeyChecking=").append(config.strictHostKeyChecking())
                .append("&useUserKnownHostsFile=false&knownHostsFile=").append(knownHostsFile)
                .append("&throwExceptionOnConnectFailed=true&pollStrategy=#").append(POLL_STATE);
        if (!config.password().isBlank()) {
            uri.append("&password=RAW(").append(config.password()).append(')');
        } else {
            uri.append("&privateKeyFile=").append(config.privateKeyFile());
        }
        return new FeedRoutes(uri.toString(), "ingest.sftp." + store + "." + format,
                "sftp:" + user + "@" + host + ":" + config.port() + "/" + config.directory(), local, store, format,
                FeedSettings.options(config.options()), importer);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Deactivate
    void deactivate() throws Exception {
        camel.close();
    }

    @Override
    public FeedStatus status() {
        String error = pollState.lastError();
        return new FeedStatus(format, feedName, store, error == null, error == null ? "polling" : error, null, 0, 0);
    }

    FeedPollState pollState() {
        return pollState;
    }
}
