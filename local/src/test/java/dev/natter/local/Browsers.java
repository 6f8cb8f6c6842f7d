package dev.natter.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium from the system's packages; nothing is downloaded. */
final class Browsers {

  static final String CHROMIUM = System.getProperty("natter.chromium", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("natter.chromedriver", "/usr/bin/chromedriver");

  private Browsers() {}

  static ChromeDriver open() throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1100,760",
        "--user-data-dir=" + Files.createTempDirectory("natter-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    return driver;
  }

  /** Opens the chat of the gateway on {@code port} and signs in as {@code nick}. */
  static void signIn(ChromeDriver page, int port, String nick) {
    page.get("http://localhost:" + port + "/");
    page.findElement(By.id("nick")).sendKeys(nick);
    page.findElement(By.cssSelector("#login-form button")).click();
    new WebDriverWait(page, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBe(By.id("connection"), "connected"));
  }

  /** Writes a screenshot of {@code driver}'s page under the build's report directory. */
  static Path screenshot(ChromeDriver driver, String name) throws IOException {
    Path directory = Path.of(System.getProperty("natter.reports-dir", "target"), "screenshots");
    Files.createDirectories(directory);
    Path file = directory.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }
}
