package org.storelink.insights.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storelink.insights.Insights;
import org.storelink.insights.StoreInsights;
import org.storelink.model.Violation;
import org.storelink.model.json.Json;
import org.storelink.model.json.ProblemJson;
import org.storelink.stores.StoreAuthentication;
import org.storelink.stores.StoreRegistry;

/**
 * {@code GET /storelink/api/v1/stores/{storeId}/insights[?days=N]}. The pos-webhook bundle already serves
 * {@code /storelink/api/v1/stores/*} with a servlet, and a whiteboard servlet pattern cannot name a segment after
 * the store id, so this is a whiteboard filter on that pattern: it answers the insights GET itself and passes every
 * other request down the chain untouched.
 *
 * <p>Answers: 404 for an unknown store, 401 unless HTTP Basic names the store with its secret, 400 for a bad
 * {@code days}, 200 with the insights JSON.
 */
final class InsightsFilter implements Filter {
    static final String PATTERN = "/storelink/api/v1/stores/*";
    static final String DAYS_PARAMETER = "days";
    private static final Logger LOG = LoggerFactory.getLogger(InsightsFilter.class);
    private static final Pattern INSIGHTS_PATH = Pattern.compile("^/storelink/api/v1/stores/([^/]+)/insights/?$");
    private static final int MAX_ECHO = 64;

    private final Insights insights;
    private final StoreAuthentication authenticator;

    InsightsFilter(Insights insights, StoreRegistry stores) {
        this.insights = insights;
        this.authenticator = new StoreAuthentication(stores);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer
                && "GET".equals(http.getMethod())) {
            Matcher path = INSIGHTS_PATH.matcher(path(http));
            if (path.matches()) {
                serve(http, answer, path.group(1));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The path inside the context, decoded, however the servlet it is filtered for is mapped. */
    private static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        return servletPath + pathInfo;
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, String storeId) throws IOException {
        StoreAuthentication.Result authentication = authenticator.check(request.getHeader("Authorization"), storeId);
        if (authentication == StoreAuthentication.Result.UNKNOWN_STORE) {
            problem(response, 404, "Unknown store", "No store with id \"" + clip(storeId) + "\" is registered",
                    List.of());
            return;
        }
        if (!authentication.authenticated()) {
            response.setHeader("WWW-Authenticate", StoreAuthentication.CHALLENGE);
            problem(response, 401, "Unauthorized", authentication.reason(), List.of());
            return;
        }
        int days;
        String[] given = request.getParameterValues(DAYS_PARAMETER);
        try {
            days = days(given);
        } catch (IllegalArgumentException e) {
            problem(response, 400, "Invalid parameter", "Parameter \"" + DAYS_PARAMETER + "\": " + e.getMessage(),
                    List.of(new Violation(DAYS_PARAMETER, e.getMessage())));
            return;
        }
        Optional<StoreInsights> found;
        try {
            found = insights.forStore(storeId, days);
        } catch (RuntimeException e) {
            LOG.error("Insights of store {} failed: {}", storeId, e.getMessage(), e);
            problem(response, 503, "Insights unavailable", "The insights could not be computed; retry later",
                    List.of());
            return;
        }
        if (found.isEmpty()) {
            problem(response, 404, "Unknown store", "No store with id \"" + clip(storeId) + "\" is registered",
                    List.of());
            return;
        }
        response.setStatus(200);
        response.setContentType("application/json");
        // the figures are the store's own business: no shared cache may keep them
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(Json.write(InsightsJson.write(found.get())));
    }

    /** The window in days: {@value Insights#DEFAULT_DAYS} when absent, else one whole number from 1 to 366. */
    static int days(String[] given) {
        if (given == null || given.length == 0) {
            return Insights.DEFAULT_DAYS;
        }
        if (given.length > 1) {
            throw new IllegalArgumentException("must be given once");
        }
        String text = given[0].strip();
        if (!text.matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException("\"" + clip(text) + "\" is not a whole number of days from 1 to "
                    + Insights.MAX_DAYS);
        }
        int days = Integer.parseInt(text);
        if (days < 1 || days > Insights.MAX_DAYS) {
            throw new IllegalArgumentException("must be from 1 to " + Insights.MAX_DAYS + ", is " + days);
        }
        return days;
    }

    private static String clip(String text) {
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail,
                                List<Violation> violations) throws IOException {
        response.setStatus(status);
        response.setContentType(ProblemJson.MEDIA_TYPE);
        response.getOutputStream().write(Json.write(ProblemJson.of(status, title, detail, violations)));
    }
}
