package org.storelink.wholesale.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.storelink.messaging.Addresses;
import org.storelink.partners.PartnerKind;
import org.storelink.partners.PartnerRegistry;

/**
 * Sends purchase orders over the supplier's channel:
 *
 * <ul>
 *   <li>{@code partner}: a text message on {@code partner.<id>.out} with properties {@code type=order},
 *       {@code format=ubl|edifact} and the purchase order id as the broker's duplicate id, so a resend after a
 *       lost acknowledgement is dropped by Artemis;</li>
 *   <li>{@code sftp}: a file {@code <poId>.xml} or {@code <poId>.edi} through Camel's sftp producer;</li>
 *   <li>{@code http}: a POST with java.net.http (Camel's http component is not in the runtime), the supplier's
 *       configured headers, and {@code Idempotency-Key: <poId>}; any status but 2xx is a failure.</li>
 * </ul>
 */
final class ChannelSender implements PurchaseOrderSender, AutoCloseable {
    static final String SEND_COMPONENT = "jms-send";
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final CamelContext camel;
    private final PartnerRegistry partners;
    private final HttpClient http;
    private ProducerTemplate producer;

    ChannelSender(CamelContext camel, PartnerRegistry partners) {
        this.camel = camel;
        this.partners = partners;
        this.http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = camel.createProducerTemplate();
        }
        return producer;
    }

    @Override
    public void send(PurchaseOrder order, Supplier supplier, byte[] document) throws Exception {
        switch (supplier.channel().type()) {
            case PARTNER -> toPartner(order, supplier, document);
            case SFTP -> producer().sendBodyAndHeader(supplier.channel().target(), document, Exchange.FILE_NAME,
                    order.poId() + order.format().extension());
            case HTTP -> post(order, supplier, document);
            default -> throw new IllegalStateException("unknown channel " + supplier.channel().type());
        }
    }

    private void toPartner(PurchaseOrder order, Supplier supplier, byte[] document) {
        var partner = partners.find(supplier.id()).orElseThrow(() -> new IllegalStateException("partner "
                + supplier.id() + " is not registered: add it with storelink:partner-add " + supplier.id()
                + " --kind wholesaler"));
        if (partner.kind() != PartnerKind.WHOLESALER) {
            throw new IllegalStateException("partner " + supplier.id() + " is a " + partner.kind().code()
                    + ", not a wholesaler");
        }
        String text = new String(document, order.format() == DocumentFormat.EDIFACT ? StandardCharsets.ISO_8859_1
                : StandardCharsets.UTF_8);
        producer().sendBodyAndHeaders(SEND_COMPONENT + ":queue:" + partner.outAddress(), text, Map.of(
                Addresses.DUPLICATE_ID_PROPERTY, order.poId(),
                PartnerMessages.TYPE_PROPERTY, "order",
                "format", order.format().code(),
                "purchaseOrderId", order.poId()));
    }

    private void post(PurchaseOrder order, Supplier supplier, byte[] document) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(supplier.channel().target()))
                .timeout(HTTP_TIMEOUT)
                .header("Content-Type", order.format().mediaType())
                .header("Idempotency-Key", order.poId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(document));
        supplier.channel().headers().forEach(request::header);
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + " from " + supplier.channel().describe());
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (producer != null) {
            producer.close();
        }
    }
}
