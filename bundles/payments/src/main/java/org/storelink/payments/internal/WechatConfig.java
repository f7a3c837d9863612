package org.storelink.payments.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One WeChat Pay merchant (or service provider) account whose v3 notifications this platform accepts:
 * {@code etc/org.storelink.payments.wechat-<name>.cfg}.
 */
@ObjectClassDefinition(name = "storelink WeChat Pay merchant", description = "A WeChat Pay v3 merchant account:"
        + " its API v3 key, the platform certificates that sign its notifications, and which (sub-)merchant is"
        + " which store.")
public @interface WechatConfig {

    String PID = "org.storelink.payments.wechat";

    @AttributeDefinition(name = "Merchant id", description = "The mchid (or the service provider's sp_mchid).")
    String mch_id() default "";

    @AttributeDefinition(name = "API v3 key", type = AttributeType.PASSWORD, description = "The merchant's API v3"
            + " key that encrypts notification resources: 32 characters (16 or 24 are accepted for tests).")
    String api_v3_key() default "";

    @AttributeDefinition(name = "Platform certificates", description = "Paths of PEM files holding the WeChat Pay"
            + " platform certificates; Wechatpay-Serial picks one by serial number.")
    String[] platform_certificates() default {};

    @AttributeDefinition(name = "Merchants", description = "mchid=storeId, one per merchant or sub-merchant"
            + " (sub_mchid) whose payments this account receives.")
    String[] merchants() default {};

    @AttributeDefinition(name = "Maximum clock skew (s)", min = "30", max = "3600", description = "Notifications"
            + " whose Wechatpay-Timestamp is further than this from now, either way, are refused; nonces are"
            + " remembered this long.")
    int max_skew_seconds() default 300;
}
