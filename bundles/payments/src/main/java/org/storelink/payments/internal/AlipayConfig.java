package org.storelink.payments.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One Alipay app whose notifications this platform accepts: {@code etc/org.storelink.payments.alipay-<name>.cfg}.
 * List values may be one comma-separated string, as a {@code .cfg} file gives them.
 */
@ObjectClassDefinition(name = "storelink Alipay app", description = "An Alipay app whose trade_status_sync"
        + " notifications are verified with its Alipay public key, and which seller is which store.")
public @interface AlipayConfig {

    String PID = "org.storelink.payments.alipay";

    @AttributeDefinition(name = "App id", description = "The Alipay app_id, 16 digits.")
    String app_id() default "";

    @AttributeDefinition(name = "Alipay public key", required = false, description = "The Alipay public key of"
            + " the app (not the app's own key): base64 of the DER, or PEM text. Either this or the file.")
    String alipay_public_key() default "";

    @AttributeDefinition(name = "Alipay public key file", required = false,
            description = "Path to a PEM file holding the Alipay public key, instead of alipay.public.key.")
    String alipay_public_key_file() default "";

    @AttributeDefinition(name = "Sellers", description = "sellerId=storeId, one per seller (Alipay seller_id,"
            + " the 2088... partner id), e.g. 2088531891668739=sh-campus-001.")
    String[] sellers() default {};

    @AttributeDefinition(name = "Time zone", description = "The zone of the times in the notifications"
            + " (gmt_payment, gmt_create).")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Age band parameter", required = false, description = "The name of a"
            + " notification parameter holding the payer's age band as a label such as 18-24, where the app has"
            + " one; empty when the provider shares none.")
    String age_band_parameter() default "";
}
