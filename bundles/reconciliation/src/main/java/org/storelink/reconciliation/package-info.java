/**
 * Reconciliation of a store's business day: POS tenders against provider payments, payments against bank
 * settlements. Other modules and tests run it and read its stored results through {@link
 * org.storelink.reconciliation.Reconciliation}.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.storelink.reconciliation;
