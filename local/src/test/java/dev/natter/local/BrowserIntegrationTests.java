package dev.natter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
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
    Browsers.signIn(page, stack.ports().gateway(), nick);
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

  @Test
  void reconnectsAfterTheGatewayCrashedAndMissesNothing() throws Exception {
    signIn(alice, "alice-reconnect");
    signIn(bob, "bob-reconnect");
    send(bob, "before the crash");
    new WebDriverWait(alice, Duration.ofSeconds(5))
        .until(page -> texts(alice).contains("before the crash"));

    AppProcess gateway = stack.crash("gateway");
    new WebDriverWait(alice, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBe(By.id("connection"), "reconnecting…"));
    Browsers.screenshot(alice, "reconnecting");
    stack.restart(gateway);
    // Posted as soon as the gateway is back, most likely before the pages have reconnected.
    new ChatClient(stack).signIn("carol-reconnect").say("general", "while they were away");

    new WebDriverWait(alice, Duration.ofSeconds(15))
        .until(ExpectedConditions.textToBe(By.id("connection"), "connected"));
    new WebDriverWait(bob, Duration.ofSeconds(15))
        .until(ExpectedConditions.textToBe(By.id("connection"), "connected"));
    send(bob, "after the crash");
    new WebDriverWait(alice, Duration.ofSeconds(10))
        .until(page -> texts(alice).contains("after the crash"));
    assertThat(texts(alice))
        .containsSubsequence("before the crash", "while they were away", "after the crash")
        .containsOnlyOnce("before the crash", "while they were away", "after the crash");
  }

  static List<String> notices(ChromeDriver page) {

    return page.findElements(By.cssSelector("#messages .message.notice .text")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void staysInTheRoomItWasInAfterAReload() {
    signIn(alice, "alice-reloads");

    alice.findElement(By.id("join-room")).sendKeys("reading-room", Keys.ENTER);
    new WebDriverWait(alice, Duration.ofSeconds(10))
        .until(page -> page.findElement(By.id("room-title")).getText().equals("#reading-room"));
    alice.navigate().refresh();

    new WebDriverWait(alice, Duration.ofSeconds(10))
        .until(page -> page.findElement(By.id("room-title")).getText().equals("#reading-room"));
    assertThat(alice.findElement(By.id("me")).getText()).isEqualTo("alice-reloads");
  }

  @Test
  void showsANickChangeSomeoneElseHoldsAsRejectedAndGivesTheTextBack() throws Exception {
    signIn(alice, "alice-renames");
    signIn(bob, "bob-holds");

    send(alice, "/nick bob-holds");

    WebElement rejected =
        new WebDriverWait(alice, Duration.ofSeconds(10))
            .until(
                page ->
                    page
                        .findElements(By.cssSelector("#messages .message[data-state='rejected']"))
                        .stream()
                        .findFirst()
                        .orElse(null));
    assertThat(rejected.getText()).contains("/nick bob-holds", "online already");
    assertThat(rejected.findElement(By.className("receipt")).getText()).isEqualTo("✕");
    assertThat(alice.findElement(By.id("message-input")).getAttribute("value"))
        .isEqualTo("/nick bob-holds");
    assertThat(alice.findElement(By.id("me")).getText()).isEqualTo("alice-renames");
  }

  @Test
  void runsCommandsShowsWhoIsOnlineAndLooksGoodLightAndDark() throws Exception {
    signIn(alice, "alice-commands");
    signIn(bob, "bob-commands");

    send(alice, "/roll 2d6");
    send(alice, "/me waves at @bob-commands");
    send(alice, "/help");

    new WebDriverWait(bob, Duration.ofSeconds(10))
        .until(page -> notices(bob).stream().anyMatch(text -> text.contains("rolled 2d6")));
    new WebDriverWait(bob, Duration.ofSeconds(10))
        .until(
            page -> !bob.findElements(By.cssSelector("#messages .message.mentions-me")).isEmpty());
    new WebDriverWait(alice, Duration.ofSeconds(10))
        .until(page -> notices(alice).stream().anyMatch(text -> text.contains("/roll NdM")));
    assertThat(notices(bob)).noneMatch(text -> text.contains("/roll NdM"));
    new WebDriverWait(bob, Duration.ofSeconds(10))
        .until(page -> bob.findElement(By.id("members")).getText().contains("alice-commands"));
    Browsers.screenshot(bob, "chat-light");
    bob.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    assertThat(Browsers.screenshot(bob, "chat-dark")).isNotEmptyFile();
  }

  @Test // C6
  void sevenTabsStillSendAndReceiveWithinTwoSeconds() throws Exception {
    List<String> tabs = new java.util.ArrayList<>();
    signIn(alice, "tabs-" + System.nanoTime() % 100_000);
    tabs.add(alice.getWindowHandle());
    for (int i = 2; i <= 7; i++) {
      alice.switchTo().newWindow(WindowType.TAB);
      tabs.add(alice.getWindowHandle());
      openSignedIn(alice);
    }

    alice.switchTo().window(tabs.get(6));
    send(alice, "from the seventh tab");

    for (String tab : tabs) {
      alice.switchTo().window(tab);
      new WebDriverWait(alice, Duration.ofSeconds(2))
          .until(page -> texts(alice).contains("from the seventh tab"));
    }
    alice.switchTo().window(tabs.get(0));
    send(alice, "from the first tab");
    alice.switchTo().window(tabs.get(6));
    new WebDriverWait(alice, Duration.ofSeconds(2))
        .until(page -> texts(alice).contains("from the first tab"));
  }

  /** A new tab of a browser already signed in opens the chat as the same person. */
  void openSignedIn(ChromeDriver page) {
    page.get("http://localhost:" + stack.ports().gateway() + "/");
    new WebDriverWait(page, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBe(By.id("connection"), "connected"));
  }

  /** One person per browser: every tab is them, and signing out in one signs out all. */
  @Test
  void everyTabOfABrowserIsTheSamePerson() throws Exception {
    signIn(alice, "alice-tabs");
    signIn(bob, "bob-tabs");
    String first = alice.getWindowHandle();
    alice.switchTo().newWindow(WindowType.TAB);
    openSignedIn(alice);
    assertThat(alice.findElement(By.id("me")).getText()).isEqualTo("alice-tabs");
    new WebDriverWait(bob, Duration.ofSeconds(10))
        .until(page -> bob.findElement(By.id("members")).getText().contains("alice-tabs"));

    alice.findElement(By.id("sign-out")).click();

    alice.switchTo().window(first);
    new WebDriverWait(alice, Duration.ofSeconds(5))
        .until(page -> page.findElement(By.id("login")).isDisplayed());
    assertThat(alice.findElement(By.id("login-error")).getText()).contains("another tab");
    assertThat(alice.findElements(By.cssSelector("#messages .message"))).isEmpty();
    new WebDriverWait(bob, Duration.ofSeconds(15))
        .until(page -> !bob.findElement(By.id("members")).getText().contains("alice-tabs"));
    assertThat(notices(bob)).contains("alice-tabs left");
  }

  @Test // C16
  void refusesANickThatIsMarkup() throws Exception {

    alice.get("http://localhost:" + stack.ports().gateway() + "/");
    alice.findElement(By.id("nick")).sendKeys("\"><svg onload=alert(1)>");
    alice.findElement(By.cssSelector("#login-form button")).click();

    new WebDriverWait(alice, Duration.ofSeconds(5))
        .until(page -> !page.findElement(By.id("login-error")).getText().isEmpty());
    assertThat(alice.findElements(By.tagName("svg"))).isEmpty();
    assertThatThrownBy(() -> alice.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
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
