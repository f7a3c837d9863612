package org.storelink.payments.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the payments module as a whole ({@code etc/org.storelink.payments.cfg}, optional). */
@ObjectClassDefinition(name = "storelink payments", description = "Payment notifications: the key of the payer"
        + " pseudonyms.")
public @interface PaymentsConfig {

    String PID = "org.storelink.payments";

    @AttributeDefinition(name = "Pseudonym key", type = AttributeType.PASSWORD, required = false,
            description = "Key of the payer references (HMAC-SHA256), at least 32 characters. Give the same key to"
                    + " every node of a deployment. When empty, a random key is created once in"
                    + " ${karaf.data}/storelink/pseudonym.key (mode 600) and reused.")
    String pseudonym_key() default "";
}
