package org.storelink.stores.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.model.Region;
import org.storelink.model.Store;
import org.storelink.stores.StoreRegistry;

/**
 * The registry backed by a JSON file, reloaded when the file changes. A changed file with problems is refused
 * (each problem logged with its path) and the registry keeps serving what it had.
 */
@Component(service = StoreRegistry.class, configurationPid = "org.storelink.stores")
@Designate(ocd = StoresConfig.class)
public final class FileStoreRegistry implements StoreRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(FileStoreRegistry.class);

    private final Path file;
    private final WatchService watcher;
    private final Thread watchThread;
    private volatile StoresFile.Content content =
            new StoresFile.Content(Map.of(), Map.of(), List.of());

    @Activate
    public FileStoreRegistry(StoresConfig config) throws IOException {
        this(config.file().isBlank()
                ? Path.of(System.getProperty("karaf.etc", "etc"), "storelink-stores.json")
                : Path.of(config.file()));
    }

    FileStoreRegistry(Path file) throws IOException {
        this.file = file.toAbsolutePath();
        reload();
        watcher = FileSystems.getDefault().newWatchService();
        this.file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        watchThread = new Thread(this::watch, "storelink-stores-watch");
        watchThread.setDaemon(true);
        watchThread.start();
    }

    @Deactivate
    void close() throws IOException {
        watcher.close();
    }

    /** Reads the file; returns whether its content is now in use. */
    synchronized boolean reload() {
        if (!Files.exists(file)) {
            LOG.error("Store registry file {} does not exist; serving {} stores", file, content.stores().size());
            return false;
        }
        StoresFile.Content read;
        try {
            read = StoresFile.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            LOG.error("Cannot read store registry file {}: {}", file, e.getMessage());
            return false;
        }
        if (!read.ok()) {
            LOG.error("Store registry file {} refused, still serving {} stores. Problems: {}", file,
                    content.stores().size(), String.join("; ", read.problems()));
            return false;
        }
        content = read;
        LOG.info("Store registry loaded from {}: {} stores in {} regions", file, read.stores().size(),
                read.regions().size());
        return true;
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean ours = key.pollEvents().stream()
                        .anyMatch(event -> file.getFileName().equals(event.context()));
                key.reset();
                if (ours) {
                    // Editors write in several steps; let the file settle before reading it.
                    Thread.sleep(200);
                    reload();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<Store> store(String id) {
        return Optional.ofNullable(content.stores().get(id)).map(StoresFile.Entry::store);
    }

    @Override
    public List<Store> stores() {
        return content.stores().values().stream().map(StoresFile.Entry::store).toList();
    }

    @Override
    public List<Region> regions() {
        return List.copyOf(content.regions().values());
    }

    @Override
    public Optional<byte[]> secret(String storeId) {
        return Optional.ofNullable(content.stores().get(storeId)).map(entry -> entry.secret().clone());
    }
}
