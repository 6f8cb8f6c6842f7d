package dev.natter.broker.artemis;

import dev.natter.events.jms.ArtemisClientShutdown;
import dev.natter.events.jms.ArtemisConnections;
import dev.natter.events.jms.ArtemisReadiness;
import java.util.List;
import java.util.Optional;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

/** Connections to Artemis, and the embedded broker when local runs ask for it. */
@Configuration(proxyBeanMethods = false)
class ArtemisConfiguration {

  @Bean(initMethod = "start", destroyMethod = "stop")
  @ConditionalOnProperty("natter.artemis.embedded.enabled")
  EmbeddedArtemis embeddedArtemis(ArtemisProperties properties) {
    return new EmbeddedArtemis(properties.embedded());
  }

  /** Connections that reconnect by themselves; taking the embedded broker makes it start first. */
  @Bean
  @Primary
  ActiveMQConnectionFactory artemisConnectionFactory(
      ArtemisProperties properties, Optional<EmbeddedArtemis> embedded) {
    return ArtemisConnections.factory(properties.url(), properties.user(), properties.password());
  }

  /** For dispatchers: each consumer takes one message at a time, so a stuck one hoards none. */
  @Bean
  ActiveMQConnectionFactory dispatchConnectionFactory(
      ArtemisProperties properties, Optional<EmbeddedArtemis> embedded) {
    ActiveMQConnectionFactory factory =
        ArtemisConnections.factory(properties.url(), properties.user(), properties.password());
    factory.setConsumerWindowSize(0);
    return factory;
  }

  /** Readiness: the bridge can accept nothing while Artemis cannot be reached. */
  @Bean
  ArtemisReadiness artemisHealthIndicator(
      ArtemisProperties properties, Optional<EmbeddedArtemis> embedded) {
    return new ArtemisReadiness(properties.url(), properties.user(), properties.password());
  }

  @Bean
  ArtemisClientShutdown artemisClientShutdown(List<ActiveMQConnectionFactory> factories) {
    return new ArtemisClientShutdown(factories);
  }

  /** Shared by senders; listener containers use {@link #artemisConnectionFactory} directly. */
  @Bean
  CachingConnectionFactory connectionFactory(ActiveMQConnectionFactory artemisConnectionFactory) {
    CachingConnectionFactory caching = new CachingConnectionFactory(artemisConnectionFactory);
    caching.setSessionCacheSize(16);
    return caching;
  }

  @Bean
  JmsTemplate jmsTemplate(CachingConnectionFactory connectionFactory) {
    JmsTemplate template = new JmsTemplate(connectionFactory);
    template.setSessionTransacted(true);
    return template;
  }

  @Bean
  Topology topology(
      ActiveMQConnectionFactory artemisConnectionFactory, ArtemisProperties properties) {

    return new Topology(artemisConnectionFactory, properties.managementAddress());
  }
}
