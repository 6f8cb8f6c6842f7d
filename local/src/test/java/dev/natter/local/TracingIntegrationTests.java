package dev.natter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace follows a message from the page's post through gateway, bridge and function back to the
 * stream, and every component's log lines of the event carry its id and that trace.
 */
@ExtendWith(NatterExtension.class)
class TracingIntegrationTests {

  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String PAGE_SPAN = "00f067aa0ba902b7";

  final LocalStack stack;

  TracingIntegrationTests(LocalStack stack) {
    this.stack = stack;
  }

  @Test
  void theTraceOfThePagesPostReachesTheStreamAndEveryComponentsLog() throws Exception {
    ChatClient tracy = new ChatClient(stack).signIn("tracy");

    String submission;
    Map<String, String> posted;
    try (ChatClient.Events stream = tracy.follow("traced")) {
      submission =
          tracy.say(
              "traced",
              "where did I go?",
              Map.of("traceparent", "00-" + TRACE + "-" + PAGE_SPAN + "-01"));
      posted = stream.next("chat.message.posted", ChatIntegrationTests.PATIENCE);
    }

    String traceparent = JsonPath.read(posted.get("data"), "$.traceparent");
    assertThat(traceparent).startsWith("00-" + TRACE + "-").doesNotContain(PAGE_SPAN);
    assertThat(JsonPath.<String>read(posted.get("data"), "$.source"))
        .as("the function that produced it")
        .isEqualTo("/natter/functions/post-message");
    for (String component : List.of("gateway", "broker", "functions")) {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(linesOf(component, submission))
                      .as("%s log lines of event %s", component, submission)
                      .isNotEmpty()
                      .allSatisfy(line -> assertThat(line.get("traceId")).isEqualTo(TRACE)));
    }
  }

  @Test
  void noLogLineHoldsATokenOrWhatPeopleSay() throws Exception {
    ChatClient quiet = new ChatClient(stack).signIn("quiet-one");
    // Words no log line has by chance, as digits in times and ids could.
    String secret = "my pin is quokka-zeppelin, don't tell";
    try (ChatClient.Events stream = quiet.follow("quiet")) {
      quiet.say("quiet", secret);
      stream.next("chat.message.posted", ChatIntegrationTests.PATIENCE);
    }

    for (String component : List.of("gateway", "broker", "functions")) {
      String log = Files.readString(stack.logs().resolve(component + ".log"));
      assertThat(log).as(component).doesNotContain(quiet.token()).doesNotContain("quokka");
    }
  }

  /** The JSON log lines of {@code component} that name the event {@code id}. */
  List<Map<String, Object>> linesOf(String component, String id) throws IOException {
    try (var lines = Files.lines(stack.logs().resolve(component + ".log"))) {
      return lines
          .filter(line -> line.startsWith("{") && line.contains(id))
          .map(line -> JsonPath.<Map<String, Object>>read(line, "$"))
          .filter(line -> id.equals(line.get("ce-id")))
          .toList();
    }
  }
}
