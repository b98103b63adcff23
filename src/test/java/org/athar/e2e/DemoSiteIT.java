package org.athar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The shared demo site opens signed in, in the language asked for, in the window size asked for. */
class DemoSiteIT {

    @Test
    void a_phone_window_in_arabic_opens_the_portal_right_to_left_at_390_pixels() throws Exception {
        ChromeDriver browser = DemoSite.browser(DemoSite.Viewport.PHONE, Locale.forLanguageTag("ar"));
        try {
            DemoSite.waitFor(
                    browser,
                    Duration.ofSeconds(30),
                    d -> "rtl".equals(DemoSite.js(d, "return document.documentElement.dir")));
            assertThat(DemoSite.js(browser, "return window.innerWidth")).isEqualTo(390L);
            assertThat(browser.findElements(By.tagName("vaadin-app-layout"))).isNotEmpty();
            DemoSite.screenshot(browser, "demo-site-phone-ar.png");
        } finally {
            browser.quit();
        }
    }
}
