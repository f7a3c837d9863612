package org.storelink.promotions.internal;

import java.io.IOException;
import java.time.Clock;
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
import org.storelink.model.json.Json;
import org.storelink.model.json.ProblemJson;
import org.storelink.promotions.ActivePromotion;
import org.storelink.promotions.Promotions;
import org.storelink.stores.StoreAuthentication;
import org.storelink.stores.StoreRegistry;

/**
 * {@code GET /storelink/api/v1/stores/{storeId}/promotions}: the promotions the store may offer now. The pos-webhook
 * servlet owns {@code /storelink/api/v1/stores/*}, so this is a whiteboard filter on that pattern that answers only
 * this GET and passes every other request down the chain untouched.
 *
 * <p>Answers: 404 for an unknown store, 401 unless HTTP Basic names the store with its secret, 503 when the database
 * cannot answer, else 200 with the JSON.
 */
final class PromotionsFilter implements Filter {
    static final String PATTERN = "/storelink/api/v1/stores/*";
    private static final Logger LOG = LoggerFactory.getLogger(PromotionsFilter.class);
    private static final Pattern PROMOTIONS_PATH = Pattern.compile("^/storelink/api/v1/stores/([^/]+)/promotions/?$");

    private final Promotions promotions;
    private final StoreAuthentication authenticator;
    private final Clock clock;

    PromotionsFilter(Promotions promotions, StoreRegistry stores, Clock clock) {
        this.promotions = promotions;
        this.authenticator = new StoreAuthentication(stores);
        this.clock = clock;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer
                && "GET".equals(http.getMethod())) {
            String servletPath = http.getServletPath() == null ? "" : http.getServletPath();
            String pathInfo = http.getPathInfo() == null ? "" : http.getPathInfo();
            Matcher path = PROMOTIONS_PATH.matcher(servletPath + pathInfo);
            if (path.matches()) {
                serve(http, answer, path.group(1));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, String storeId) throws IOException {
        StoreAuthentication.Result authentication = authenticator.check(request.getHeader("Authorization"), storeId);
        if (authentication == StoreAuthentication.Result.UNKNOWN_STORE) {
            problem(response, 404, "Unknown store", "No store with id \"" + CatalogReader.clip(storeId)
                    + "\" is registered");
            return;
        }
        if (!authentication.authenticated()) {
            response.setHeader("WWW-Authenticate", StoreAuthentication.CHALLENGE);
            problem(response, 401, "Unauthorized", authentication.reason());
            return;
        }
        Optional<List<ActivePromotion>> active;
        try {
            active = promotions.activeFor(storeId);
        } catch (RuntimeException e) {
            LOG.error("Promotions of store {} failed: {}", storeId, e.getMessage(), e);
            problem(response, 503, "Promotions unavailable", "The promotions could not be read; retry later");
            return;
        }
        if (active.isEmpty()) {
            problem(response, 404, "Unknown store", "No store with id \"" + CatalogReader.clip(storeId)
                    + "\" is registered");
            return;
        }
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(Json.write(ReportJson.activePromotions(storeId, clock.instant(),
                active.get())));
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(ProblemJson.MEDIA_TYPE);
        response.getOutputStream().write(Json.write(ProblemJson.of(status, title, detail, List.of())));
    }
}
