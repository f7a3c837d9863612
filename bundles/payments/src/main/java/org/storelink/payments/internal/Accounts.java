package org.storelink.payments.internal;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider accounts configured right now; configurations come and go while notifications are processed. A
 * service inside the bundle, without properties, so that no configured key ever appears among service properties.
 */
@Component(service = Accounts.class)
public final class Accounts {
    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

    private final ConcurrentHashMap<String, AlipayApp> alipay = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<WechatMerchant> wechat = new CopyOnWriteArrayList<>();

    public Accounts() {
        // the registry starts empty; the factory configurations fill it
    }

    void add(AlipayApp app) {
        if (alipay.putIfAbsent(app.appId(), app) != null) {
            LOG.error("Alipay app {} is configured twice; the second configuration is ignored", app.appId());
        }
    }

    void remove(AlipayApp app) {
        alipay.remove(app.appId(), app);
    }

    void add(WechatMerchant merchant) {
        wechat.add(merchant);
    }

    void remove(WechatMerchant merchant) {
        wechat.remove(merchant);
    }

    Optional<AlipayApp> alipayApp(String appId) {
        return appId == null ? Optional.empty() : Optional.ofNullable(alipay.get(appId));
    }

    /** The merchant accounts holding a platform certificate with this serial number. */
    List<WechatMerchant> wechatBySerial(BigInteger serial) {
        return wechat.stream().filter(m -> m.platformKey(serial).isPresent()).toList();
    }
}
