package org.athar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athar.e2e.DemoSite.Viewport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The persons figure with its range on Trends, in a real browser on the shared demo site: the total line reads
 * "N persons (L–U depending on P pairs awaiting review) in scope" in English (its Arabic counterpart with the same
 * Western digits), and its numbers are the statistics API's {@code persons}, {@code personsIfPendingConfirmed} and
 * {@code pendingPairs}. When linking the demo data left no pair pending, one automatic link is sent back to review
 * through the review API first (the only change this test makes to the shared site; a test that counts persons
 * reads its figures from the API, never from constants).
 */
class PersonsRangeInBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(240);
    private static final List<ChromeDriver> browsers = new ArrayList<>();
    private static JsonNode figures;

    @BeforeAll
    static void somePairsPending() throws Exception {
        figures = api("GET", "api/v1/stats/dashboard?profile=internal&count=persons&granularity=year", null);
        if (figures.path("pendingPairs").asLong() == 0) {
            System.out.println("PersonsRangeInBrowserIT: the demo data has no pending pair after linking; sending one"
                    + " automatic link back to review");
            JsonNode auto = api("GET", "api/v1/linkage/pairs?decision=auto&size=1", null);
            String id = auto.path("pairs").path(0).path("id").asText();
            api(
                    "POST",
                    "api/v1/linkage/pairs/" + id + "/decision",
                    "{\"decision\":\"pending\",\"note\":\"PersonsRangeInBrowserIT: a pair awaiting review\"}");
            figures = api("GET", "api/v1/stats/dashboard?profile=internal&count=persons&granularity=year", null);
        } else {
            System.out.printf(
                    "PersonsRangeInBrowserIT: the demo data has %d pending pairs after linking%n",
                    figures.path("pendingPairs").asLong());
        }
        assertThat(figures.path("pendingPairs").asLong()).isPositive();
        assertThat(figures.path("personsIfPendingConfirmed").asLong())
                .isLessThan(figures.path("persons").asLong());
    }

    @AfterAll
    static void quit() {
        browsers.forEach(WebDriver::quit);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ar"})
    void the_trends_total_line_shows_the_range_with_the_numbers_of_the_api(String language) throws Exception {
        ChromeDriver b = DemoSite.browser(Viewport.DESKTOP, Locale.forLanguageTag(language));
        browsers.add(b);
        long persons = figures.path("persons").asLong();
        long lower = figures.path("personsIfPendingConfirmed").asLong();
        long pairs = figures.path("pendingPairs").asLong();
        String text = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        // Right after the demo load a re-link may still run; the page is opened again until its figures are in.
        while (text == null) {
            b.get(DemoSite.app().base().resolve("trends?granularity=year").toString());
            try {
                text = DemoSite.waitFor(b, Duration.ofSeconds(30), d -> {
                    String t = d.findElement(By.id("trends-scope")).getText();
                    String digits = t.replaceAll("[^0-9]", "");
                    return digits.contains(String.valueOf(persons)) && digits.contains(String.valueOf(lower))
                            ? t
                            : null;
                });
            } catch (org.openqa.selenium.TimeoutException e) {
                DemoSite.screenshot(b, "persons-range-not-ready-" + language + ".png");
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
        DemoSite.screenshot(b, "persons-range-" + language + ".png");
        if (language.equals("en")) {
            Matcher m = Pattern.compile(
                            "^([\\d,]+) persons \\(([\\d,]+)\u2013([\\d,]+) depending on ([\\d,]+) pairs? awaiting"
                                    + " review\\) in scope")
                    .matcher(text);
            assertThat(m.find()).as(text).isTrue();
            assertThat(number(m.group(1))).isEqualTo(persons);
            assertThat(number(m.group(2))).isEqualTo(lower);
            assertThat(number(m.group(3))).isEqualTo(persons);
            assertThat(number(m.group(4))).isEqualTo(pairs);
        } else {
            // The same figures, grouped as every figure in Arabic (Western digits).
            assertThat(text).contains("بانتظار المراجعة");
            assertThat(text.replaceAll("[^0-9]", ""))
                    .startsWith(persons + "" + lower + persons + (pairs > 1 ? String.valueOf(pairs) : ""));
        }
    }

    private static long number(String grouped) {
        return Long.parseLong(grouped.replace(",", ""));
    }

    private static JsonNode api(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        DemoSite.app().base().resolve(path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                ("admin:" + DemoSite.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }
}
