package dev.natter.events.jms;

import io.cloudevents.SpecVersion;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.core.message.impl.BaseGenericBinaryMessageReaderImpl;
import io.cloudevents.rw.CloudEventRWException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Collections;
import java.util.function.BiConsumer;

/** Reads a CloudEvent that {@link JmsMessageWriter} wrote. */
final class JmsMessageReader extends BaseGenericBinaryMessageReaderImpl<String, Object> {

  private static final String CONTENT_TYPE = JmsCloudEvents.property("datacontenttype");

  private final Message message;

  JmsMessageReader(SpecVersion version, byte[] body, Message message) {
    super(version, body == null || body.length == 0 ? null : BytesCloudEventData.wrap(body));
    this.message = message;
  }

  @Override
  protected boolean isContentTypeHeader(String key) {
    return CONTENT_TYPE.equals(key);
  }

  @Override
  protected boolean isCloudEventsHeader(String key) {
    return key.startsWith(JmsCloudEvents.PREFIX);
  }

  @Override
  protected String toCloudEventsKey(String key) {
    return key.substring(JmsCloudEvents.PREFIX.length());
  }

  @Override
  protected void forEachHeader(BiConsumer<String, Object> fn) {
    try {
      for (Object name : Collections.list(message.getPropertyNames())) {
        fn.accept((String) name, message.getObjectProperty((String) name));
      }
    } catch (JMSException e) {
      throw CloudEventRWException.newOther(e);
    }
  }

  @Override
  protected String toCloudEventsValue(Object value) {
    return value.toString();
  }
}
