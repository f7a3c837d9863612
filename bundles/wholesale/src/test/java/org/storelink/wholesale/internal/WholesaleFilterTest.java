package org.storelink.wholesale.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
import org.storelink.model.json.Json;

class WholesaleFilterTest {
    private DataSource database;
    private WholesaleFilter filter;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status;

    @BeforeEach
    void setUp() throws Exception {
        database = TestWorld.h2();
        WholesaleService service = TestWorld.service(database, new TestWorld.CapturingSender(), TestWorld.clock());
        filter = new WholesaleFilter(service, service, new TestWorld.Stores(), TestWorld.clock());
    }

    @AfterEach
    void tearDown() throws Exception {
        TestWorld.shutdownH2(database);
    }

    private JsonNode call(String method, String path, String user, String password, String json) throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getServletPath()).thenReturn(path);
        if (user != null) {
            when(request.getHeader("Authorization")).thenReturn("Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        ByteArrayInputStream in = new ByteArrayInputStream(json == null ? new byte[0]
                : json.getBytes(StandardCharsets.UTF_8));
        when(request.getInputStream()).thenReturn(new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
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
        body.reset();
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        });
        org.mockito.ArgumentCaptor<Integer> captured = org.mockito.ArgumentCaptor.forClass(Integer.class);
        filter.doFilter(request, response, mock(FilterChain.class));
        verify(response, org.mockito.Mockito.atLeastOnce()).setStatus(captured.capture());
        status = captured.getValue();
        return body.size() == 0 ? null : Json.mapper().readTree(body.toByteArray());
    }

    @Test
    void otherRequestsPassDownTheChainUntouched() throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        HttpServletResponse response = mock(HttpServletResponse.class);
        FilterChain chain = mock(FilterChain.class);
        when(request.getMethod()).thenReturn("POST");
        when(request.getServletPath()).thenReturn("/storelink/api/v1/stores/s1/sales");
        filter.doFilter(request, response, chain);
        verify(chain).doFilter(request, response);
        verifyNoInteractions(response);
    }

    @Test
    void storesAuthenticateWithTheirIdAndSecret() throws Exception {
        JsonNode problem = call("GET", "/storelink/api/v1/stores/s1/replenishment", "s1", "wrong", null);
        assertThat(status).isEqualTo(401);
        assertThat(problem.path("detail").asText()).isEqualTo("the password does not match the store's secret");
        call("GET", "/storelink/api/v1/stores/s1/replenishment", "s2", "secret-s2", null);
        assertThat(status).isEqualTo(401);
        call("GET", "/storelink/api/v1/stores/nope/replenishment", "nope", "x", null);
        assertThat(status).isEqualTo(404);
    }

    @Test
    void stockCountOrderAndTheirAnswers() throws Exception {
        call("POST", "/storelink/api/v1/stores/s1/stock-counts", "s1", "secret-s1",
                "{\"countedAt\":\"2026-11-25T21:00:00+08:00\",\"lines\":[{\"gtin\":\"6901234567892\",\"quantity\":5}]}");
        assertThat(status).isEqualTo(204);
        JsonNode replenishment = call("GET", "/storelink/api/v1/stores/s1/replenishment", "s1", "secret-s1", null);
        assertThat(status).isEqualTo(200);
        assertThat(replenishment.path("z").decimalValue()).isEqualByComparingTo("1.645");
        assertThat(replenishment.path("lines").get(0).path("onHand").decimalValue()).isEqualByComparingTo("5");

        JsonNode order = call("POST", "/storelink/api/v1/stores/s1/orders", "s1", "secret-s1",
                "{\"lines\":[{\"gtin\":\"6901234567892\",\"quantity\":30}]}");
        assertThat(status).isEqualTo(201);
        assertThat(order.path("lines").get(0).path("quantity").asLong()).isEqualTo(48);
        assertThat(order.path("status").asText()).isEqualTo("confirmed");
        JsonNode orders = call("GET", "/storelink/api/v1/stores/s1/orders", "s1", "secret-s1", null);
        assertThat(orders).hasSize(1);

        JsonNode bad = call("POST", "/storelink/api/v1/stores/s1/orders", "s1", "secret-s1",
                "{\"lines\":[{\"gtin\":\"6901234567893\",\"quantity\":1.5}],\"note\":1}");
        assertThat(status).isEqualTo(400);
        assertThat(bad.path("errors").toString()).contains("\"field\":\"note\"").contains("lines[0].gtin")
                .contains("must be a whole number of units");
    }

    @Test
    void purchasesAndTheSourcingShare() throws Exception {
        JsonNode purchase = call("POST", "/storelink/api/v1/stores/s2/purchases", "s2", "secret-s2",
                "{\"day\":\"2026-11-20\",\"amount\":50000,\"currency\":\"CNY\",\"supplier\":\"Metro\"}");
        assertThat(status).isEqualTo(201);
        assertThat(purchase.path("amount").path("formatted").asText()).isEqualTo("CNY 500.00");
        JsonNode share = call("GET", "/storelink/api/v1/stores/s2/sourcing-share", "s2", "secret-s2", null);
        assertThat(status).isEqualTo(200);
        assertThat(share.path("month").asText()).isEqualTo("2026-11");
        assertThat(share.path("actual").decimalValue()).isEqualByComparingTo("0");
        assertThat(share.path("belowCommitment").asBoolean()).isTrue();
    }
}
