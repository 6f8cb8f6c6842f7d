package dev.natter.events;

import io.cloudevents.CloudEvent;
import org.slf4j.MDC;

/** Puts an event's id, type and room in the logging context, so one event's path can be found. */
public final class EventMdc implements AutoCloseable {

  private EventMdc() {}

  /** Adds {@code event} to the context until the returned handle is closed. */
  public static EventMdc put(CloudEvent event) {
    MDC.put("ce-id", event.getId());
    MDC.put("ce-type", event.getType());
    Object room = event.getExtension(ChatEvents.ROOM);
    if (room != null) {
      MDC.put(ChatEvents.ROOM, room.toString());
    }
    return new EventMdc();
  }

  @Override
  public void close() {
    MDC.remove("ce-id");
    MDC.remove("ce-type");
    MDC.remove(ChatEvents.ROOM);
  }
}
