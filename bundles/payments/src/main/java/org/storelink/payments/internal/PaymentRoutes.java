package org.storelink.payments.internal;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.storelink.messaging.Addresses;
import org.storelink.model.Money;
import org.storelink.model.Payment;
import org.storelink.model.json.Json;

/**
 * The notification routes: verify ({@link AlipayNotifications}, {@link WechatNotifications}), publish the
 * {@code PaymentRecorded} event persistently with its event id as the broker's duplicate id, record the
 * notification as processed, and only then answer success. Any failure on the way answers failure, so the
 * provider sends the notification again; sending it again publishes the same duplicate id, which the broker drops.
 */
final class PaymentRoutes extends RouteBuilder {
    static final String ALIPAY = "direct:payments.alipay";
    static final String WECHAT = "direct:payments.wechat";
    static final String ALIPAY_ROUTE = "payments.alipay";
    static final String WECHAT_ROUTE = "payments.wechat";
    static final String PROVIDER = "storelinkPaymentProvider";
    static final String VERDICT = "storelinkPaymentVerdict";
    static final String ANSWER = "storelinkPaymentAnswer";

    private final AlipayNotifications alipay;
    private final WechatNotifications wechat;
    private final PaymentStore store;
    private final String publishUri;

    /** @param publishUri where events go, {@link #publishUri()} in the platform */
    PaymentRoutes(AlipayNotifications alipay, WechatNotifications wechat, PaymentStore store, String publishUri) {
        this.alipay = alipay;
        this.wechat = wechat;
        this.store = store;
        this.publishUri = publishUri;
    }

    static String publishUri() {
        return "jms:topic:" + Addresses.PAYMENTS_RECORDED + "?deliveryPersistent=true";
    }

    @Override
    public void configure() {
        onException(NotificationRefused.class)
                .handled(true)
                .process(exchange -> {
                    NotificationRefused refused = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                            NotificationRefused.class);
                    Answer.Provider provider = exchange.getProperty(PROVIDER, Answer.Provider.class);
                    log.warn("{} notification refused ({}): {}", provider.title(), refused.status(),
                            refused.getMessage());
                    answer(exchange, Answer.failure(provider, refused.status(), refused.getMessage()));
                });

        onException(Exception.class)
                .handled(true)
                .process(exchange -> {
                    Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    Answer.Provider provider = exchange.getProperty(PROVIDER, Answer.Provider.class);
                    Verdict verdict = exchange.getProperty(VERDICT, Verdict.class);
                    String what = verdict instanceof Verdict.Publish p ? p.event().eventId() : "notification";
                    log.error("{} {} not recorded, the provider will send it again: {}", provider.title(), what,
                            cause == null ? "?" : cause.toString());
                    answer(exchange, Answer.failure(provider, 503,
                            "not recorded durably; nothing was kept, send it again"));
                });

        from(ALIPAY).routeId(ALIPAY_ROUTE)
                .setProperty(PROVIDER, constant(Answer.Provider.ALIPAY))
                .process(exchange -> prepare(exchange, alipay.handle(body(exchange))))
                .to("direct:payments.publish");

        from(WECHAT).routeId(WECHAT_ROUTE)
                .setProperty(PROVIDER, constant(Answer.Provider.WECHAT))
                .process(exchange -> {
                    Message in = exchange.getMessage();
                    prepare(exchange, wechat.handle(new WechatNotifications.Request(
                            in.getHeader(WechatSignature.SERIAL, String.class),
                            in.getHeader(WechatSignature.SIGNATURE, String.class),
                            in.getHeader(WechatSignature.TIMESTAMP, String.class),
                            in.getHeader(WechatSignature.NONCE, String.class),
                            body(exchange))));
                })
                .to("direct:payments.publish");

        from("direct:payments.publish").routeId("payments.publish")
                .choice()
                    .when(exchange -> exchange.getProperty(VERDICT) instanceof Verdict.Publish)
                        .to(publishUri)
                        .process(this::record)
                .end()
                .process(this::acknowledge);
    }

    private static byte[] body(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        return body == null ? new byte[0] : body;
    }

    /** Keeps the verdict and, for an event, leaves exactly the message to publish: its JSON and duplicate id. */
    private static void prepare(Exchange exchange, Verdict verdict) {
        exchange.setProperty(VERDICT, verdict);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(null);
        if (verdict instanceof Verdict.Publish publish) {
            message.setHeader(Addresses.DUPLICATE_ID_PROPERTY, publish.event().eventId());
            message.setBody(new String(Json.write(publish.event()), StandardCharsets.UTF_8));
        }
    }

    private void record(Exchange exchange) {
        Verdict.Publish published = exchange.getProperty(VERDICT, Verdict.Publish.class);
        boolean first = store.record(published);
        Payment payment = published.event().payment();
        log.info("{} published {}: {} store {} {} {} refunded {}{}", exchange.getProperty(PROVIDER,
                        Answer.Provider.class).title(), published.event().eventId(), payment.paymentId(),
                payment.storeId(), payment.status().label(), new Money(payment.amount(), payment.currency()).format(),
                new Money(payment.refunded(), payment.currency()).format(), first ? "" : " (recorded before)");
    }

    private void acknowledge(Exchange exchange) {
        Answer.Provider provider = exchange.getProperty(PROVIDER, Answer.Provider.class);
        Verdict verdict = exchange.getProperty(VERDICT, Verdict.class);
        if (verdict instanceof Verdict.Replayed replayed) {
            log.info("{} {} was processed before; acknowledged again, nothing published", provider.title(),
                    replayed.eventId());
        } else if (verdict instanceof Verdict.Acknowledge acknowledged) {
            log.info("{} notification acknowledged, nothing published: {}", provider.title(), acknowledged.reason());
        }
        answer(exchange, Answer.success(provider));
    }

    private static void answer(Exchange exchange, Answer answer) {
        exchange.setProperty(ANSWER, answer);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        if (answer.contentType() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, answer.contentType());
        }
        message.setBody(answer.body());
    }
}
