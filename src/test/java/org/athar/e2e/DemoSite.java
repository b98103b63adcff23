package org.athar.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One packaged Athar with 12,000 synthetic demo reports (more than the engine's 10,000-hit window), started once
 * for all browser tests of "what people see" in this JVM and stopped when the JVM ends; and Chromium windows at the
 * two sizes users have (a laptop, 1440×900, and a phone, 390×844) in English or Arabic.
 *
 * <p>Starting the jar and loading the demo costs about a minute, so the browser tests share it rather than each
 * starting their own. Tests must not change what another test reads (they only read, or use their own data).
 */
public final class DemoSite {

    public static final String ADMIN_PASSWORD = "synthetic demo-site admin passphrase";
    public static final int DEMO_REPORTS = 12_000;

    /** The two windows the product is checked in. */
    public enum Viewport {
        DESKTOP(1440, 900),
        PHONE(390, 844);

        public final int width;
        public final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static PackagedApp app;

    private DemoSite() {}

    /** The shared application, started (and its demo data loaded) on first use. */
    public static synchronized PackagedApp app() throws Exception {
        if (app == null) {
            // PackagedApp appends to its log; a previous run's "demo data loaded" must not count for this one.
            Files.deleteIfExists(Path.of("target", "demo-site-app.log"));
            PackagedApp started = PackagedApp.start(
                    Files.createTempDirectory("athar-demo-site"),
                    "demo-site-app.log",
                    java.util.Map.of(),
                    "--athar.demo.size=" + DEMO_REPORTS,
                    "--athar.security.admin-password=" + ADMIN_PASSWORD);
            double seconds = started.awaitHealth(200, Duration.ofSeconds(300));
            long loading = System.nanoTime();
            long deadline = loading + Duration.ofSeconds(400).toNanos();
            // Loaded, and linked into persons (Trends counts persons: before the first link it rightly shows none).
            while (!started.output().contains("Synthetic demo data loaded")
                    || !(started.output().contains("Full re-link of")
                            || started.output().contains("Linked import"))) {
                if (System.nanoTime() > deadline || !started.isAlive()) {
                    throw new IllegalStateException(
                            "the demo data was not loaded and linked; see target/demo-site-app.log");
                }
                Thread.sleep(1000);
            }
            System.out.printf(
                    "Demo site (packaged jar, %,d demo reports) healthy after %.1f s, demo loaded and linked after"
                            + " %.1f s%n",
                    DEMO_REPORTS, seconds, (System.nanoTime() - loading) / 1e9);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception e) {
                    System.err.println("Demo site did not stop cleanly: " + e);
                }
            }));
            app = started;
        }
        return app;
    }

    /**
     * Headless Chromium (Debian's, never a downloaded one) with the given window, its language cookie set before
     * anything is opened, signed in as the administrator.
     */
    public static ChromeDriver browser(Viewport viewport, Locale language) throws Exception {
        PackagedApp site = app();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--window-size=" + viewport.width + "," + viewport.height,
                "--lang=" + language.toLanguageTag(),
                "--user-data-dir=" + Files.createTempDirectory("athar-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        // Headless Chromium's window size includes no browser chrome; make the viewport exactly the size asked for.
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                java.util.Map.of(
                        "width",
                        viewport.width,
                        "height",
                        viewport.height,
                        "deviceScaleFactor",
                        1,
                        "mobile",
                        viewport == Viewport.PHONE));
        browser.get(site.base().resolve("login").toString());
        browser.manage().addCookie(new org.openqa.selenium.Cookie("athar-lang", language.getLanguage(), "/"));
        browser.get(site.base().toString());
        SignInInBrowserIT.signIn(browser, "admin", ADMIN_PASSWORD);
        waitFor(
                browser,
                Duration.ofSeconds(60),
                d -> !d.findElements(By.tagName("vaadin-app-layout")).isEmpty());
        return browser;
    }

    public static <T> T waitFor(WebDriver browser, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, timeout).until(condition::apply);
    }

    public static Object js(WebDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /**
     * True when the page can be scrolled sideways (the failure a phone user meets first): the document, or the app
     * layout's content area, which is its own scroller ({@code [content] {overflow: auto}} in its shadow DOM).
     */
    public static boolean scrollsSideways(WebDriver browser) {
        Object r = js(
                browser,
                "const e = document.scrollingElement || document.documentElement;"
                        + "if (e.scrollWidth > window.innerWidth + 1) return true;"
                        + "const layout = document.querySelector('vaadin-app-layout');"
                        + "const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[content]');"
                        + "return !!content && content.scrollWidth > content.clientWidth + 1;");
        return Boolean.TRUE.equals(r);
    }

    /** Elements wider than the window, described for a readable assertion message. */
    @SuppressWarnings("unchecked")
    public static List<String> overflowingElements(WebDriver browser) {
        return (List<String>) js(
                browser,
                "const w = window.innerWidth; const out = [];"
                        + "for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect();"
                        + " if (r.width > 0 && (r.right > w + 1 || r.left < -1)) out.push(el.tagName.toLowerCase()"
                        + " + (el.id ? '#' + el.id : '') + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); }"
                        + "return out.slice(0, 20);");
    }

    /** Saves a screenshot to {@code target/screenshots/<name>}. */
    public static Path screenshot(WebDriver browser, String name) throws IOException {
        Path dir = Path.of(System.getProperty("athar.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
