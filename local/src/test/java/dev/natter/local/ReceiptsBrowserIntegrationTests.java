package dev.natter.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page shows what became of each of one's messages: sending, accepted, then posted with the
 * function and trace that produced it, or failed when Natter gave up delivering it.
 */
@ExtendWith(NatterExtension.class)
class ReceiptsBrowserIntegrationTests {

  /** Records every state each message of the page goes through, in order. */
  static final String WATCH_STATES =
      """
      window.natterStates = [];
      new MutationObserver((changes) => changes.forEach((change) => {
        const nodes = change.type === 'attributes' ? [change.target] : [...change.addedNodes];
        nodes.filter((node) => node.dataset && node.dataset.state)
          .forEach((node) => window.natterStates.push(node.dataset.state));
      })).observe(document.getElementById('messages'),
        { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
      """;

  /** A stack whose post-message function never answers: submissions are dead-lettered. */
  static LocalStack broken;

  final LocalStack stack;
  ChromeDriver page;

  ReceiptsBrowserIntegrationTests(LocalStack stack) {
    this.stack = stack;
  }

  @BeforeAll
  static void startABrokenStack() throws Exception {
    Path apps = Path.of(System.getProperty("natter.apps-dir", "target/apps"));
    var ports =
        new LocalStack.Ports(
            NatterExtension.freePort(),
            NatterExtension.freePort(),
            NatterExtension.freePort(),
            NatterExtension.freePort());
    Map<String, String> failingDelivery =
        Map.of(
            "NATTER_POST_MESSAGE_URL", "http://localhost:" + NatterExtension.freePort() + "/",
            "NATTER_DELIVERY_RETRY", "1",
            "NATTER_DELIVERY_BACKOFF_DELAY", "PT0.2S");
    broken =
        new LocalStack(
            apps, Files.createTempDirectory("natter-broken"), ports, Map.of(), failingDelivery);
    broken.start();
  }

  @AfterAll
  static void stopTheBrokenStack() throws Exception {
    broken.close();
  }

  @BeforeEach
  void openPage() throws Exception {
    page = Browsers.open();
  }

  @AfterEach
  void closePage() {
    page.quit();
  }

  void signIn(LocalStack on, String nick) {
    Browsers.signIn(page, on.ports().gateway(), nick);
    page.executeScript(WATCH_STATES);
  }

  /** The page's message in {@code state} that says {@code text}, once there is one. */
  WebElement awaitMessage(String state, String text, Duration timeout) {
    By inState = By.cssSelector("#messages .message[data-state='" + state + "']");
    return new WebDriverWait(page, timeout)
        .until(
            driver ->
                driver.findElements(inState).stream()
                    .filter(item -> item.getText().contains(text))
                    .findFirst()
                    .orElse(null));
  }

  void send(String text) {
    page.findElement(By.id("message-input")).sendKeys(text);
    page.findElement(By.cssSelector("#send-form button")).click();
  }

  @SuppressWarnings("unchecked")
  List<String> states() {
    return (List<String>) page.executeScript("return window.natterStates;");
  }

  @Test
  void showsAMessageSendingThenAcceptedThenPostedByItsFunction() throws Exception {
    signIn(stack, "rita-receipts");

    send("did it arrive?");

    WebElement posted = awaitMessage("posted", "did it arrive?", Duration.ofSeconds(10));
    assertThat(states()).containsSubsequence("sending", "accepted", "posted");
    WebElement receipt = posted.findElement(By.className("receipt"));
    assertThat(receipt.getText()).isEqualTo("✓✓");
    assertThat(receipt.getAttribute("aria-label")).isEqualTo("posted");
    assertThat(posted.getAttribute("data-source")).isEqualTo("/natter/functions/post-message");
    assertThat(posted.getAttribute("data-trace")).matches("[0-9a-f]{32}");
    assertThat(posted.findElement(By.className("time")).getAttribute("title"))
        .contains("/natter/functions/post-message", posted.getAttribute("data-trace"));
    Browsers.screenshot(page, "receipt-posted");
  }

  @Test
  void showsAMessageNatterCouldNotDeliverAsFailed() throws Exception {
    signIn(broken, "fred-receipts");

    send("nobody will answer this");

    WebElement failed = awaitMessage("failed", "nobody will answer this", Duration.ofSeconds(20));
    assertThat(failed.getText()).contains("could not deliver");
    assertThat(failed.findElement(By.className("receipt")).getAttribute("aria-label"))
        .startsWith("failed");
    assertThat(states()).containsSubsequence("sending", "accepted", "failed");
    Browsers.screenshot(page, "receipt-failed");
  }
}
