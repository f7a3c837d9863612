package org.storelink.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.storelink.insights.Insights;
import org.storelink.insights.SampleInsights;
import org.storelink.model.json.Json;

class InsightsFilterTest {
    private static final String STORE = "sh-001";
    private static final String GOOD = basic(STORE, "secret-sh-001");

    private final List<Integer> daysAsked = new ArrayList<>();
    private final Insights insights = (store, days) -> {
        daysAsked.add(days);
        return Optional.of(SampleInsights.of(store));
    };
    private final InsightsFilter filter = new InsightsFilter(insights, TestStores.shanghai(STORE));
    private final FilterChain chain = mock(FilterChain.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    InsightsFilterTest() throws Exception {
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

    /** A request as the pos-webhook servlet's mapping sees it: servlet path the pattern, the rest path info. */
    private static HttpServletRequest request(String method, String pathInfo, String authorization, String... days) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getServletPath()).thenReturn("/storelink/api/v1/stores");
        when(request.getPathInfo()).thenReturn(pathInfo);
        when(request.getHeader("Authorization")).thenReturn(authorization);
        when(request.getParameterValues("days")).thenReturn(days.length == 0 ? null : days);
        return request;
    }

    private JsonNode served(HttpServletRequest request, int status) throws Exception {
        filter.doFilter(request, response, chain);
        verify(response).setStatus(status);
        verify(chain, never()).doFilter(any(), any());
        return Json.mapper().readTree(body.toByteArray());
    }

    @Test
    void otherPathsAndMethodsGoDownTheChainUntouched() throws Exception {
        for (HttpServletRequest request : List.of(
                request("POST", "/sh-001/sales", null),
                request("GET", "/sh-001/sales", null),
                request("POST", "/sh-001/insights", GOOD),
                request("HEAD", "/sh-001/insights", GOOD),
                request("GET", "/sh-001/insights/extra", GOOD),
                request("GET", "/insights", GOOD),
                request("GET", null, GOOD))) {
            filter.doFilter(request, response, chain);
            verify(chain).doFilter(request, response);
        }
        verifyNoInteractions(response);
    }

    @Test
    void theStoresOwnCredentialsGetTheInsightsAsJson() throws Exception {
        JsonNode json = served(request("GET", "/sh-001/insights", GOOD), 200);

        verify(response).setContentType("application/json");
        verify(response).setHeader("Cache-Control", "no-store");
        assertThat(daysAsked).containsExactly(28);
        assertThat(json.get("storeId").asText()).isEqualTo(STORE);
        assertThat(json.get("window").toString()).isEqualTo("{\"from\":\"2026-10-31\",\"to\":\"2026-11-27\",\"days\":28}");
        assertThat(json.get("totals").toString()).isEqualTo(
                "{\"sales\":2,\"returns\":0,\"revenue\":{\"minor\":1900,\"currency\":\"CNY\",\"formatted\":\"CNY 19.00\"}}");
        assertThat(json.get("byHourOfDay")).hasSize(24);
        assertThat(json.get("byWeekday").get(3).toString()).isEqualTo("{\"weekday\":\"thursday\",\"sales\":2,"
                + "\"revenue\":{\"minor\":1900,\"currency\":\"CNY\",\"formatted\":\"CNY 19.00\"}}");
        assertThat(json.get("topProductsByUnits").get(0).get("units").decimalValue()).isEqualByComparingTo("2");
        assertThat(json.get("demandTrend").get("products").get(1).get("ratio").isNull()).isTrue();
        assertThat(json.get("demandTrend").get("products").get(0).get("label").asText()).isEqualTo("rising");
        assertThat(json.get("basket").get("meanValue").get("minor").asLong()).isEqualTo(950);
        assertThat(json.get("repeatCustomers").get("rate").decimalValue()).isEqualByComparingTo("0.375");
        assertThat(json.get("topProductsByAgeBand").get(1).toString())
                .isEqualTo("{\"ageBand\":\"18-24\",\"suppressed\":true,\"reason\":\"fewer than 5 customers\"}");
        assertThat(json.get("topProductsByAgeBand").get(2).get("productsWithheld").asInt()).isEqualTo(2);
    }

    @Test
    void daysChangesTheWindow() throws Exception {
        served(request("GET", "/sh-001/insights/", GOOD, "7"), 200);

        assertThat(daysAsked).containsExactly(7);
    }

    @Test
    void noOrWrongCredentialsAre401WithAChallenge() throws Exception {
        for (String authorization : new String[] {null, "Bearer abc", "Basic !!!", basic(STORE, "secret-sh-002"),
                basic("sh-002", "secret-sh-001"), "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes())}) {
            HttpServletResponse answer = mock(HttpServletResponse.class);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            when(answer.getOutputStream()).thenReturn(new ServletOutputStream() {
                @Override
                public void write(int b) {
                    out.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            });

            filter.doFilter(request("GET", "/sh-001/insights", authorization), answer, chain);

            verify(answer).setStatus(401);
            verify(answer).setContentType("application/problem+json");
            verify(answer).setHeader("WWW-Authenticate", "Basic realm=\"storelink\", charset=\"UTF-8\"");
            assertThat(Json.mapper().readTree(out.toByteArray()).get("status").asInt()).isEqualTo(401);
        }
        assertThat(daysAsked).isEmpty();
        verifyNoInteractions(chain);
    }

    @Test
    void anUnknownStoreIs404() throws Exception {
        JsonNode problem = served(request("GET", "/nope/insights", basic("nope", "x")), 404);

        assertThat(problem.get("title").asText()).isEqualTo("Unknown store");
        assertThat(problem.get("detail").asText()).contains("\"nope\"");
    }

    @Test
    void badDaysAre400NamingTheParameter() throws Exception {
        for (String[] days : List.of(new String[] {"0"}, new String[] {"367"}, new String[] {"abc"},
                new String[] {"-1"}, new String[] {"7", "8"}, new String[] {""})) {
            body.reset();
            HttpServletResponse answer = response;
            filter.doFilter(request("GET", "/sh-001/insights", GOOD, days), answer, chain);

            JsonNode problem = Json.mapper().readTree(body.toByteArray());
            assertThat(problem.get("status").asInt()).as(String.join(",", days)).isEqualTo(400);
            assertThat(problem.get("detail").asText()).startsWith("Parameter \"days\"");
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("days");
        }
        assertThat(daysAsked).isEmpty();
    }

    @Test
    void badDaysAreCheckedOnlyAfterTheCredentials() throws Exception {
        served(request("GET", "/sh-001/insights", null, "abc"), 401);
    }

    @Test
    void aFailingQueryIs503() throws Exception {
        InsightsFilter failing = new InsightsFilter((store, days) -> {
            throw new IllegalStateException("insights query failed: connection refused");
        }, TestStores.shanghai(STORE));

        failing.doFilter(request("GET", "/sh-001/insights", GOOD), response, chain);

        verify(response).setStatus(503);
        assertThat(body.toString(StandardCharsets.UTF_8)).doesNotContain("connection refused");
    }
}
