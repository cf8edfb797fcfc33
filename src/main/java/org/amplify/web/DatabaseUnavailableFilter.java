package org.amplify.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * While the database cannot be reached, every request fails fast (the pool waits about 2 s for a
 * connection, {@code spring.datasource.hikari.connection-timeout}) and is answered 503 with
 * {@code Retry-After}: a friendly page for people, a problem for the API. It sits in front of every
 * other filter, since the session and the security context are read from the database first. The
 * page is self-contained: rendering the layout would need the very session that cannot be read.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    static final String RETRY_AFTER_SECONDS = "10";

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(),
                    request.getRequestURI(), rootMessage(e));
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.setCharacterEncoding("UTF-8");
            if (wantsProblem(request)) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                        + "\"detail\":\"The database cannot be reached right now; nothing was changed. Try again in a "
                        + "few seconds.\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.getWriter().write(page(request));
            }
        }
    }

    private static boolean wantsProblem(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return path.startsWith("/api/") || accept == null || !accept.contains("text/html");
    }

    private static String page(HttpServletRequest request) {
        String context = HtmlUtils.htmlEscape(request.getContextPath());
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10">
                <title>Database unavailable · Amplify</title>
                <link rel="stylesheet" href="%s/css/app.css"></head>
                <body><main class="narrow"><h1>The database is unavailable</h1>
                <p>Amplify cannot reach its database right now, so this page cannot be shown. Nothing you did was
                lost: what was saved before stays saved, and what you were sending was not applied.</p>
                <p>This page tries again every 10 seconds; Amplify recovers by itself when the database is back.</p>
                <p class="hint">Error 503 · Service Unavailable</p></main></body></html>
                """.formatted(context);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
            FilterRegistrationBean<DatabaseUnavailableFilter> registration =
                    new FilterRegistrationBean<>(new DatabaseUnavailableFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
