package org.amplify.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs) driven by Selenium, for tests of what a person does in the browser.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final WebDriver driver;
    private final Path profile;
    private final String baseUrl;

    public Browser(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's Chromium: "
                    + "apt-get install chromium chromium-driver (.ci/run does this)");
        }
        try {
            profile = Files.createTempDirectory("amplify-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        baseUrl = "http://localhost:" + port;
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public Browser type(String cssSelector, String text) {
        WebElement field = find(cssSelector);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks the element; found again if htmx replaced it between finding and clicking. */
    public Browser click(String cssSelector) {
        waitFor().ignoring(StaleElementReferenceException.class).until(d -> {
            find(cssSelector).click();
            return true;
        });
        return this;
    }

    public WebElement find(String cssSelector) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    /**
     * The element's attribute now. Read again if htmx replaced the element between finding and reading
     * it (a row the page refreshes): the value is the current element's, never a stale one's.
     */
    public String attribute(String cssSelector, String attribute) {
        return waitFor().ignoring(StaleElementReferenceException.class)
                .until(d -> java.util.Optional.ofNullable(find(cssSelector).getAttribute(attribute))).orElse(null);
    }

    /** The element's visible text now, read as {@link #attribute} reads (the element may be replaced meanwhile). */
    public String textOf(String cssSelector) {
        return waitFor().ignoring(StaleElementReferenceException.class).until(d -> find(cssSelector).getText());
    }

    /** Waits until the page shows the text (the page may update itself or be replaced). */
    public Browser waitForText(String text) {
        return waitForText(text, Duration.ofSeconds(15));
    }

    /** Waits up to {@code timeout} until the page shows the text: for what a background job does. */
    public Browser waitForText(String text, Duration timeout) {
        new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return this;
    }

    /** Waits up to {@code timeout} until the element's attribute satisfies the condition; returns its value. */
    public String waitForAttribute(String cssSelector, String attribute, java.util.function.Predicate<String> condition,
            Duration timeout) {
        return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(d -> {
            String value = d.findElement(By.cssSelector(cssSelector)).getAttribute(attribute);
            return value != null && condition.test(value) ? value : null;
        });
    }

    /** Runs a script in the page and returns its result. */
    public Object script(String javaScript) {
        return ((ChromeDriver) driver).executeScript(javaScript);
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public Browser signIn(String username, String password) {
        open("/login").type("#username", username).type("#password", password).click("form button[type=submit]");
        waitFor().until(d -> !d.getCurrentUrl().endsWith("/login"));
        return this;
    }

    /** Saves a PNG of the page under {@code target/screenshots/}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(name + ".png");
            Path taken = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(taken, png, StandardCopyOption.REPLACE_EXISTING);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
