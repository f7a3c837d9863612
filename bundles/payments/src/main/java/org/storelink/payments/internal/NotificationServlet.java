package org.storelink.payments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * One provider's notify URL. Karaf's HTTP service is javax.servlet while Camel 4's servlet component is
 * jakarta.servlet, so this servlet does the HTTP part only: it hands the raw body (and the headers the provider
 * signs with) to the route and writes the route's answer back.
 */
final class NotificationServlet extends HttpServlet {
    static final String ALIPAY_PATTERN = "/storelink/api/v1/payments/alipay/notify";
    static final String WECHAT_PATTERN = "/storelink/api/v1/payments/wechat/notify";
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long serialVersionUID = 1L;

    private final transient ProducerTemplate producer;
    private final String route;
    private final Answer.Provider provider;
    private final List<String> headers;

    private NotificationServlet(ProducerTemplate producer, String route, Answer.Provider provider,
                                List<String> headers) {
        this.producer = producer;
        this.route = route;
        this.provider = provider;
        this.headers = List.copyOf(headers);
    }

    static NotificationServlet alipay(ProducerTemplate producer) {
        return new NotificationServlet(producer, PaymentRoutes.ALIPAY, Answer.Provider.ALIPAY, List.of());
    }

    static NotificationServlet wechat(ProducerTemplate producer) {
        return new NotificationServlet(producer, PaymentRoutes.WECHAT, Answer.Provider.WECHAT,
                List.of(WechatSignature.SERIAL, WechatSignature.SIGNATURE, WechatSignature.TIMESTAMP,
                        WechatSignature.NONCE));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            write(response, Answer.failure(provider, 413, "body: more than " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        Exchange result = producer.send(route, exchange -> {
            exchange.getMessage().setBody(body);
            for (String header : headers) {
                exchange.getMessage().setHeader(header, request.getHeader(header));
            }
        });
        Answer answer = result.getProperty(PaymentRoutes.ANSWER, Answer.class);
        if (result.getException() != null || answer == null) {
            answer = Answer.failure(provider, 500, "not recorded; send it again");
        }
        write(response, answer);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        write(response, Answer.failure(provider, 405, "notifications are posted with POST"));
    }

    private static void write(HttpServletResponse response, Answer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.body().length > 0) {
            response.getOutputStream().write(answer.body());
        }
    }
}
