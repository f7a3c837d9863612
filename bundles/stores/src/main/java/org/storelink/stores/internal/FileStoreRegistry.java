package org.storelink.stores.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
 * The registry backed by a JSON file and the fragment files of a folder beside it ({@code storelink-stores.d/*.json},
 * same form), all reloaded when they change. A changed file with problems is refused (each problem logged with its
 * path) and the registry keeps serving what it had from that file. A fragment that defines a store or region
 * already defined elsewhere is refused whole: the main file comes first, then the fragments already in use, then
 * new or changed ones, each group by file name, so a newcomer never displaces a fragment that was working.
 */
@Component(service = StoreRegistry.class, configurationPid = "org.storelink.stores")
@Designate(ocd = StoresConfig.class)
public final class FileStoreRegistry implements StoreRegistry {
    static final String FRAGMENTS = "storelink-stores.d";
    private static final Logger LOG = LoggerFactory.getLogger(FileStoreRegistry.class);
    private static final StoresFile.Content EMPTY = new StoresFile.Content(Map.of(), Map.of(), List.of());

    private record Fragment(byte[] bytes, StoresFile.Content content) {
    }

    private final Path file;
    private final Path fragments;
    private final WatchService watcher;
    private final Thread watchThread;
    private volatile StoresFile.Content content = EMPTY;
    // guarded by this
    private StoresFile.Content main = EMPTY;
    private Map<String, Fragment> inUse = new TreeMap<>();
    private final Map<String, String> refused = new TreeMap<>();
    private WatchKey fragmentsKey;

    @Activate
    public FileStoreRegistry(StoresConfig config) throws IOException {
        this(config.file().isBlank()
                        ? Path.of(System.getProperty("karaf.etc", "etc"), "storelink-stores.json")
                        : Path.of(config.file()),
                config.fragments().isBlank() ? null : Path.of(config.fragments()));
    }

    FileStoreRegistry(Path file) throws IOException {
        this(file, null);
    }

    /** @param fragments the fragments folder, or null for {@value #FRAGMENTS} beside the file */
    FileStoreRegistry(Path file, Path fragments) throws IOException {
        this.file = file.toAbsolutePath();
        this.fragments = fragments == null ? this.file.resolveSibling(FRAGMENTS) : fragments.toAbsolutePath();
        // Watch before the first read, so that nothing written in between goes unnoticed.
        watcher = FileSystems.getDefault().newWatchService();
        this.file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        Path fragmentsParent = this.fragments.getParent();
        if (!fragmentsParent.equals(this.file.getParent()) && Files.isDirectory(fragmentsParent)) {
            fragmentsParent.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        watchFragments();
        reload();
        watchThread = new Thread(this::watch, "storelink-stores-watch");
        watchThread.setDaemon(true);
        watchThread.start();
    }

    @Deactivate
    void close() throws IOException {
        watcher.close();
    }

    /** Reads the file and the fragments; returns whether all of them, as they are now, are in use. */
    synchronized boolean reload() {
        boolean complete = readMain();
        refused.clear();
        StoresFile.Merge merge = new StoresFile.Merge();
        merge.add(file.getFileName().toString(), main);

        Map<String, byte[]> found = readFragments();
        List<String> unchanged = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (String name : found.keySet()) {
            Fragment previous = inUse.get(name);
            (previous != null && Arrays.equals(previous.bytes(), found.get(name)) ? unchanged : changed).add(name);
        }
        inUse.keySet().stream().filter(name -> !found.containsKey(name))
                .forEach(name -> LOG.info("Stores fragment {} removed", fragments.resolve(name)));

        Map<String, Fragment> next = new TreeMap<>();
        for (String name : unchanged) {
            add(merge, name, inUse.get(name), false, next);
        }
        for (String name : changed) {
            byte[] bytes = found.get(name);
            Fragment previous = inUse.get(name);
            StoresFile.Content read = bytes == null ? null : StoresFile.parse(bytes);
            if (read != null && read.ok()) {
                if (add(merge, name, new Fragment(bytes, read), previous != null, next) || previous == null) {
                    continue;
                }
            } else {
                String problems = read == null ? "cannot be read" : String.join("; ", read.problems());
                refuse(name, previous == null ? "" : ", still serving its previous content", problems);
                if (previous == null) {
                    continue;
                }
            }
            add(merge, name, previous, false, next);
        }
        inUse = next;
        content = merge.content();
        LOG.info("Store registry loaded from {} and {} fragment(s) in {}: {} stores in {} regions", file,
                next.size(), fragments, content.stores().size(), content.regions().size());
        return complete && refused.isEmpty();
    }

    /**
     * Adds the fragment if none of its ids is defined by a file added before.
     *
     * @param fallsBack whether the caller will try the fragment's previous content if this one is refused
     */
    private boolean add(StoresFile.Merge merge, String name, Fragment fragment, boolean fallsBack,
                        Map<String, Fragment> next) {
        List<String> conflicts = merge.add(fragments.getFileName() + "/" + name, fragment.content());
        if (conflicts.isEmpty()) {
            next.put(name, fragment);
            return true;
        }
        refuse(name, fallsBack ? ", trying its previous content" : "", String.join("; ", conflicts));
        return false;
    }

    private void refuse(String name, String outcome, String problems) {
        refused.merge(name, "refused" + outcome + ". Problems: " + problems,
                (first, second) -> first + " | " + second);
        LOG.error("Stores fragment {} refused{}. Problems: {}", fragments.resolve(name), outcome, problems);
    }

    private boolean readMain() {
        if (!Files.exists(file)) {
            LOG.error("Store registry file {} does not exist; serving {} stores from it", file,
                    main.stores().size());
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
            LOG.error("Store registry file {} refused, still serving {} stores from it. Problems: {}", file,
                    main.stores().size(), String.join("; ", read.problems()));
            return false;
        }
        main = read;
        return true;
    }

    /** The fragment files by name; a file that cannot be read maps to null. */
    private Map<String, byte[]> readFragments() {
        Map<String, byte[]> found = new TreeMap<>();
        if (!Files.isDirectory(fragments)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(fragments, "*.json")) {
            for (Path fragment : files) {
                String name = fragment.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(fragment)) {
                    continue; // hidden files are work in progress, such as a file being written before a move
                }
                try {
                    found.put(name, Files.readAllBytes(fragment));
                } catch (IOException e) {
                    LOG.error("Cannot read stores fragment {}: {}", fragment, e.getMessage());
                    found.put(name, null);
                }
            }
        } catch (IOException e) {
            LOG.error("Cannot list stores fragments in {}: {}; keeping the fragments in use", fragments,
                    e.getMessage());
            inUse.forEach((name, fragment) -> found.put(name, fragment.bytes()));
        }
        return found;
    }

    /** The problems of the fragments refused by the last reload, by file name. */
    synchronized Map<String, String> refused() {
        return Map.copyOf(refused);
    }

    private synchronized void watchFragments() {
        if (Files.isDirectory(fragments) && (fragmentsKey == null || !fragmentsKey.isValid())) {
            try {
                fragmentsKey = fragments.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            } catch (IOException e) {
                LOG.error("Cannot watch stores fragments in {}: {}; they are read only when the stores file"
                        + " changes", fragments, e.getMessage());
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path folder = (Path) key.watchable();
                boolean ours = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        ours = true;
                        continue;
                    }
                    Path name = (Path) event.context();
                    if (folder.equals(fragments.getParent()) && fragments.getFileName().equals(name)) {
                        watchFragments(); // the folder was created (or deleted) after the start
                        ours = true;
                    }
                    ours |= folder.equals(file.getParent()) && file.getFileName().equals(name);
                    ours |= folder.equals(fragments) && name.toString().endsWith(".json");
                }
                if (!key.reset() && folder.equals(fragments)) {
                    ours = true; // the fragments folder is gone
                }
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
