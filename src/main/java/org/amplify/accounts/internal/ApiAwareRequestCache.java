package org.amplify.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Remembers the page an anonymous person wanted, to send them there after login; never an API call,
 * which a script makes and a browser should not replay.
 */
class ApiAwareRequestCache extends HttpSessionRequestCache {

    private final RequestMatcher api;

    ApiAwareRequestCache(RequestMatcher api) {
        this.api = api;
    }

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        if (!api.matches(request)) {
            super.saveRequest(request, response);
        }
    }
}
