package dev.natter.functions.command;

import dev.natter.events.ChatEvents;
import dev.natter.events.RejectedMessage;
import dev.natter.functions.Replies;
import io.cloudevents.CloudEvent;
import org.springframework.stereotype.Component;

/** The events commands answer with, from the command function's source. */
@Component
class CommandReplies {

  private final Replies replies;

  CommandReplies(Replies replies) {
    this.replies = replies;
  }

  /** An event everyone in the room sees. */
  CloudEvent everyone(CloudEvent submitted, String type, Object data) {
    return replies.reply(submitted, RunCommand.NAME, type, data);
  }

  /** An event only {@code author} sees. */
  CloudEvent author(CloudEvent submitted, String author, String type, Object data) {
    return replies.privateReply(submitted, RunCommand.NAME, type, data, author);
  }

  /** A rejection only {@code author} sees. */
  CloudEvent rejected(CloudEvent submitted, String author, String reason, String detail) {
    var rejection = new RejectedMessage(author, reason, detail, submitted.getId());
    return author(submitted, author, ChatEvents.MESSAGE_REJECTED, rejection);
  }
}
