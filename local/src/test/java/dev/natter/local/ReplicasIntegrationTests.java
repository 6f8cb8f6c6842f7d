package dev.natter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two gateway replicas share one broker: whatever one shows, the other shows too. */
@ExtendWith(NatterExtension.class)
class ReplicasIntegrationTests {

  static final Duration PATIENCE = Duration.ofSeconds(20);

  final LocalStack stack;

  ReplicasIntegrationTests(LocalStack stack) {
    this.stack = stack;
  }

  static List<String> members(ChatClient client, String room) throws Exception {
    return JsonPath.read(client.get("/api/rooms/" + room + "/members").body(), "$");
  }

  @Test
  void clientsOnTwoReplicasSeeEachOthersMessagesAndPresence() throws Exception {
    AppProcess second = stack.startGateway("gateway-2", NatterExtension.freePort());
    ChatClient ivy = new ChatClient(stack).signIn("ivy");
    ChatClient jack = new ChatClient(second.port()).signIn("jack");

    try (ChatClient.Events ivys = ivy.follow("replicas");
        ChatClient.Events jacks = jack.follow("replicas")) {
      ivy.say("replicas", "from the first gateway");
      jack.say("replicas", "from the second gateway");

      Map<String, String> atJack = jacks.next("chat.message.posted", PATIENCE);
      assertThat((String) JsonPath.read(atJack.get("data"), "$.data.text"))
          .isEqualTo("from the first gateway");
      ivys.next("chat.message.posted", PATIENCE);
      Map<String, String> atIvy = ivys.next("chat.message.posted", PATIENCE);
      assertThat((String) JsonPath.read(atIvy.get("data"), "$.data.text"))
          .isEqualTo("from the second gateway");
      await().until(() -> members(jack, "replicas").containsAll(List.of("ivy", "jack")));
      assertThat(members(ivy, "replicas")).containsExactly("ivy", "jack");

      second.kill();

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> members(ivy, "replicas").equals(List.of("ivy")));
      assertThat(ivys.next("chat.member.left", PATIENCE).get("data")).contains("jack");
    }
  }

  @Test
  void aSessionSignedOutOnOneReplicaIsRefusedOnAll() throws Exception {
    AppProcess second = stack.startGateway("gateway-3", NatterExtension.freePort());
    ChatClient kim = new ChatClient(stack).signIn("kim");
    ChatClient kimElsewhere = kim.at(second.port());
    assertThat(kimElsewhere.trySay("replicas", "hello from the second gateway")).isEqualTo(202);

    assertThat(kim.signOut()).isEqualTo(204);

    assertThat(kim.trySay("replicas", "still me?")).isEqualTo(401);
    await().atMost(PATIENCE).until(() -> kimElsewhere.trySay("replicas", "still me?") == 401);
    second.kill();
  }
}
