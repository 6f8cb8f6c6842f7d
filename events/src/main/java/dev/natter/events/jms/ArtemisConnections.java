package dev.natter.events.jms;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** Connections to Artemis as every Natter component makes them. */
public final class ArtemisConnections {

  private ArtemisConnections() {}

  /**
   * A factory whose connections reconnect by themselves, backing off up to five seconds; a call
   * made while the broker is away fails after 30 seconds instead of waiting for ever, so that
   * requests get an answer and shutdowns finish.
   */
  public static ActiveMQConnectionFactory factory(String url, String user, String password) {
    ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, user, password);
    factory.setReconnectAttempts(-1);
    factory.setCallFailoverTimeout(30_000);

    factory.setRetryInterval(200);
    factory.setRetryIntervalMultiplier(2.0);
    factory.setMaxRetryInterval(5_000);
    return factory;
  }
}
