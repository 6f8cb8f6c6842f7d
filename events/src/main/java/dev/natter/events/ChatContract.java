package dev.natter.events;

import io.cloudevents.CloudEvent;
import java.util.Locale;

/** Natter's rules on top of the CloudEvents specification, checked wherever events enter. */
public final class ChatContract {

  private ChatContract() {}

  /**
   * A submission names its author by a valid nick and carries a text, so that what any producer
   * submits could have come from the chat page.
   */
  public static void checkSubmission(CloudEvent event) {
    if (!ChatEvents.MESSAGE_SUBMITTED.equals(event.getType())) {
      return;
    }
    String contentType = event.getDataContentType();
    if (contentType == null
        || !contentType
            .toLowerCase(Locale.ROOT)
            .matches("application/([\\w.-]+\\+)?json\\s*(;.*)?")) {
      throw new InvalidEventException("datacontenttype", "A submission's data is application/json");
    }
    SubmittedMessage message = EventData.read(event, SubmittedMessage.class);
    if (message.author() == null || !Nicks.isValid(Nicks.normalise(message.author()))) {
      throw new InvalidEventException("data", "The data's author must be a nick: " + Nicks.RULE);
    }
    if (message.text() == null) {
      throw new InvalidEventException("data", "The data needs a text");
    }
  }

  /** Chat events name a valid room; any event that names a room names a valid one. */
  public static void check(CloudEvent event) {
    Object room = event.getExtension(ChatEvents.ROOM);
    if (room == null && event.getType().startsWith(ChatEvents.TYPE_PREFIX)) {
      throw new InvalidEventException(
          ChatEvents.ROOM, "Chat events need the extension attribute 'room'");
    }
    if (room != null && !Rooms.isValid(room.toString())) {
      throw new InvalidEventException(ChatEvents.ROOM, "Attribute 'room' must be " + Rooms.RULE);
    }
  }
}
