package dev.natter.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole chat through its real event path: gateway, Artemis, bridge, function and back. */
@ExtendWith(NatterExtension.class)
class ChatIntegrationTests {

  static final Duration PATIENCE = Duration.ofSeconds(20);

  final LocalStack stack;

  ChatIntegrationTests(LocalStack stack) {
    this.stack = stack;
  }

  static String data(Map<String, String> event, String path) {
    return JsonPath.read(event.get("data"), path);
  }

  @Test
  void messagePostedThroughTheGatewayReachesAnotherClientsStream() throws Exception {
    ChatClient alice = new ChatClient(stack).signIn("alice");
    ChatClient bob = new ChatClient(stack).signIn("bob");

    try (ChatClient.Events stream = bob.follow("general", "random")) {
      String submission = alice.say("general", "  hello Cafe\u0301  ");

      Map<String, String> posted = stream.next("chat.message.posted", PATIENCE);
      assertThat(data(posted, "$.data.author")).isEqualTo("alice");
      assertThat(data(posted, "$.data.text")).isEqualTo("hello Caf\u00e9");
      assertThat(data(posted, "$.data.submissionId")).isEqualTo(submission);
      assertThat(data(posted, "$.room")).isEqualTo("general");
      assertThat(posted.get("id")).matches("\\d+");
    }
  }

  @Test
  void eventPostedToTheIngressReachesTheStream() throws Exception {
    ChatClient bob = new ChatClient(stack).signIn("bob-bots");

    try (ChatClient.Events stream = bob.follow("bots")) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + stack.ports().ingress() + "/"))
              .header("ce-specversion", "1.0")
              .header("ce-id", "ingress-1")
              .header("ce-source", "/integration/test")
              .header("ce-type", "chat.message.submitted")
              .header("ce-room", "bots")
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"author\":\"deploybot\",\"text\":\"v2 is live\"}"))
              .build();
      HttpResponse<String> accepted =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(accepted.statusCode()).isEqualTo(202);

      Map<String, String> posted = stream.next("chat.message.posted", PATIENCE);
      assertThat(data(posted, "$.data.author")).isEqualTo("deploybot");
      assertThat(data(posted, "$.data.text")).isEqualTo("v2 is live");
      assertThat(data(posted, "$.data.submissionId")).isEqualTo("ingress-1");
    }
  }

  @Test
  void messageTheFunctionRejectsArrivesAsRejected() throws Exception {
    ChatClient carol = new ChatClient(stack).signIn("carol");

    try (ChatClient.Events stream = carol.follow("general")) {
      String submission = carol.say("general", "   ");

      Map<String, String> rejected = stream.next("chat.message.rejected", PATIENCE);
      assertThat(data(rejected, "$.data.reason")).isEqualTo("blank");
      assertThat(data(rejected, "$.data.submissionId")).isEqualTo(submission);
    }
  }

  @Test
  void commandsRunAsFunctionsAndPrivateAnswersReachOnlyTheirAuthor() throws Exception {
    ChatClient gina = new ChatClient(stack).signIn("gina");
    ChatClient hugo = new ChatClient(stack).signIn("hugo");

    try (ChatClient.Events ginas = gina.follow("games");
        ChatClient.Events hugos = hugo.follow("games")) {
      gina.say("games", "/help");
      gina.say("games", "/roll 2d6");

      assertThat(ginas.next("chat.help.shown", PATIENCE).get("data")).contains("/roll NdM");
      Map<String, String> rolled = hugos.next("chat.dice.rolled", PATIENCE);
      assertThat(data(rolled, "$.data.author")).isEqualTo("gina");
      assertThat(data(rolled, "$.data.dice")).isEqualTo("2d6");
      assertThat(hugos.drain(Duration.ofSeconds(1)))
          .noneMatch(event -> "chat.help.shown".equals(event.get("event")));
    }
  }

  @Test
  void historyListsPostedMessagesOldestFirst() throws Exception {
    ChatClient dave = new ChatClient(stack).signIn("dave");
    try (ChatClient.Events stream = dave.follow("history")) {
      dave.say("history", "first");
      stream.next("chat.message.posted", PATIENCE);
      dave.say("history", "second");
      stream.next("chat.message.posted", PATIENCE);
    }

    HttpResponse<String> history = dave.get("/api/rooms/history/messages?limit=10");

    assertThat(JsonPath.<List<String>>read(history.body(), "$[*].text"))
        .containsExactly("first", "second");
  }
}
