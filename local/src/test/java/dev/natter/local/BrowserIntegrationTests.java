package dev.natter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Two people chatting in real headless Chromium pages. */
@ExtendWith(NatterExtension.class)
class BrowserIntegrationTests {

  final LocalStack stack;
  ChromeDriver alice;
  ChromeDriver bob;

  BrowserIntegrationTests(LocalStack stack) {
    this.stack = stack;
  }

  @BeforeEach
  void openTwoPages() throws Exception {
    alice = Browsers.open();
    bob = Browsers.open();
  }

  @AfterEach
  void closePages() {
    alice.quit();
    bob.quit();
  }

  void signIn(ChromeDriver page, String nick) {
    page.get("http://localhost:" + stack.ports().gateway() + "/");
    page.findElement(By.id("nick")).sendKeys(nick);
    page.findElement(By.cssSelector("#login-form button")).click();
    new WebDriverWait(page, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBe(By.id("connection"), "connected"));
  }

  void send(ChromeDriver page, String text) {
    WebElement input = page.findElement(By.id("message-input"));
    input.sendKeys(text);
    page.findElement(By.cssSelector("#send-form button")).click();
  }

  static List<String> texts(ChromeDriver page) {
    return page
        .findElements(By.cssSelector("#messages .message[data-state='posted'] .text"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void messageSentInOnePageAppearsInTheOtherWithinTwoSeconds() throws Exception {
    signIn(alice, "alice-browser");
    signIn(bob, "bob-browser");

    send(alice, "Hello from Alice");

    new WebDriverWait(bob, Duration.ofSeconds(2))
        .until(page -> texts(bob).contains("Hello from Alice"));
    new WebDriverWait(alice, Duration.ofSeconds(2))
        .until(page -> texts(alice).contains("Hello from Alice"));
    Browsers.screenshot(bob, "two-pages-bob");
    assertThat(Browsers.screenshot(alice, "two-pages-alice")).exists().isNotEmptyFile();
  }

  @Test // C16
  void showsMarkupAsLiteralText() throws Exception {
    signIn(alice, "alice-markup");
    signIn(bob, "bob-markup");
    String markup = "<img src=x onerror=alert(1)>";

    send(alice, markup);

    new WebDriverWait(bob, Duration.ofSeconds(5)).until(page -> texts(bob).contains(markup));
    assertThat(bob.findElements(By.cssSelector("#messages img"))).isEmpty();
    assertThatThrownBy(() -> bob.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }
}
