package org.storelink.promotions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.servlet.FilterChain;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.storelink.model.AreaProfile;
import org.storelink.model.json.Json;
import org.storelink.promotions.ActivePromotion;
import org.storelink.promotions.Mechanics;
import org.storelink.promotions.PromotionReport;
import org.storelink.promotions.Promotions;

class PromotionsFilterTest {
    private static final ActivePromotion TEA = new ActivePromotion("ACME-TEA-15", "acme-foods", "dec",
            "Green tea 15% off", new Mechanics.PercentOff(15), List.of(Fixtures.TEA_14),
            OffsetDateTime.parse("2026-12-01T00:00:00+08:00"), OffsetDateTime.parse("2027-01-01T00:00:00+08:00"));

    private final Promotions promotions = new Promotions() {
        @Override
        public Optional<List<ActivePromotion>> activeFor(String storeId) {
            if (storeId.equals("broken")) {
                throw new IllegalStateException("database down");
            }
            return Optional.of(List.of(TEA));
        }

        @Override
        public Optional<PromotionReport> report(String promotionId) {
            return Optional.empty();
        }
    };
    private final PromotionsFilter filter = new PromotionsFilter(promotions, new Fixtures.Stores()
            .add("sh-001", "east", AreaProfile.STUDENT).add("broken", "east", AreaProfile.STUDENT),
            new MutableClock("2026-12-05T10:00:00Z"));
    private final FilterChain chain = mock(FilterChain.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    PromotionsFilterTest() throws Exception {
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
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpServletRequest request(String method, String path, String authorization) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getServletPath()).thenReturn("/storelink/api/v1/stores");
        when(request.getPathInfo()).thenReturn(path.substring("/storelink/api/v1/stores".length()));
        when(request.getHeader("Authorization")).thenReturn(authorization);
        return request;
    }

    private JsonNode json() throws Exception {
        return Json.mapper().readTree(body.toByteArray());
    }

    @Test
    void aStoreWithItsSecretGetsItsActivePromotions() throws Exception {
        HttpServletRequest request = request("GET", "/storelink/api/v1/stores/sh-001/promotions",
                basic("sh-001", "secret-sh-001"));

        filter.doFilter(request, response, chain);

        verify(response).setStatus(200);
        verify(response).setHeader("Cache-Control", "no-store");
        verify(chain, never()).doFilter(request, response);
        assertThat(json().toString()).isEqualTo("{\"storeId\":\"sh-001\",\"asOf\":\"2026-12-05T10:00:00Z\","
                + "\"promotions\":[{\"promotionId\":\"ACME-TEA-15\",\"brand\":\"acme-foods\",\"name\":\"Green tea 15%"
                + " off\",\"offer\":\"15% off\",\"mechanics\":{\"type\":\"percent-off\",\"percent\":15},"
                + "\"products\":[\"06901234567892\"],\"validFrom\":\"2026-12-01T00:00+08:00\","
                + "\"validTo\":\"2027-01-01T00:00+08:00\"}]}");
    }

    @Test
    void credentialsAreRequiredAndChecked() throws Exception {
        filter.doFilter(request("GET", "/storelink/api/v1/stores/sh-001/promotions", null), response, chain);
        filter.doFilter(request("GET", "/storelink/api/v1/stores/sh-001/promotions",
                basic("sh-001", "wrong")), response, chain);
        filter.doFilter(request("GET", "/storelink/api/v1/stores/sh-001/promotions",
                basic("broken", "secret-broken")), response, chain);
        filter.doFilter(request("GET", "/storelink/api/v1/stores/sh-001/promotions", "Bearer x"), response, chain);

        verify(response, org.mockito.Mockito.times(4)).setStatus(401);
        verify(response, org.mockito.Mockito.times(4)).setHeader("WWW-Authenticate", org.storelink.stores.StoreAuthentication.CHALLENGE);
    }

    @Test
    void anUnknownStoreIs404AndAFailingDatabase503() throws Exception {
        filter.doFilter(request("GET", "/storelink/api/v1/stores/nowhere/promotions", basic("nowhere", "x")),
                response, chain);
        verify(response).setStatus(404);
        filter.doFilter(request("GET", "/storelink/api/v1/stores/broken/promotions", basic("broken", "secret-broken")),
                response, chain);
        verify(response).setStatus(503);
    }

    @Test
    void everyOtherRequestPassesDownTheChainUntouched() throws Exception {
        for (HttpServletRequest request : List.of(
                request("POST", "/storelink/api/v1/stores/sh-001/sales", null),
                request("GET", "/storelink/api/v1/stores/sh-001/insights", null),
                request("POST", "/storelink/api/v1/stores/sh-001/promotions", null),
                request("GET", "/storelink/api/v1/stores/sh-001/promotions/extra", null))) {
            filter.doFilter(request, response, chain);
            verify(chain).doFilter(request, response);
        }
        verify(response, never()).setStatus(org.mockito.ArgumentMatchers.anyInt());
    }
}
