package dev.natter.functions.command;

import dev.natter.events.ChatEvents;
import dev.natter.functions.message.MessageText;
import io.cloudevents.CloudEvent;
import org.springframework.stereotype.Component;

/** {@code /topic ...}: sets what the room is about; the broker keeps it across restarts. */
@Component
class Topic implements Command {

  static final int MAX_LENGTH = 200;

  private final CommandReplies replies;

  Topic(CommandReplies replies) {
    this.replies = replies;
  }

  /** Data of {@code chat.topic.changed}; an empty topic clears it. */
  record TopicChanged(String author, String topic, String submissionId) {}

  @Override
  public String name() {
    return "topic";
  }

  @Override
  public String usage() {
    return "/topic <text>";
  }

  @Override
  public String description() {
    return "Set the room's topic (nothing clears it)";
  }

  @Override
  public CloudEvent run(CloudEvent submitted, String author, String arguments) {
    String topic = MessageText.normalise(arguments);
    if (topic.codePointCount(0, topic.length()) > MAX_LENGTH) {
      return replies.rejected(
          submitted, author, "too-long", "A topic is at most " + MAX_LENGTH + " characters");
    }
    var changed = new TopicChanged(author, topic, submitted.getId());
    return replies.everyone(submitted, ChatEvents.TOPIC_CHANGED, changed);
  }
}
