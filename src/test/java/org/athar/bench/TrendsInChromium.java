package org.athar.bench;

import java.net.URI;
import java.time.Duration;
import org.athar.e2e.Chromium;
import org.athar.e2e.SignInInBrowserIT;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Trends screen as an analyst meets it in Chromium (Debian's, headless, 1280×800, English): with Trends open on one
 * governorate, the governorate filter is removed (its chip's × is clicked) and the time is taken, in the page, from
 * the click until the server's answer is applied (the chip gone, no request of the page in flight) and two frames
 * later, when the timeline, map, breakdowns and cross-tab it carries are painted. Each run opens the page afresh (not
 * timed).
 */
final class TrendsInChromium {

    private static final Duration WAIT = Duration.ofMinutes(3);

    /** Clicks the chip's ×, then calls back with the milliseconds until the redrawn page is painted. */
    private static final String TIME_FILTER_CHANGE = """
            const done = arguments[arguments.length - 1];
            const busy = () => Object.values(Vaadin.Flow.clients).some(c => c.isActive && c.isActive());
            const t0 = performance.now();
            document.getElementById('trends-chip-remove-governorate').click();
            (function poll() {
              if (!document.getElementById('trends-chip-governorate') && !busy()) {
                requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
              } else if (performance.now() - t0 > 170000) {
                done(-1);
              } else {
                setTimeout(poll, 2);
              }
            })();
            """;

    private TrendsInChromium() {}

    /** {@code runs} timed filter changes after two untimed ones; milliseconds each. */
    static Samples filterChanges(URI base, String user, String password, int runs) throws Exception {
        ChromeDriver b = Chromium.start();
        try {
            b.manage().timeouts().scriptTimeout(WAIT);
            b.get(base.resolve("login").toString());
            SignInInBrowserIT.signIn(b, user, password);
            until(b, d -> !d.findElements(By.tagName("vaadin-app-layout")).isEmpty());
            Samples times = new Samples();
            for (int i = -2; i < runs; i++) {
                b.get(base.resolve("trends?governorate=SY02").toString());
                until(
                        b,
                        d -> !d.findElements(By.id("trends-chip-remove-governorate"))
                                        .isEmpty()
                                && !d.findElements(By.cssSelector("#trends-timeline-chart svg"))
                                        .isEmpty()
                                && Boolean.TRUE.equals(
                                        b.executeScript(
                                                "return Object.values(Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
                Number ms = (Number) b.executeAsyncScript(TIME_FILTER_CHANGE);
                if (ms.doubleValue() < 0) {
                    throw new IllegalStateException("Trends did not redraw within 170 s of a filter change");
                }
                if (b.findElements(By.cssSelector("#trends-timeline-chart svg")).isEmpty()) {
                    throw new IllegalStateException("Trends has no timeline chart after the filter change");
                }
                if (i >= 0) {
                    times.add(ms.doubleValue());
                }
            }
            return times;
        } finally {
            b.quit();
        }
    }

    private static void until(ChromeDriver b, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(b, WAIT).until(condition::apply);
    }
}
