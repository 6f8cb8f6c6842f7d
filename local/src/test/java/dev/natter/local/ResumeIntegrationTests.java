package dev.natter.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Streams resume across a crash of the gateway, losing and repeating nothing (C5). */
@ExtendWith(NatterExtension.class)
class ResumeIntegrationTests {

  static final Duration PATIENCE = Duration.ofSeconds(20);

  final LocalStack stack;

  ResumeIntegrationTests(LocalStack stack) {
    this.stack = stack;
  }

  static String text(Map<String, String> event) {
    return JsonPath.read(event.get("data"), "$.data.text");
  }

  @Test
  void resumesAfterTheGatewayCrashedWithEveryMissedMessageOnce() throws Exception {
    ChatClient writer = new ChatClient(stack).signIn("resume-writer");
    String lastEventId;
    try (ChatClient.Events stream = new ChatClient(stack).follow("resume")) {
      for (int i = 1; i <= 5; i++) {
        writer.say("resume", "before " + i);
      }
      Map<String, String> last = null;
      for (int i = 1; i <= 5; i++) {
        last = stream.next("chat.message.posted", PATIENCE);
        assertThat(text(last)).isEqualTo("before " + i);
      }
      lastEventId = last.get("id");
    }

    stack.crashAndRestart("gateway");
    writer.say("resume", "after 6");
    writer.say("resume", "after 7");

    try (ChatClient.Events resumed = new ChatClient(stack).resume(lastEventId, "resume")) {
      List<String> texts = new ArrayList<>();
      texts.add(text(resumed.next("chat.message.posted", PATIENCE)));
      texts.add(text(resumed.next("chat.message.posted", PATIENCE)));
      resumed.drain(Duration.ofSeconds(1)).stream()
          .filter(event -> "chat.message.posted".equals(event.get("event")))
          .forEach(event -> texts.add(text(event)));
      assertThat(texts).containsExactly("after 6", "after 7");
    }
  }
}
