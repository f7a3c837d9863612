package org.storelink.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The servlets in front of the routes, with plain proxies for the javax.servlet request and response. */
class NotificationServletTest {
    private static final Instant NOW = Instant.parse("2026-11-26T01:16:00Z");
    private Harness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new Harness(Clock.fixed(NOW, ZoneOffset.UTC));
        AlipayNotifyTest.keys();
        harness.accounts.add(AlipayApp.parse(AlipayNotifyTest.APP_ID, AlipayNotifyTest.publicKey(), "",
                new String[] {AlipayNotifyTest.SELLER + "=" + Harness.SHANGHAI_STORE}, "Asia/Shanghai", ""));
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    /** What the servlet wrote. */
    static final class Response {
        int status;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, method, args) -> switch (method.getName()) {
                        case "setStatus" -> { status = (Integer) args[0]; yield null; }
                        case "setContentType" -> { contentType = (String) args[0]; yield null; }
                        case "setHeader" -> { headers.put((String) args[0], (String) args[1]); yield null; }
                        case "getOutputStream" -> out;
                        default -> null;
                    });
        }

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    static HttpServletRequest request(byte[] body, Map<String, String> headers) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        ServletInputStream in = new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }

            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return bytes.read(b, off, len);
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(NotificationServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, method, args) -> switch (method.getName()) {
                    case "getInputStream" -> in;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getMethod" -> "POST";
                    default -> null;
                });
    }

    @Test
    void anAlipayNotificationPostedToTheServletIsAnsweredSuccessAndCanBeQueriedByDay() throws Exception {
        byte[] body = AlipayNotifyTest.form(AlipayNotifyTest.signed(AlipayNotifyTest.utf8("n-servlet",
                "2026112622099", "7.00", "TRADE_SUCCESS"), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        Response response = new Response();

        NotificationServlet.alipay(harness.producer).doPost(request(body, Map.of()), response.proxy());

        assertThat(response.status).isEqualTo(200);
        assertThat(response.contentType).startsWith("text/plain");
        assertThat(response.text()).isEqualTo("success");
        // 09:15:30 in Shanghai on the 26th; the 25th and 27th have nothing.
        LocalDate day = LocalDate.of(2026, 11, 26);
        assertThat(harness.store.payments(Harness.SHANGHAI_STORE,
                day.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant(),
                day.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()))
                .extracting(p -> p.paymentId()).containsExactly("alipay:2026112622099");
        assertThat(harness.store.payments(Harness.SHANGHAI_STORE, Instant.parse("2026-11-26T16:00:00Z"),
                Instant.parse("2026-11-27T16:00:00Z"))).isEmpty();
    }

    @Test
    void aTooLargeBodyIs413AndAGetIs405() throws Exception {
        Response tooLarge = new Response();
        NotificationServlet.alipay(harness.producer).doPost(
                request(new byte[NotificationServlet.MAX_BODY_BYTES + 1], Map.of()), tooLarge.proxy());
        Response get = new Response();
        NotificationServlet.wechat(harness.producer).doGet(request(new byte[0], Map.of()), get.proxy());

        assertThat(tooLarge.status).isEqualTo(413);
        assertThat(tooLarge.text()).isEqualTo("failure");
        assertThat(get.status).isEqualTo(405);
        assertThat(get.headers).containsEntry("Allow", "POST");
        assertThat(get.text()).contains("\"code\":\"FAIL\"");
    }

    @Test
    void theWechatServletPassesTheSignatureHeadersToTheRoute() throws Exception {
        Response response = new Response();

        NotificationServlet.wechat(harness.producer).doPost(request("{}".getBytes(StandardCharsets.UTF_8),
                Map.of(WechatSignature.SERIAL, "ABC", WechatSignature.SIGNATURE, "c2ln",
                        WechatSignature.TIMESTAMP, Long.toString(NOW.getEpochSecond()),
                        WechatSignature.NONCE, "nonce")), response.proxy());

        // The headers reached the route: it refuses for the certificate, not for a missing header.
        assertThat(response.status).isEqualTo(401);
        assertThat(response.text()).contains("Wechatpay-Serial: no configured platform certificate has serial ABC");
    }
}
