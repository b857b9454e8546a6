package dev.orderclock.server.dashboard;

import dev.orderclock.server.OrderclockApplication;
import dev.orderclock.server.testing.Api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real browser, as a newcomer uses it: open the printed address, press the demo
 * button, watch the orders count down and close, pay one. Screenshots go to {@code target/}.
 */
@SpringBootTest(
        classes = OrderclockApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:orderclock-dashboard-${random.uuid};DB_CLOSE_DELAY=-1",
            "orderclock.admin-token=" + Api.OPERATOR_TOKEN
        })
class DashboardBrowserIT {

    private static Chromium chromium;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.start(1440, 1400);
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void demoOrdersCountDownAndCloseAtTheirDeadlineAndOneIsPaidThroughTheSimulator() throws IOException {
        // given the dashboard opened at the address the server prints
        open("/#token=" + Api.OPERATOR_TOKEN);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.findElement(By.id("dashboard")).isDisplayed());
        assertThat(browser.getCurrentUrl()).doesNotContain("token"); // taken out of the address bar

        // when 20 demo orders with 3 seconds to pay are created through the UI
        createDemoOrders(20, 3);

        // then each is seen pending with a live countdown (on a slow machine the first may close
        // before the last is created, so each is caught while it waits) ...
        Map<String, Row> seenPending = new HashMap<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    rows().forEach((id, row) -> {
                        if (row.status().equals("PENDING_PAYMENT")
                                && row.countdown().matches("\\d\\.\\d s")) {
                            seenPending.putIfAbsent(id, row);
                        }
                    });
                    return seenPending.size() >= 20;
                });
        Set<String> demo = Set.copyOf(seenPending.keySet());
        await().atMost(Duration.ofSeconds(10)).until(() -> text("demo-result").startsWith("20 orders created"));
        // ... and all CLOSED within a few seconds after their deadline, without a reload
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> rows().entrySet().stream()
                        .filter(e -> demo.contains(e.getKey()))
                        .allMatch(e -> e.getValue().status().equals("CLOSED")));
        await().atMost(Duration.ofSeconds(10)).until(() -> text("count-CLOSED").equals("20"));
        assertThat(text("closed-timeout")).isEqualTo("20");

        // when an order with time to spare is paid through the UI
        createDemoOrders(1, 600);
        String toPay = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> rows().entrySet().stream()
                                .filter(e -> !demo.contains(e.getKey())
                                        && e.getValue().status().equals("PENDING_PAYMENT"))
                                .map(Map.Entry::getKey)
                                .findFirst()
                                .orElse(null),
                        id -> id != null);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            browser.findElement(By.cssSelector("tr[data-order-id='" + toPay + "'] button.pay"))
                    .click();
            return true;
        });

        // then it shows PAID, and the chart and the event list have something to show
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "PAID".equals(rows().get(toPay).status()));
        await().atMost(Duration.ofSeconds(10)).until(() -> text("count-PAID").equals("1"));
        // the payment counted by channel: Alipay took it and the order kept it
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> browser.findElements(By.cssSelector("#payments tr[data-channel='alipay'] td")).stream()
                                .map(WebElement::getText)
                                .toList(),
                        cells -> cells.size() == 5
                                && cells.get(1).equals("1")
                                && cells.get(2).equals("1"));
        assertThat(browser.findElements(By.cssSelector("#events li")).size()).isGreaterThanOrEqualTo(42);
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();

        // and with a few orders waiting, a picture for people to look at, wide and phone-sized
        createDemoOrders(6, 45);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.findElements(By.cssSelector("#next-deadlines li"))
                                .size()
                        >= 6);
        screenshot("dashboard.png");
        browser.manage().window().setSize(new Dimension(390, 1600));
        screenshot("dashboard-phone.png");
        browser.manage().window().setSize(new Dimension(1440, 1400));
    }

    @Test
    void withoutATokenTheDashboardAsksForOneAndShowsNoData() throws IOException {
        open("/");
        browser.executeScript("sessionStorage.clear()");
        open("/");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.findElement(By.id("gate")).isDisplayed());
        assertThat(text("auth-message")).contains("No operator token");
        assertNoData();
        screenshot("dashboard-no-token.png");
    }

    @Test
    void withAWrongTokenTheDashboardSaysSoAndShowsNoData() throws IOException {
        open("/#token=not-the-operator-token");

        await().atMost(Duration.ofSeconds(10)).until(() -> text("gate-title").equals("Wrong operator token"));
        assertThat(text("auth-message")).contains("refused this token");
        assertNoData();
        screenshot("dashboard-wrong-token.png");
    }

    /** A fresh page load (a change of the fragment alone would not load the page again). */
    private void open(String path) {
        browser.get("about:blank");
        browser.get("http://localhost:" + port + path);
    }

    private void createDemoOrders(int count, int timeoutSeconds) {
        WebElement countField = browser.findElement(By.id("demo-count"));
        countField.clear();
        countField.sendKeys(Integer.toString(count));
        WebElement timeoutField = browser.findElement(By.id("demo-timeout"));
        timeoutField.clear();
        timeoutField.sendKeys(Integer.toString(timeoutSeconds));
        browser.findElement(By.id("demo-create")).click();
    }

    private void assertNoData() {
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#orders tbody tr"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#events li"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".tile .value")))
                .allSatisfy(
                        value -> assertThat(value.getAttribute("textContent")).isEqualTo("–"));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getAttribute("textContent").trim();
    }

    /** The Orders table, read in one script call (it re-renders as events arrive). */
    @SuppressWarnings("unchecked")
    private Map<String, Row> rows() {
        List<List<String>> cells = (List<List<String>>) ((JavascriptExecutor) browser)
                .executeScript(
                        "return [...document.querySelectorAll('#orders tbody tr')].map(tr => [tr.dataset.orderId,"
                                + " tr.dataset.status, (tr.querySelector('.countdown') || {}).textContent || '']);");
        return cells.stream().collect(Collectors.toMap(c -> c.get(0), c -> new Row(c.get(1), c.get(2)), (a, b) -> a));
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private record Row(String status, String countdown) {}
}
