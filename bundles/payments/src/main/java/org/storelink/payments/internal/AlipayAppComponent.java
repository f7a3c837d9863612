package org.storelink.payments.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Alipay app per factory configuration. Dropping {@code org.storelink.payments.alipay-<name>.cfg} into
 * {@code etc/} adds the app, deleting it removes it; an invalid file fails activation with a message naming each
 * key, and the app is not accepted.
 */
@Component(service = {}, configurationPid = AlipayConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AlipayConfig.class, factory = true)
public final class AlipayAppComponent {
    private static final Logger LOG = LoggerFactory.getLogger(AlipayAppComponent.class);

    private final Accounts accounts;
    private final AlipayApp app;

    @Activate
    public AlipayAppComponent(AlipayConfig config, @Reference Accounts accounts) {
        this.accounts = accounts;
        try {
            app = AlipayApp.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            throw e;
        }
        accounts.add(app);
        LOG.info("Alipay notifications accepted for {}", app);
    }

    @Deactivate
    void deactivate() {
        accounts.remove(app);
    }
}
