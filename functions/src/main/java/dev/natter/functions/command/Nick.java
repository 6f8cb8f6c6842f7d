package dev.natter.functions.command;

import dev.natter.events.ChatEvents;
import dev.natter.events.Nicks;
import io.cloudevents.CloudEvent;
import org.springframework.stereotype.Component;

/**
 * {@code /nick newname}: checks the new nick and tells its author's page, which signs in under it;
 * the gateway, which holds nicks, decides whether it is free.
 */
@Component
class Nick implements Command {

  private final CommandReplies replies;

  Nick(CommandReplies replies) {
    this.replies = replies;
  }

  /** Data of {@code chat.nick.requested}. */
  record NickRequested(String author, String nick, String submissionId) {}

  @Override
  public String name() {
    return "nick";
  }

  @Override
  public String usage() {
    return "/nick <new nick>";
  }

  @Override
  public String description() {
    return "Go by another nick";
  }

  @Override
  public CloudEvent run(CloudEvent submitted, String author, String arguments) {
    String nick = Nicks.normalise(arguments);
    if (!Nicks.isValid(nick)) {
      return replies.rejected(submitted, author, "bad-nick", "A nick is " + Nicks.RULE);
    }
    var requested = new NickRequested(author, nick, submitted.getId());
    return replies.author(submitted, author, ChatEvents.NICK_REQUESTED, requested);
  }
}
