package dev.natter.events.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes events in the CloudEvents JSON format, always as valid JSON: data labelled JSON that is
 * not goes into {@code data_base64} instead of breaking the document.
 */
public final class EventJson {

  private static final JsonFormat FORMAT = new JsonFormat();
  private static final JsonFormat BASE64 = new JsonFormat().withForceJsonDataToBase64();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventJson() {}

  /** The event as one JSON object. */
  public static String write(CloudEvent event) {
    JsonFormat format = hasValidData(event) ? FORMAT : BASE64;
    return new String(format.serialize(event), StandardCharsets.UTF_8);
  }

  private static boolean hasValidData(CloudEvent event) {
    String type = event.getDataContentType();
    if (event.getData() == null || type == null || !type.contains("json")) {
      return true;
    }
    try {
      MAPPER.readTree(event.getData().toBytes());
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
