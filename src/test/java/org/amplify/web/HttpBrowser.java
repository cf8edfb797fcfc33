package org.amplify.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser against a running app, without the rendering: a cookie jar, the CSRF token of
 * each form, no redirects followed (a test looks at where it is sent). It may be pointed at another
 * node of the same app ({@link #at}), keeping its cookies, as a load balancer would move it.
 */
public final class HttpBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies;
    private final HttpClient http;
    private final String base;

    public HttpBrowser(String base) {
        this(base, new CookieManager());
    }

    private HttpBrowser(String base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The same browser (its cookies) talking to another node. */
    public HttpBrowser at(String otherBase) {
        return new HttpBrowser(otherBase, cookies);
    }

    /** Signs in through the login form; true when sent on to the app, not back with an error. */
    public boolean signIn(String username, String password) throws IOException, InterruptedException {
        return !signInAndGetLocation(username, password).contains("/login");
    }

    /** Signs in through the login form; where the app sends the browser next. */
    public String signInAndGetLocation(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> done = submit("/login", "/login", Map.of("username", username, "password", password));
        if (done.statusCode() != 302) {
            throw new AssertionError("sign-in answered " + done.statusCode() + ": " + done.body());
        }
        return done.headers().firstValue("Location").orElse("");
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs a page and returns its body, failing unless it answers 200. */
    public String page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Posts a form as the page {@code formPage} would, with that page's CSRF token. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfOf(formPage));
        String body = withToken.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends JSON with this session and the CSRF token of {@code formPage} (as the pages' scripts do). */
    public HttpResponse<String> sendJson(String method, String formPage, String path, String json)
            throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-CSRF-TOKEN", csrfOf(formPage))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> getJson(String path) throws IOException, InterruptedException {
        return http.send(request(path).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String csrfOf(String formPage) throws IOException, InterruptedException {
        HttpResponse<String> page = get(formPage);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on " + formPage + " (answered " + page.statusCode() + ")");
        }
        return csrf.group(1);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }
}
