/**
 * The payments module's read side: payments as their providers last reported them, verified and pseudonymised.
 * Exported with the bundle's version (see the module's pom), as the ledger's API is.
 */
package org.storelink.payments;
