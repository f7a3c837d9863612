package org.storelink.partners.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.partners.Partner;
import org.storelink.partners.PartnerListener;
import org.storelink.partners.PartnerRegistry;

/**
 * The registry, kept in a JSON file ({@link PartnersFile}). It is the source of truth the broker side is rebuilt
 * from at every start, so an unreadable file fails activation rather than serving no partners. Only
 * {@link PartnerAdmin} changes it.
 */
@Component(service = {PartnerRegistry.class, FilePartnerRegistry.class}, configurationPid = PartnersConfig.PID)
@Designate(ocd = PartnersConfig.class)
public final class FilePartnerRegistry implements PartnerRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(FilePartnerRegistry.class);

    private final Path file;
    private final TreeMap<String, Partner> partners = new TreeMap<>();
    private final List<PartnerListener> listeners = new CopyOnWriteArrayList<>();
    /** Held while a change is made and announced, and while a new listener catches up, so each listener hears of
     *  each partner exactly once. Reads do not take it. */
    private final ReentrantLock announcing = new ReentrantLock();

    @Activate
    public FilePartnerRegistry(PartnersConfig config) {
        this(config.file().isBlank()
                ? Path.of(System.getProperty("karaf.etc", "etc"), "storelink-partners.json")
                : Path.of(config.file()));
    }

    FilePartnerRegistry(Path file) {
        this.file = file.toAbsolutePath();
        for (Partner partner : PartnersFile.read(this.file)) {
            partners.put(partner.id(), partner);
        }
        LOG.info("Partner registry {}: {} partners", this.file, partners.size());
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized List<Partner> partners() {
        return List.copyOf(partners.values());
    }

    @Override
    public synchronized Optional<Partner> find(String id) {
        return Optional.ofNullable(partners.get(id));
    }

    /** Records a new partner durably, then tells the listeners. */
    void add(Partner partner) {
        announcing.lock();
        try {
            synchronized (this) {
                if (partners.containsKey(partner.id())) {
                    throw new IllegalArgumentException("id: partner '" + partner.id() + "' already exists");
                }
                List<Partner> updated = new ArrayList<>(partners.values());
                updated.add(partner);
                updated.sort(Comparator.comparing(Partner::id));
                PartnersFile.write(file, updated);
                partners.put(partner.id(), partner);
            }
            tell(listener -> listener.partnerAdded(partner));
        } finally {
            announcing.unlock();
        }
    }

    /** Forgets a partner durably, then tells the listeners; returns it, or empty if there was none. */
    Optional<Partner> remove(String id) {
        announcing.lock();
        try {
            Partner removed;
            synchronized (this) {
                removed = partners.get(id);
                if (removed == null) {
                    return Optional.empty();
                }
                List<Partner> updated = new ArrayList<>(partners.values());
                updated.remove(removed);
                PartnersFile.write(file, updated);
                partners.remove(id);
            }
            tell(listener -> listener.partnerRemoved(removed));
            return Optional.of(removed);
        } finally {
            announcing.unlock();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(PartnerListener listener) {
        announcing.lock();
        try {
            listeners.add(listener);
            for (Partner partner : partners()) {
                tellOne(listener, partner, listener::partnerAdded);
            }
        } finally {
            announcing.unlock();
        }
    }

    void removeListener(PartnerListener listener) {
        listeners.remove(listener);
    }

    private void tell(Consumer<PartnerListener> event) {
        for (PartnerListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                // one failing listener must not keep the others from hearing, nor undo the change
                LOG.error("Partner listener {} failed", listener.getClass().getName(), e);
            }
        }
    }

    private static void tellOne(PartnerListener listener, Partner partner, Consumer<Partner> event) {
        try {
            event.accept(partner);
        } catch (RuntimeException e) {
            LOG.error("Partner listener {} failed on partner {}", listener.getClass().getName(), partner.id(), e);
        }
    }
}
