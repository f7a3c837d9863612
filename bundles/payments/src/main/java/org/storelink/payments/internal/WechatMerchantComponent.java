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
 * One WeChat Pay merchant account per factory configuration ({@code org.storelink.payments.wechat-<name>.cfg});
 * an invalid file fails activation with a message naming each key.
 */
@Component(service = {}, configurationPid = WechatConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WechatConfig.class, factory = true)
public final class WechatMerchantComponent {
    private static final Logger LOG = LoggerFactory.getLogger(WechatMerchantComponent.class);

    private final Accounts accounts;
    private final WechatMerchant merchant;

    @Activate
    public WechatMerchantComponent(WechatConfig config, @Reference Accounts accounts) {
        this.accounts = accounts;
        try {
            merchant = WechatMerchant.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            throw e;
        }
        accounts.add(merchant);
        LOG.info("WeChat Pay notifications accepted for {}", merchant);
    }

    @Deactivate
    void deactivate() {
        accounts.remove(merchant);
    }
}
