/**
 * Importing ISO 20022 bank statements (camt.053) and debit/credit notifications (camt.054): each booked entry
 * becomes a {@link org.storelink.model.Settlement}, published as a {@code SettlementRecorded} event.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.storelink.statements;
