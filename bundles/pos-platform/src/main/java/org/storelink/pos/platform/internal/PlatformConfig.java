package org.storelink.pos.platform.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Which Shopify shops and Square locations post here, and how their webhooks are verified. List entries may also be
 * given as one comma-separated string (the form a {@code .cfg} file gives). Secrets are never logged or echoed.
 */
@ObjectClassDefinition(name = "storelink POS platforms",
        description = "Shopify and Square webhooks: which shop or location is which store, and how they are verified.")
public @interface PlatformConfig {

    String PID = "org.storelink.pos.platform";

    @AttributeDefinition(name = "Shopify shops", description = "shop-domain=storeId, one per shop, e.g."
            + " corner-shop.myshopify.com=sh-campus-001 (the domain as Shopify sends it in X-Shopify-Shop-Domain).")
    String[] shopify_shops() default {};

    @AttributeDefinition(name = "Shopify secrets", type = AttributeType.PASSWORD, description = "shop-domain=secret,"
            + " the client secret of the app whose webhook posts for that shop; one for every shop in shopify.shops.")
    String[] shopify_secrets() default {};

    @AttributeDefinition(name = "Shopify GTINs by SKU", description = "shop-domain/sku=gtin for line items that"
            + " carry no barcode (Shopify's order webhooks do not include one) and whose SKU is not itself a GTIN.")
    String[] shopify_gtins() default {};

    @AttributeDefinition(name = "Record Shopify test orders", description = "Whether orders marked test: true"
            + " (placed with a test gateway) are recorded as sales; otherwise they are acknowledged and ignored.")
    boolean shopify_acceptTestOrders() default false;

    @AttributeDefinition(name = "Square notification URL", description = "The public URL exactly as configured in"
            + " the Square webhook subscription; it is part of what Square signs.")
    String square_notificationUrl() default "";

    @AttributeDefinition(name = "Square signature key", type = AttributeType.PASSWORD,
            description = "The signature key of the Square webhook subscription.")
    String square_signatureKey() default "";

    @AttributeDefinition(name = "Square locations", description = "locationId=storeId, one per Square location.")
    String[] square_locations() default {};

    @AttributeDefinition(name = "Square GTINs by catalog object", description = "catalogObjectId=gtin for order"
            + " line items (Square line items carry no barcode).")
    String[] square_gtins() default {};
}
