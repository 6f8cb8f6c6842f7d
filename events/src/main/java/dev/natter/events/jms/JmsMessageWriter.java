package dev.natter.events.jms;

import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.message.MessageWriter;
import io.cloudevents.rw.CloudEventRWException;
import io.cloudevents.rw.CloudEventWriter;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;

/** Writes a CloudEvent into a JMS message in binary mode: attributes as properties. */
final class JmsMessageWriter
    implements MessageWriter<JmsMessageWriter, BytesMessage>, CloudEventWriter<BytesMessage> {

  private final BytesMessage message;

  JmsMessageWriter(BytesMessage message) {
    this.message = message;
  }

  @Override
  public JmsMessageWriter create(SpecVersion version) {
    put("specversion", version.toString());
    return this;
  }

  @Override
  public JmsMessageWriter withContextAttribute(String name, String value) {
    put(name, value);
    return this;
  }

  @Override
  public BytesMessage end(CloudEventData data) {
    try {
      message.writeBytes(data.toBytes());
    } catch (JMSException e) {
      throw CloudEventRWException.newOther(e);
    }
    return message;
  }

  @Override
  public BytesMessage end() {
    return message;
  }

  @Override
  public BytesMessage setEvent(EventFormat format, byte[] value) {
    throw new UnsupportedOperationException("Events travel the broker in binary mode only");
  }

  private void put(String attribute, String value) {
    try {
      message.setStringProperty(JmsCloudEvents.property(attribute), value);
    } catch (JMSException e) {
      throw CloudEventRWException.newOther(e);
    }
  }
}
