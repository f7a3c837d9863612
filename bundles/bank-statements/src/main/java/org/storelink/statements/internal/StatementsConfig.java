package org.storelink.statements.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "storelink bank statements",
        description = "Which store each bank account belongs to, for camt.053/054 statement imports.")
public @interface StatementsConfig {

    String PID = "org.storelink.statements";

    @AttributeDefinition(description = "Accounts as IBAN=storeId (or other account id=storeId), comma-separated,"
            + " e.g. NL77ABNA0574908765=sh-campus-001, CH1904835028789771000=sh-office-002.")
    String[] accounts() default {};

    @AttributeDefinition(description = "Booked entries of an account assigned to no store: refuse the import,"
            + " or accept them as settlements without a store.",
            options = {@Option(label = "refuse", value = "refuse"), @Option(label = "accept", value = "accept")})
    String unassigned() default "refuse";
}
