package dev.natter.functions.message;

import dev.natter.events.ChatEvents;
import dev.natter.events.EventData;
import dev.natter.events.InvalidEventException;
import dev.natter.events.PostedMessage;
import dev.natter.events.RejectedMessage;
import dev.natter.events.SubmittedMessage;
import dev.natter.functions.Replies;
import io.cloudevents.CloudEvent;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Turns a submitted message into the posted message everyone sees, or into a rejection its author
 * sees.
 */
@Component("postMessage")
class PostMessage implements Function<CloudEvent, CloudEvent> {

  static final String NAME = "post-message";

  private final Replies replies;
  private final MessageProperties properties;

  PostMessage(Replies replies, MessageProperties properties) {
    this.replies = replies;
    this.properties = properties;
  }

  @Override
  public CloudEvent apply(CloudEvent submitted) {
    SubmittedMessage message = EventData.read(submitted, SubmittedMessage.class);
    if (message.author() == null || message.author().isBlank() || message.text() == null) {
      throw new InvalidEventException("data", "A submitted message needs an author and a text");
    }
    String text = MessageText.normalise(message.text());
    MessageText.Refusal refusal = MessageText.check(text, properties.maxLength());
    if (refusal != null) {
      return replies.privateReply(
          submitted,
          NAME,
          ChatEvents.MESSAGE_REJECTED,
          rejection(message, refusal, submitted),
          message.author());
    }
    var posted = new PostedMessage(message.author(), text, submitted.getId());
    return replies.reply(submitted, NAME, ChatEvents.MESSAGE_POSTED, posted);
  }

  private static RejectedMessage rejection(
      SubmittedMessage message, MessageText.Refusal refusal, CloudEvent submitted) {
    return new RejectedMessage(
        message.author(), refusal.reason(), refusal.detail(), submitted.getId());
  }
}
