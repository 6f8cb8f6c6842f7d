package dev.natter.events;

import io.cloudevents.CloudEvent;

/** Natter's rules on top of the CloudEvents specification, checked wherever events enter. */
public final class ChatContract {

  private ChatContract() {}

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
