package dev.natter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nothing a room holds is lost when every component, Artemis included, restarts. */
@ExtendWith(NatterExtension.class)
class RestartIntegrationTests {

  static final Duration PATIENCE = Duration.ofSeconds(20);

  final LocalStack stack;

  RestartIntegrationTests(LocalStack stack) {
    this.stack = stack;
  }

  static List<String> texts(ChatClient client, String room) throws Exception {
    return JsonPath.read(client.get("/api/rooms/" + room + "/messages").body(), "$[*].text");
  }

  @Test
  void historyAndTopicSurviveRestartingEverything() throws Exception {
    ChatClient kim = new ChatClient(stack).signIn("kim");
    try (ChatClient.Events stream = kim.follow("durable")) {
      kim.say("durable", "first");
      kim.say("durable", "second");
      // Messages and commands are answered by different functions, whose replies may cross.
      stream.next("chat.message.posted", PATIENCE);
      stream.next("chat.message.posted", PATIENCE);
      kim.say("durable", "/topic Kept across restarts");
      stream.next("chat.topic.changed", PATIENCE);
    }

    stack.close();
    stack.start();

    ChatClient reader = new ChatClient(stack);
    await().until(() -> texts(reader, "durable").containsAll(List.of("first", "second")));
    assertThat(texts(reader, "durable")).containsExactly("first", "second", "Kept across restarts");
    String room = reader.get("/api/rooms/durable").body();
    assertThat(JsonPath.<String>read(room, "$.topic")).isEqualTo("Kept across restarts");
  }
}
