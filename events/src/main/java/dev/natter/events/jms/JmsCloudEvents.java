package dev.natter.events.jms;

import dev.natter.events.ChatEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * Maps CloudEvents to and from JMS messages on the broker: each attribute becomes a string property
 * {@code ce_<name>}, so that Artemis filters can select on it, and the data is the message body.
 */
public final class JmsCloudEvents {

  /** Prefix of the message property that carries an event attribute. */
  public static final String PREFIX = "ce_";

  /** Artemis duplicate detection: messages with the same value are dropped. */
  public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

  /** The duplicate-detection key of an event: its source and id, which identify it. */
  public static String duplicateKey(CloudEvent event) {
    return event.getSource() + " " + event.getId();
  }

  /** JMS message groups: Artemis delivers one group's messages in order to one consumer. */
  public static final String GROUP_ID = "JMSXGroupID";

  private JmsCloudEvents() {}

  /** The message property that carries {@code attribute}. */
  public static String property(String attribute) {
    return PREFIX + attribute;
  }

  /** Writes {@code event} into an empty message, grouped by room. */
  public static BytesMessage write(CloudEvent event, BytesMessage message) throws JMSException {
    new JmsMessageWriter(message).writeBinary(event);
    Object room = event.getExtension(ChatEvents.ROOM);
    if (room != null) {
      message.setStringProperty(GROUP_ID, room.toString());
    }
    return message;
  }

  /** Reads the event a message carries. */
  public static CloudEvent read(Message message) throws JMSException {
    String version = message.getStringProperty(property("specversion"));
    byte[] body = message instanceof BytesMessage bytes ? body(bytes) : null;
    return new JmsMessageReader(SpecVersion.parse(version), body, message).toEvent();
  }

  private static byte[] body(BytesMessage message) throws JMSException {
    message.reset();
    byte[] body = new byte[(int) message.getBodyLength()];
    message.readBytes(body);
    return body;
  }
}
