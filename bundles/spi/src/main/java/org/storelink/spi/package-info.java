/**
 * The integrator's SPI: implement {@link org.storelink.spi.PosFormat} in a bundle of its own and register it as a
 * service; the platform does the rest (transports, publishing, counting, rejection reports, console).
 */
package org.storelink.spi;
