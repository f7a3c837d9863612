package org.storelink.partners.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "storelink partners", description = "Where the partner registry is kept.")
public @interface PartnersConfig {

    String PID = "org.storelink.partners";

    @AttributeDefinition(description = "The registry's JSON file; empty means etc/storelink-partners.json in Karaf's"
            + " etc folder. Written by the storelink:partner-* commands only.")
    String file() default "";
}
