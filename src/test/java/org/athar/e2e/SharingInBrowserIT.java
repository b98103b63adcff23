package org.athar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athar.e2e.DemoSite.Viewport;
import org.athar.sharing.InstallationKey;
import org.athar.sharing.PartnerKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The Sharing page and the Admin page's sharing partners in a real browser, on the shared demo site (whose demo data
 * carries consent): a recipient registered through the API is offered on Sharing; the preview's numbers are the
 * API's, in English at 1440×900 and in Arabic at 390×844; an administrator sends a package with progress and gets a
 * download, the package list and the ledger show it with the same count; the Arabic page reads right to left, does
 * not scroll sideways and carries no English label; the Admin page shows this installation's fingerprint and the
 * recipient. Adds one recipient, one draft and one sent package to the demo site (other tests do not read sharing).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharingInBrowserIT {

    private static final String RECIPIENT = "UN IIMP";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Writing, signing and encrypting several thousand reports on a loaded machine. */
    private static final Duration SENDING = Duration.ofSeconds(400);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ChromeDriver> BROWSERS = new ArrayList<>();
    private static JsonNode draft;

    @BeforeAll
    static void register_the_recipient_and_ask_the_api_for_its_counts() throws Exception {
        PartnerKey key = PartnerKey.of(InstallationKey.generate(RECIPIENT));
        String body = JSON.writeValueAsString(Map.of(
                "name",
                RECIPIENT,
                "contact",
                "sharing@iimp.invalid",
                "publicKey",
                key.armoured(),
                "fields",
                "identity"));
        HttpResponse<String> registered = api("POST", "api/v1/admin/recipients", body);
        assertThat(registered.statusCode()).as(registered.body()).isIn(201, 409);
        HttpResponse<String> drafted = api("POST", "api/v1/sharing/packages?recipient=UN%20IIMP&draft=true", "");
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        draft = JSON.readTree(drafted.body());
        System.out.println("Draft through the API: " + draft);
        assertThat(draft.get("reports").asLong())
                .as("the demo data has reports consenting to UN IIMP")
                .isPositive();
        assertThat(draft.get("withheldNoConsent").asLong()).isPositive();
        assertThat(draft.get("withheldUnknownConsent").asLong()).isPositive();
    }

    @AfterAll
    static void quit() {
        BROWSERS.forEach(WebDriver::quit);
    }

    private static HttpResponse<String> api(String method, String path, String body) throws Exception {
        URI uri = DemoSite.app().base().resolve(path);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(("admin:" + DemoSite.ADMIN_PASSWORD)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(body))
                                .timeout(Duration.ofSeconds(300))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static ChromeDriver open(Viewport viewport, Locale language, String path) throws Exception {
        ChromeDriver b = DemoSite.browser(viewport, language);
        BROWSERS.add(b);
        b.get(DemoSite.app().base().resolve(path).toString());
        DemoSite.waitFor(
                b, WAIT, d -> !d.findElements(By.tagName("vaadin-app-layout")).isEmpty());
        settle(b);
        return b;
    }

    /** Waits until Vaadin has no request in flight, then a moment for layout. */
    private static void settle(WebDriver b) throws InterruptedException {
        DemoSite.waitFor(
                b,
                WAIT,
                d -> Boolean.TRUE.equals(DemoSite.js(
                        d,
                        "return !!(window.Vaadin && Vaadin.Flow && Vaadin.Flow.clients"
                                + " && Object.values(Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()))")));
        Thread.sleep(700);
    }

    /** Opens the recipient select and picks the UN IIMP item, as a user does. */
    private static void chooseRecipient(ChromeDriver b) throws Exception {
        WebElement select = DemoSite.waitFor(b, WAIT, d -> d.findElement(By.id("sharing-recipient")));
        DemoSite.js(b, "arguments[0].scrollIntoView({block: 'center'})", select);
        select.click();
        WebElement item = DemoSite.waitFor(b, WAIT, d -> (WebElement) DemoSite.js(
                d,
                "return [...document.querySelectorAll('vaadin-select-item')]"
                        + ".find(i => i.textContent.includes(arguments[0])) || null",
                RECIPIENT));
        // A script click: on a phone the overlay's item may lie below the window's edge.
        DemoSite.js(b, "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", item);
        settle(b);
    }

    /** The numbers of a text, whatever digits the locale writes (Arabic-Indic included), grouping removed. */
    static List<Long> numbers(String text) {
        List<Long> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\p{Nd}[\\p{Nd},.\\u066C\\u066B\\u00A0\\u202F]*")
                .matcher(text);
        while (m.find()) {
            StringBuilder digits = new StringBuilder();
            m.group().codePoints().filter(Character::isDigit).forEach(c -> digits.append(Character.digit(c, 10)));
            out.add(Long.parseLong(digits.toString()));
        }
        return out;
    }

    private static List<Long> apiCounts() {
        return List.of(
                draft.get("reports").asLong(),
                draft.get("withheldNoConsent").asLong(),
                draft.get("withheldUnknownConsent").asLong(),
                draft.get("withheldOtherRecipients").asLong());
    }

    private static String previewWithNumbers(ChromeDriver b) {
        return DemoSite.waitFor(b, WAIT, d -> {
            String t = d.findElement(By.id("sharing-preview")).getText();
            return numbers(t).size() >= 4 ? t : null;
        });
    }

    private static String gridText(WebDriver b, String gridId) {
        return String.valueOf(DemoSite.js(
                b,
                "return [...document.querySelectorAll('#' + arguments[0] + ' vaadin-grid-cell-content')]"
                        + ".map(c => c.textContent).join(' | ')",
                gridId));
    }

    @Test
    @Order(1)
    void an_administrator_sees_the_api_counts_sends_the_package_and_finds_it_in_the_list_and_the_ledger()
            throws Exception {
        ChromeDriver b = open(Viewport.DESKTOP, Locale.ENGLISH, "sharing");
        chooseRecipient(b);
        String preview = previewWithNumbers(b);
        System.out.println("English preview: " + preview);
        assertThat(preview).contains("reports will go");
        assertThat(b.findElement(By.id("view-sharing")).getText())
                .as("a message without arguments is shown as written: no doubled apostrophe")
                .doesNotContain("''");
        Number selectRight = (Number)
                DemoSite.js(b, "return document.getElementById('sharing-recipient').getBoundingClientRect().width");
        assertThat(selectRight.doubleValue())
                .as("the recipient select is wide enough for its item label")
                .isGreaterThan(300);
        assertThat(numbers(preview)).as(preview).isEqualTo(apiCounts());
        Path shot = DemoSite.screenshot(b, "sharing-en-1440.png");
        System.out.println("Screenshot: " + shot.toAbsolutePath());

        b.findElement(By.id("sharing-send")).click();
        String status = DemoSite.waitFor(b, SENDING, d -> {
            String s = d.findElement(By.id("sharing-status")).getText();
            return !d.findElements(By.id("sharing-download")).isEmpty() || s.contains("did not work") ? s : null;
        });
        settle(b);
        System.out.println("After sending: " + status);
        assertThat(status).startsWith("Package ").contains(" sent: ");
        assertThat(b.findElement(By.id("sharing-progress")).isDisplayed())
                .as("the progress bar is gone once the package is sent")
                .isFalse();
        String packageId = status.substring("Package ".length(), status.indexOf(" sent: "));
        assertThat(packageId).matches("\\d{14}-[0-9a-f]{8}");
        assertThat(numbers(status.substring(status.indexOf(" sent: "))).get(0))
                .as("reports in the sent package, as the preview said")
                .isEqualTo(apiCounts().get(0));
        WebElement download = b.findElement(By.id("sharing-download"));
        assertThat(download.getText()).contains("athar-package-" + packageId + ".pgp");
        assertThat(download.getAttribute("href")).isNotBlank();

        String reports = String.format(Locale.ENGLISH, "%,d", apiCounts().get(0));
        DemoSite.waitFor(b, WAIT, d -> gridText(d, "sharing-packages").contains(packageId));
        assertThat(b.findElements(By.id("sharing-download-" + packageId)))
                .as("the package's row offers its download")
                .isNotEmpty();
        String row = String.valueOf(DemoSite.js(
                b,
                "const cells = [...document.querySelectorAll('#sharing-packages vaadin-grid-cell-content')]"
                        + ".map(c => c.textContent); const i = cells.indexOf(arguments[0]);"
                        + " return i < 0 ? '' : cells.slice(i, i + 6).join(' | ')",
                packageId));
        assertThat(row)
                .as("the package's row")
                .contains(RECIPIENT)
                .contains("Sent")
                .contains(reports);
        DemoSite.waitFor(b, WAIT, d -> gridText(d, "sharing-ledger").contains(packageId));
        String ledger = gridText(b, "sharing-ledger");
        assertThat(ledger).contains(RECIPIENT).contains(reports).contains("admin");
        DemoSite.js(b, "document.getElementById('sharing-packages').scrollIntoView()");
        Thread.sleep(300);
        System.out.println("Screenshot: "
                + DemoSite.screenshot(b, "sharing-en-1440-sent.png").toAbsolutePath());

        HttpResponse<String> ledgerApi = api("GET", "api/v1/sharing/ledger", "");
        assertThat(ledgerApi.body()).contains(packageId);
    }

    @Test
    @Order(2)
    void on_an_arabic_phone_the_page_reads_right_to_left_with_the_api_counts_and_no_english_label() throws Exception {
        ChromeDriver b = open(Viewport.PHONE, Locale.forLanguageTag("ar"), "sharing");
        assertThat(DemoSite.js(b, "return document.documentElement.getAttribute('dir')"))
                .isEqualTo("rtl");
        chooseRecipient(b);
        String preview = previewWithNumbers(b);
        System.out.println("Arabic preview: " + preview);
        assertThat(numbers(preview)).as(preview).isEqualTo(apiCounts());
        Path shot = DemoSite.screenshot(b, "sharing-ar-390.png");
        System.out.println("Screenshot: " + shot.toAbsolutePath());
        assertThat(DemoSite.scrollsSideways(b))
                .as("%s", DemoSite.overflowingElements(b))
                .isFalse();
        String visible = String.valueOf(DemoSite.js(
                        b, "const v = document.getElementById('view-sharing'); return v ? v.innerText : ''"))
                + " "
                + gridHeaders(b);
        List<String> english = new ArrayList<>();
        for (String label : List.of(
                "Sharing with partners",
                "Recipient",
                "reports will go",
                "held back",
                "Send",
                "Prepare draft",
                "Packages",
                "Ledger",
                "Withdraw reports",
                "Kind",
                "State",
                "Reports",
                "Created",
                "Filter or reason",
                "with names",
                "Choose a recipient")) {
            if (visible.contains(label)) {
                english.add(label);
            }
        }
        assertThat(english)
                .as("English labels on the Arabic Sharing page: %s", visible)
                .isEmpty();
        // The app layout's content area is the scroller, not the document: scroll the lists into view.
        DemoSite.js(b, "document.getElementById('sharing-preview').scrollIntoView({block: 'start'})");
        Thread.sleep(300);
        System.out.println("Screenshot: "
                + DemoSite.screenshot(b, "sharing-ar-390-bottom.png").toAbsolutePath());
        assertThat(DemoSite.scrollsSideways(b))
                .as("%s", DemoSite.overflowingElements(b))
                .isFalse();
    }

    private static String gridHeaders(WebDriver b) {
        return String.valueOf(DemoSite.js(
                b,
                "return [...document.querySelectorAll('#view-sharing vaadin-grid-cell-content')]"
                        + ".map(c => c.textContent).join(' | ')"));
    }

    @Test
    @Order(3)
    void the_admin_page_shows_the_installation_fingerprint_and_the_recipient() throws Exception {
        ChromeDriver b = open(Viewport.DESKTOP, Locale.ENGLISH, "admin");
        WebElement section = DemoSite.waitFor(b, WAIT, d -> d.findElement(By.id("admin-partners")));
        assertThat(DemoSite.scrollsSideways(b))
                .as("the Admin page at 1440 px scrolls sideways: %s", DemoSite.overflowingElements(b))
                .isFalse();
        HttpResponse<String> key = api("GET", "api/v1/admin/keys/public", "");
        String fingerprint = key.headers().firstValue("X-Athar-Fingerprint").orElseThrow();
        assertThat(fingerprint).matches("[0-9A-F]{40}");
        assertThat(section.getText()).contains("Sharing partners");
        WebElement shown = b.findElement(By.id("partners-fingerprint"));
        assertThat(shown.getText().replace(" ", "")).isEqualTo(fingerprint);
        DemoSite.waitFor(b, WAIT, d -> gridText(d, "partners-recipients").contains(RECIPIENT));
        DemoSite.js(b, "document.getElementById('admin-partners').scrollIntoView({block: 'start', inline: 'nearest'})");
        Thread.sleep(300);
        Path shot = DemoSite.screenshot(b, "admin-partners-en-1440.png");
        System.out.println("Screenshot: " + shot.toAbsolutePath());
        assertThat(section.getText()).doesNotContain("partners.").doesNotContain("!{");
    }
}
