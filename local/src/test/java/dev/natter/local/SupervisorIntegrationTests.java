package dev.natter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What ./natter does when a component dies on its own: it starts it again. */
@ExtendWith(NatterExtension.class)
class SupervisorIntegrationTests {

  final LocalStack stack;

  SupervisorIntegrationTests(LocalStack stack) {
    this.stack = stack;
  }

  long pidOf(String name) {
    try {
      AppProcess app = stack.app(name);
      return app.isAlive() ? app.pid() : -1;
    } catch (IllegalArgumentException restarting) {
      return -1;
    }
  }

  @Test
  void startsAComponentThatDiedAgainAndTheChatGoesOn() throws Exception {
    AtomicBoolean gaveUp = new AtomicBoolean();
    AtomicBoolean done = new AtomicBoolean();
    new Supervisor(stack, () -> gaveUp.set(true), done::get).watch("functions");
    try {
      long crashed = pidOf("functions");
      ProcessHandle.of(crashed).orElseThrow().destroyForcibly();

      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> pidOf("functions") > 0 && pidOf("functions") != crashed);
      stack.app("functions").awaitReady(Duration.ofMinutes(1));
      ChatClient writer = new ChatClient(stack).signIn("supervised");
      try (ChatClient.Events stream = new ChatClient(stack).follow("supervised")) {
        writer.say("supervised", "still here");
        var posted = stream.next("chat.message.posted", Duration.ofSeconds(30));
        assertThat((String) JsonPath.read(posted.get("data"), "$.data.text"))
            .isEqualTo("still here");
      }
      assertThat(gaveUp).isFalse();
    } finally {
      done.set(true);
    }
  }
}
