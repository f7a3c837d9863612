package org.storelink.statements.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "storelink bank statement folder",
        description = "A folder camt.053/054 files are dropped into; one configuration per folder.")
public @interface StatementFolderConfig {

    String PID = "org.storelink.statements.folder";

    @AttributeDefinition(description = "Folder to watch (created if missing).")
    String path();

    @AttributeDefinition(min = "100", description = "How often the folder is polled, in milliseconds.")
    long delay() default 2000;
}
