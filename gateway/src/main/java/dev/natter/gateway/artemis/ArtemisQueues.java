package dev.natter.gateway.artemis;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.springframework.jms.connection.SessionProxy;

/** Questions about Artemis queues that JMS cannot ask. */
public final class ArtemisQueues {

  private ArtemisQueues() {}

  /**
   * Whether {@code queue} exists, asked without creating it: browsing a missing queue would create
   * one for any name asked.
   */
  public static boolean exists(Session session, String queue) throws JMSException {
    Session target = session instanceof SessionProxy proxy ? proxy.getTargetSession() : session;
    try {
      var core = ((ActiveMQSession) target).getCoreSession();
      return core.queueQuery(SimpleString.of(queue)).isExists();
    } catch (ActiveMQException e) {
      JMSException failure = new JMSException(e.getMessage());
      failure.initCause(e);
      throw failure;
    }
  }
}
