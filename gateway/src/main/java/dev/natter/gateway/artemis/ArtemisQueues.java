package dev.natter.gateway.artemis;

import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.Optional;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession.QueueQuery;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.springframework.jms.connection.SessionProxy;

/** Questions about Artemis queues that JMS cannot ask. */
public final class ArtemisQueues {

  private ArtemisQueues() {}

  /**
   * {@code queue}, named fully as {@code address::queue} so that browsing it neither creates a
   * queue nor mistakes it for an address of that name; empty when it does not exist. A queue named
   * on its own is taken for the anycast address of that name, and browsing a queue of a multicast
   * address that way fails with "queue already exists".
   */
  public static Optional<Queue> find(Session session, String queue) throws JMSException {
    QueueQuery found = query(session, queue);
    if (!found.isExists()) {
      return Optional.empty();
    }
    return Optional.of(session.createQueue(found.getAddress() + "::" + queue));
  }

  private static QueueQuery query(Session session, String queue) throws JMSException {
    Session target = session instanceof SessionProxy proxy ? proxy.getTargetSession() : session;
    try {
      var core = ((ActiveMQSession) target).getCoreSession();
      return core.queueQuery(SimpleString.of(queue));
    } catch (ActiveMQException e) {
      JMSException failure = new JMSException(e.getMessage());
      failure.initCause(e);
      throw failure;
    }
  }
}
