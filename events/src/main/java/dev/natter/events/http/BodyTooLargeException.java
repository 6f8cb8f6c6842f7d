package dev.natter.events.http;

import java.io.IOException;
import java.io.InputStream;

/** A request body over the configured limit. */
public class BodyTooLargeException extends RuntimeException {

  BodyTooLargeException(long limit) {
    super("The request body is larger than the limit of " + limit + " bytes");
  }

  /**
   * Reads a request body of at most {@code limit} bytes, refusing a larger one without reading it
   * whole.
   */
  public static byte[] read(InputStream body, long declaredLength, int limit) throws IOException {
    if (declaredLength > limit) {
      throw new BodyTooLargeException(limit);
    }
    try (InputStream in = body) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new BodyTooLargeException(limit);
      }
      return bytes;
    }
  }
}
