package dev.natter.events.jms;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** Connections to Artemis as every Natter component makes them. */
public final class ArtemisConnections {

  private ArtemisConnections() {}

  /** A factory whose connections reconnect by themselves, backing off up to five seconds. */
  public static ActiveMQConnectionFactory factory(String url, String user, String password) {
    ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, user, password);
    factory.setReconnectAttempts(-1);
    factory.setRetryInterval(200);
    factory.setRetryIntervalMultiplier(2.0);
    factory.setMaxRetryInterval(5_000);
    return factory;
  }
}
