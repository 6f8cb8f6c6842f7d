package dev.natter.gateway.presence;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

/**
 * One fact about who is online, as kept in the broker's last-value queue: a nick's claim, or a
 * nick's presence in a room through one gateway.
 *
 * @param kind {@code claim} or {@code member}
 * @param key the nick's uniqueness key
 * @param nick the nick as shown
 * @param room the room, for members
 * @param session the session holding the claim or presence
 * @param gateway the gateway replica that wrote the record
 * @param since when the claim or the membership began (a membership keeps the time its first
 *     gateway saw it, so every replica names it alike)
 * @param expires when the record lapses unless refreshed, epoch milliseconds
 * @param present whether the member is present; {@code false} records a leave
 */
record PresenceRecord(
    String kind,
    String key,
    String nick,
    String room,
    String session,
    String gateway,
    long since,
    long expires,
    boolean present) {

  static final String CLAIM = "claim";
  static final String MEMBER = "member";

  /** The last-value key: one record per claim, and per member, room and gateway. */
  String lastValueKey() {
    return CLAIM.equals(kind) ? CLAIM + ":" + key : MEMBER + ":" + room + ":" + key + ":" + gateway;
  }

  boolean isLive(long now) {
    return present && expires > now;
  }

  Message toMessage(Session session) throws JMSException {
    Message message = session.createMessage();
    message.setStringProperty("_AMQ_LVQ_NAME", lastValueKey());
    message.setStringProperty("kind", kind);
    message.setStringProperty("key", key);
    message.setStringProperty("nick", nick);
    message.setStringProperty("room", room);
    message.setStringProperty("session", this.session);
    message.setStringProperty("gateway", gateway);
    message.setLongProperty("since", since);
    message.setLongProperty("expires", expires);
    message.setBooleanProperty("present", present);
    return message;
  }

  static PresenceRecord of(Message message) throws JMSException {
    return new PresenceRecord(
        message.getStringProperty("kind"),
        message.getStringProperty("key"),
        message.getStringProperty("nick"),
        message.getStringProperty("room"),
        message.getStringProperty("session"),
        message.getStringProperty("gateway"),
        message.getLongProperty("since"),
        message.getLongProperty("expires"),
        message.getBooleanProperty("present"));
  }
}
