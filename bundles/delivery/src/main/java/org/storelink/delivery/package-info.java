/**
 * Delivery riders for stores' customer orders. A store's order becomes a delivery, dispatched as a
 * {@code delivery-request} message to a fleet partner's {@code partner.<fleet>.out}; the fleet reports
 * {@code delivery-status} messages on {@code partner.<fleet>.in}. {@link org.storelink.delivery.Deliveries} takes
 * requests and shows a store's deliveries per day with their late counts.
 */
package org.storelink.delivery;
