package org.storelink.ingest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "storelink drop folder",
        description = "A folder a store's POS exports are dropped into; one configuration per store and format.")
public @interface DropFolderConfig {

    String PID = "org.storelink.ingest.folder";

    @AttributeDefinition(description = "Store id the files belong to.")
    String store();

    @AttributeDefinition(description = "POS format name, e.g. poslog or csv.")
    String format();

    @AttributeDefinition(description = "Folder to watch; empty means data/storelink/inbox/<store>/<format>.")
    String path() default "";

    @AttributeDefinition(description = "Format options as key=value, e.g. csv.charset=GBK.")
    String[] options() default {};

    @AttributeDefinition(min = "100", description = "How often the folder is polled, in milliseconds.")
    long pollMillis() default 2000;
}
