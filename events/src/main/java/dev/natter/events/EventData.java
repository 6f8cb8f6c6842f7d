package dev.natter.events;

import io.cloudevents.CloudEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the JSON data of chat events. */
public final class EventData {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private EventData() {}

  /** The JSON bytes of {@code data}. */
  public static byte[] write(Object data) {
    return MAPPER.writeValueAsBytes(data);
  }

  /** The data of {@code event} as {@code type}; a missing or unreadable body is an error. */
  public static <T> T read(CloudEvent event, Class<T> type) {
    if (event.getData() == null) {
      throw new InvalidEventException("data", "The event has no data");
    }
    try {
      T data = MAPPER.readValue(event.getData().toBytes(), type);
      if (data == null) {
        throw new InvalidEventException("data", "The data is null, not a " + type.getSimpleName());
      }
      return data;
    } catch (JacksonException e) {

      throw new InvalidEventException("data", "The data is not a valid " + type.getSimpleName());
    }
  }
}
