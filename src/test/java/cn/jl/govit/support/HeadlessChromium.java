package cn.jl.govit.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its chromedriver (no Selenium Manager, no network): a fresh profile
 * under the build directory, 1366×768, a browser that asks for English so that the tests prove the pages stay
 * Chinese unless the user switches. Screenshots go to {@code <build>/screenshots}.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final WebDriver driver;
    private final Path screenshots;

    private HeadlessChromium(WebDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    public static HeadlessChromium start() throws IOException {
        Path target = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().getParent();
        Path screenshots = Files.createDirectories(target.resolve("screenshots"));
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1366,768", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory(target, "chromium-profile-"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(driver, screenshots);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waitFor() {
        // htmx swaps replace elements while a condition reads them: a stale element means "look again", not failure
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Clicks by script, so that a sticky bar over the element at 1366×768 cannot intercept the click. */
    public void click(By by) {
        click(driver.findElement(by));
    }

    /** Clicks the element even when a sticky bar or a toast lies over it at the moment (a script click). */
    public void click(org.openqa.selenium.WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
    }

    /** Signs in through the login form at {@code loginUrl} and waits for the signed-in page. */
    public void signIn(String loginUrl, String username, String password) {
        driver.get(loginUrl);
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=current-user]")));
    }

    /** Signs out through the navigation bar's form and waits for the login page. */
    public void signOut() {
        click(By.cssSelector("form[action='/logout'] button[type=submit]"));
        waitFor().until(ExpectedConditions.urlContains("/login"));
    }

    /** The whole page from its top, not only the first screen: the window grows to the document's height for the shot. */
    public void fullPageScreenshot(String name) throws IOException {
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        Object height = ((JavascriptExecutor) driver)
                .executeScript("window.scrollTo(0, 0); return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(), ((Number) height).intValue() + 100));
        screenshot(name);
        driver.manage().window().setSize(before);
    }

    public void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
