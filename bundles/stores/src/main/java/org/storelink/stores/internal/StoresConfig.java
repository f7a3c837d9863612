package org.storelink.stores.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "storelink stores", description = "Where the store registry is read from.")
public @interface StoresConfig {

    @AttributeDefinition(description = "Path of the stores file; empty means etc/storelink-stores.json.")
    String file() default "";

    @AttributeDefinition(description = "Folder of fragment files (*.json, the same form as the stores file) merged"
            + " with it; empty means storelink-stores.d beside the stores file.")
    String fragments() default "";
}
