/**
 * Insights for a store owner, computed from rollups that the insights bundle maintains as sales and payments
 * arrive. Breakdowns by a customer attribute never show a group of fewer than {@code k} distinct customers.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.storelink.insights;
