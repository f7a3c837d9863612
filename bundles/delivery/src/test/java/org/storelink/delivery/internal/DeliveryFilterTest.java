package org.storelink.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.servlet.FilterChain;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.storelink.delivery.Deliveries;
import org.storelink.model.json.Json;

/** The filter over the real service on H2, with requests as the pos-webhook servlet's mapping sees them. */
class DeliveryFilterTest {
    private static final String GOOD = basic("sh-001", "secret-sh-001");

    private DataSource dataSource;
    private DeliveryFilter filter;
    private final FilterChain chain = mock(FilterChain.class);
    private HttpServletResponse response;
    private ByteArrayOutputStream body;

    @BeforeEach
    void start() throws Exception {
        dataSource = TestDatabases.H2.create();
        DeliveryService service = new DeliveryService(new JdbcDeliveries(dataSource, Duration.ofMinutes(5)),
                TestStores.all(), new TestPartners(), Map.of("east", "zoom"),
                Clock.fixed(DeliveryServiceTest.NOW, ZoneOffset.UTC), () -> "d-1", () -> { });
        filter = new DeliveryFilter(service, TestStores.all());
        newResponse();
    }

    @AfterEach
    void stop() throws Exception {
        TestDatabases.H2.drop(dataSource);
    }

    private void newResponse() throws Exception {
        response = mock(HttpServletResponse.class);
        body = new ByteArrayOutputStream();
        ByteArrayOutputStream target = body;
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                target.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        });
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpServletRequest request(String method, String pathInfo, String authorization, byte[] content,
                                              String... day) throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getServletPath()).thenReturn("/storelink/api/v1/stores");
        when(request.getPathInfo()).thenReturn(pathInfo);
        when(request.getHeader("Authorization")).thenReturn(authorization);
        when(request.getContentType()).thenReturn("application/json; charset=UTF-8");
        when(request.getParameterValues("day")).thenReturn(day.length == 0 ? null : day);
        byte[] bytes = content == null ? new byte[0] : content;
        when(request.getContentLengthLong()).thenReturn((long) bytes.length);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        when(request.getInputStream()).thenReturn(new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        });
        return request;
    }

    private JsonNode serve(HttpServletRequest request, int status) throws Exception {
        filter.doFilter(request, response, chain);
        verify(response).setStatus(status);
        verify(chain, never()).doFilter(any(), any());
        return Json.mapper().readTree(body.toByteArray());
    }

    private JsonNode post(byte[] content, int status) throws Exception {
        newResponse();
        return serve(request("POST", "/sh-001/deliveries", GOOD, content), status);
    }

    @Test
    void otherPathsAndMethodsGoDownTheChainUntouched() throws Exception {
        for (HttpServletRequest request : List.of(
                request("POST", "/sh-001/sales", null, null),
                request("GET", "/sh-001/insights", GOOD, null),
                request("PUT", "/sh-001/deliveries", GOOD, null),
                request("DELETE", "/sh-001/deliveries/d-1", GOOD, null),
                request("POST", "/sh-001/deliveries/d-1", GOOD, null),
                request("GET", "/sh-001/deliveries/d-1/history", GOOD, null),
                request("GET", "/deliveries", GOOD, null),
                request("GET", null, GOOD, null))) {
            filter.doFilter(request, response, chain);
            verify(chain).doFilter(request, response);
        }
        verifyNoInteractions(response);
    }

    @Test
    void aPostedOrderIs201WithLocationAndAResendIs200WithTheSameDelivery() throws Exception {
        JsonNode created = post(TestRequests.bytes(TestRequests.VALID), 201);

        verify(response).setHeader("Location", "/storelink/api/v1/stores/sh-001/deliveries/d-1");
        verify(response).setContentType("application/json");
        assertThat(created.toString()).isEqualTo("{\"deliveryId\":\"d-1\",\"fleet\":\"swift\",\"status\":\"created\","
                + "\"location\":\"/storelink/api/v1/stores/sh-001/deliveries/d-1\"}");

        JsonNode again = post(TestRequests.bytes(TestRequests.VALID), 200);
        verify(response).setHeader("Location", "/storelink/api/v1/stores/sh-001/deliveries/d-1");
        assertThat(again.get("status").asText()).isEqualTo("existing");
        assertThat(again.get("deliveryId").asText()).isEqualTo("d-1");
    }

    @Test
    void anInvalidOrderIs400NamingEveryField() throws Exception {
        var node = TestRequests.valid().put("fleet", "nobody");
        node.remove("dropOff");

        JsonNode problem = post(TestRequests.bytes(node), 400);

        verify(response).setContentType("application/problem+json");
        assertThat(problem.get("title").asText()).isEqualTo("Invalid delivery request");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("dropOff", "fleet");
    }

    @Test
    void theSameOrderRefForAnotherOrderIs409() throws Exception {
        post(TestRequests.bytes(TestRequests.VALID), 201);

        JsonNode problem = post(TestRequests.bytes(TestRequests.valid().put("fleet", "zoom")), 409);

        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("orderRef");
    }

    @Test
    void credentialsStoreAndBodyAreChecked() throws Exception {
        for (String authorization : new String[] {null, "Bearer x", "Basic !!", basic("sh-001", "wrong"),
                basic("la-001", "secret-la-001")}) {
            newResponse();
            filter.doFilter(request("POST", "/sh-001/deliveries", authorization,
                    TestRequests.bytes(TestRequests.VALID)), response, chain);
            verify(response).setStatus(401);
            verify(response).setHeader("WWW-Authenticate", "Basic realm=\"storelink\", charset=\"UTF-8\"");
        }
        newResponse();
        serve(request("GET", "/nope/deliveries", basic("nope", "x"), null), 404);

        newResponse();
        HttpServletRequest text = request("POST", "/sh-001/deliveries", GOOD, TestRequests.bytes(TestRequests.VALID));
        when(text.getContentType()).thenReturn("text/plain");
        serve(text, 415);

        newResponse();
        serve(request("POST", "/sh-001/deliveries", GOOD, new byte[DeliveryFilter.MAX_BODY + 1]), 413);

        newResponse();
        assertThat(serve(request("POST", "/sh-009/deliveries", basic("sh-009", "secret-sh-009"),
                TestRequests.bytes(TestRequests.VALID)), 422).get("detail").asText()).contains("no coordinates");
    }

    @Test
    void theDaysDeliveriesAndOneDeliveryAreShown() throws Exception {
        post(TestRequests.bytes(TestRequests.VALID), 201);

        newResponse();
        JsonNode day = serve(request("GET", "/sh-001/deliveries", GOOD, null, "2026-11-26"), 200);
        assertThat(day.get("zone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(day.get("counts").toString()).isEqualTo("{\"total\":1,\"delivered\":0,\"onTime\":0,\"late\":0,"
                + "\"failed\":0,\"open\":1}");
        assertThat(day.get("deliveries").get(0).get("window").toString())
                .isEqualTo("{\"from\":\"2026-11-26T18:00:00+08:00\",\"to\":\"2026-11-26T18:45:00+08:00\"}");
        assertThat(day.get("deliveries").get(0).get("dispatched").asBoolean()).isFalse();

        newResponse();
        JsonNode today = serve(request("GET", "/sh-001/deliveries/", GOOD, null), 200);
        assertThat(today.get("day").asText()).isEqualTo("2026-11-26");

        newResponse();
        JsonNode one = serve(request("GET", "/sh-001/deliveries/d-1", GOOD, null), 200);
        assertThat(one.get("status").asText()).isEqualTo("requested");
        assertThat(one.get("history").toString())
                .isEqualTo("[{\"status\":\"requested\",\"at\":\"2026-11-26T17:00:00+08:00\"}]");

        newResponse();
        serve(request("GET", "/sh-001/deliveries/d-2", GOOD, null), 404);
        newResponse();
        serve(request("GET", "/la-001/deliveries/d-1", basic("la-001", "secret-la-001"), null), 404);
    }

    @Test
    void aBadDayIs400NamingDay() throws Exception {
        for (String[] day : List.of(new String[] {"26.11.2026"}, new String[] {"2026-02-30"},
                new String[] {"2026-11-26", "2026-11-27"})) {
            newResponse();
            JsonNode problem = serve(request("GET", "/sh-001/deliveries", GOOD, null, day), 400);
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("day");
        }
    }

    @Test
    void aDatabaseFailureIs503AndTellsNothingInternal() throws Exception {
        Deliveries failing = mock(Deliveries.class);
        when(failing.request(any(), any())).thenThrow(new IllegalStateException("Database failure: conn refused"));
        filter = new DeliveryFilter(failing, TestStores.all());

        JsonNode problem = post(TestRequests.bytes(TestRequests.VALID), 503);

        assertThat(problem.toString()).doesNotContain("conn refused");
    }
}
