package dev.natter.functions.command;

import dev.natter.events.ChatEvents;
import dev.natter.functions.message.MessageText;
import io.cloudevents.CloudEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code /me waves}: an action told in the third person. */
@Component
class Me implements Command {

  private final CommandReplies replies;
  private final int maxLength;

  Me(CommandReplies replies, @Value("${natter.messages.max-length:2000}") int maxLength) {
    this.replies = replies;
    this.maxLength = maxLength;
  }

  /** Data of {@code chat.action.posted}. */
  record ActionPosted(String author, String text, String submissionId) {}

  @Override
  public String name() {
    return "me";
  }

  @Override
  public String usage() {
    return "/me <action>";
  }

  @Override
  public String description() {
    return "Describe what you do, in the third person";
  }

  @Override
  public CloudEvent run(CloudEvent submitted, String author, String arguments) {
    String text = MessageText.normalise(arguments);
    MessageText.Refusal refusal = MessageText.check(text, maxLength);
    if (refusal != null) {
      return replies.rejected(
          submitted, author, refusal.reason(), "/me needs an action: " + refusal.detail());
    }
    var action = new ActionPosted(author, text, submitted.getId());
    return replies.everyone(submitted, ChatEvents.ACTION_POSTED, action);
  }
}
