package org.athar.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser without JavaScript for HTTP tests of the sign-in page: cookies kept, redirects not followed. */
public final class FormBrowser {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final int port;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private String page = "";

    public FormBrowser(int port) {
        this.port = port;
    }

    /**
     * Signs in on the sign-in page's form as a browser does: opens the page, then sends the form with the page's
     * CSRF token. The answer is the redirect (to the page asked for, or ?error).
     */
    public HttpResponse<String> signIn(String username, String password) throws Exception {
        get("/login");
        HttpResponse<String> answer = post(
                "/login",
                "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf());
        page = ""; // signing in gives the session a new CSRF token: the sign-in page's is spent
        return answer;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> r = send(request(path).GET());
        page = r.body();
        return r;
    }

    public HttpResponse<String> post(String path, String form) throws Exception {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The CSRF token Vaadin puts into the page, as the UI's own requests send it. */
    public String csrf() throws Exception {
        if (!CSRF.matcher(page).find()) {
            get("/");
        }
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a page with a CSRF token").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }
}
